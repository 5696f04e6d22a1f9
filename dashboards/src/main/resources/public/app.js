// The live operator dashboard: plain ES modules, data from /api, live updates over SSE.
import { t, setLang, currentLang } from './i18n.js';
import { drawMap, drawSensors, colourDistricts, markSelected, HEALTH_COLOURS } from './map.js';
import { kpiTiles } from './kpis.js';
import { aqiTiles, trafficRows, outageRows, aqiColour } from './panels.js';
import { lineChart } from './chart.js';

const SEVERITY_ORDER = ['CRITICAL', 'MAJOR', 'MINOR', 'INFO'];
const HOUR = 3600000;
// The metric a sensor's history chart shows, by sensor kind.
const PRIMARY_METRIC = {
  TRAFFIC_DETECTOR: ['speedKmh', 'km/h'], FOREST_STATION: ['temperatureC', '°C'], AIR_QUALITY_STATION: ['pm25', 'µg/m³'],
  RAIN_GAUGE: ['rainfallMm', 'mm'], RIVER_GAUGE: ['waterLevelCm', 'cm'], CUSTOMER_METER: ['voltageV', 'V'], TRANSFORMER_METER: ['voltageV', 'V'],
};
const state = {
  token: null, alerts: new Map(), kpis: {}, sensors: null, units: new Map(), districts: new Map(), project: null, pending: new Set(),
  sensorRequests: 0, sensorApplied: 0, aqi: [], traffic: [], outages: [], live: true, selection: null, timers: {},
  aqiOnMap: localStorage.getItem('cityops.aqiOnMap') !== 'false',
};
const $ = (id) => document.getElementById(id);

function token() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    sessionStorage.setItem('cityops.token', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem('cityops.token');
}

async function api(path, options = {}) {
  const res = await fetch(path, { ...options, headers: { Authorization: `Bearer ${state.token}`, 'Content-Type': 'application/json' } });
  if (res.status === 401) { askToken(); throw Object.assign(new Error('unauthorised'), { status: 401 }); }
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw Object.assign(new Error(body.message || res.statusText), { status: res.status });
  }
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
}

/** Retries a start-up fetch: a server still warming up must not leave the page half drawn. */
async function retry(what, attempts = 6) {
  for (let i = 1; ; i++) {
    try { return await what(); } catch (e) {
      if (i >= attempts || e.status === 401 || e.status === 403) throw e;
      await new Promise((r) => setTimeout(r, Math.min(8000, 500 * 2 ** i)));
    }
  }
}

/** Runs fn once after a quiet period: bursts of live events become one refresh. */
function debounce(key, ms, fn) {
  clearTimeout(state.timers[key]);
  state.timers[key] = setTimeout(() => fn().catch(console.error), ms);
}

function askToken() {
  const dialog = $('login');
  dialog.addEventListener('close', () => {
    sessionStorage.setItem('cityops.token', $('token-input').value.trim());
    location.reload();
  }, { once: true });
  if (!dialog.open) dialog.showModal();
}

function districtName(id) {
  const d = state.districts.get(id);
  const name = d ? (currentLang() === 'vi' ? d.name : d.nameAscii) : (id || '—');
  return name.replace(/^(Huyện|Huyen|Thành phố|Thanh pho) /, '');
}

function renderAlerts() {
  const open = [...state.alerts.values()].filter((a) => a.state === 'ACTIVE')
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.updatedAt - a.updatedAt);
  $('severity-counts').replaceChildren(...SEVERITY_ORDER.map((s) => {
    const span = document.createElement('span');
    span.className = `count sev-${s}`;
    span.dataset.severity = s;
    span.textContent = `${t(s)}: ${open.filter((a) => a.severity === s).length}`;
    return span;
  }));
  const body = document.querySelector('#alerts tbody');
  if (!open.length) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td colspan="4" class="empty">${t('none')}</td>`;
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...open.map((a) => {
    const tr = document.createElement('tr');
    tr.dataset.alertId = a.alertId;
    tr.className = `sev-${a.severity}`;
    const units = a.assignedUnits.map((u) => state.units.get(u)?.name || u).join(', ');
    const status = state.pending.has(a.alertId) ? 'pending' : (a.acknowledged ? 'acked' : 'unacked');
    // Severity as a word beside the alert, not a column of its own: the colour bar repeats it.
    const what = document.createElement('td');
    what.className = 'what';
    const sev = document.createElement('span');
    sev.className = 'sev-word';
    sev.textContent = t(a.severity);
    what.append(sev, `${a.type} · ${a.message || a.subjectId}`);
    tr.append(what);
    for (const text of [districtName(a.districtId), units || '—']) { const td = document.createElement('td'); td.textContent = text; tr.append(td); }
    const st = document.createElement('td');
    st.className = 'status';
    st.dataset.status = status;
    const label = document.createElement('div');
    label.textContent = `${t(a.state)} · ${t(status)}`;
    const actions = document.createElement('div');
    actions.className = 'actions';
    if (!a.acknowledged) actions.append(button(a, 'acknowledge'));
    actions.append(button(a, 'resolve'));
    st.append(label, actions);
    tr.append(st);
    return tr;
  }));
}

function button(alert, command) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `cmd cmd-${command}`;
  b.textContent = t(command);
  b.disabled = state.pending.has(alert.alertId);
  b.addEventListener('click', async () => {
    state.pending.add(alert.alertId);
    renderAlerts();
    try {
      await api(`/api/alerts/${encodeURIComponent(alert.alertId)}/${command}`, { method: 'POST', body: '{}' });
    } catch (e) {
      state.pending.delete(alert.alertId);
      renderAlerts();
      console.error(e);
    }
  });
  return b;
}

function acceptAlert(a) {
  const known = state.alerts.get(a.alertId);
  if (known && known.version >= a.version) return;
  state.alerts.set(a.alertId, a);
  state.pending.delete(a.alertId);
  renderAlerts();
  // Sensor colours depend on open alerts; coalesce bursts into one refresh.
  debounce('sensors', 1000, refreshSensors);
  if (a.type.startsWith('power.outage') && state.live) debounce('outages', 300, refreshOutages);
}

function renderKpis() {
  $('kpis').replaceChildren(...kpiTiles(state.kpis, t));
}

/** Draws the sensor dots once both the map and the sensor list are there, whichever came last. */
function renderSensors() {
  if (!state.sensors) return;
  if (state.project) {
    const drawn = drawSensors($('map'), state.project, state.sensors, (h) => t(h === 'ALERT' ? 'ALERTH' : h), selectSensor);
    if (drawn) $('map').dataset.ready = 'true';
  }
  $('legend').replaceChildren(...Object.entries(HEALTH_COLOURS).map(([h, c]) => {
    const span = document.createElement('span');
    span.innerHTML = `<i style="background:${c}"></i>`;
    span.append(`${t(h === 'ALERT' ? 'ALERTH' : h)}: ${state.sensors.filter((s) => s.health === h).length}`);
    return span;
  }));
}

/** Only the newest answer is drawn: an older refresh finishing late cannot undo a newer one. */
async function refreshSensors() {
  const request = ++state.sensorRequests;
  const sensors = await api('/api/sensors');
  if (request < state.sensorApplied) return;
  state.sensorApplied = request;
  state.sensors = sensors;
  renderSensors();
}

function renderAqi() {
  $('aqi').replaceChildren(...aqiTiles(state.aqi, t, districtName, selectDistrict));
  colourDistricts($('map'), state.aqiOnMap
    ? new Map(state.aqi.filter((d) => d.aqi != null).map((d) => [d.districtId, d.colour])) : null);
}

// Worst first, so the segments that need attention are on screen without scrolling.
const LEVEL_ORDER = ['JAMMED', 'CONGESTED', 'SLOW', 'FREE', 'UNKNOWN'];

function renderTraffic() {
  const rows = [...state.traffic].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level)
    || (a.travelTimeIndex ?? 9) - (b.travelTimeIndex ?? 9) || a.segmentId.localeCompare(b.segmentId));
  document.querySelector('#traffic tbody').replaceChildren(...trafficRows(rows, t, selectSegment));
}

function renderOutages() {
  document.querySelector('#outages tbody').replaceChildren(...outageRows(state.outages, t, districtName, currentLang()));
  $('outage-count').textContent = String(state.outages.length);
  $('outage-count').dataset.count = String(state.outages.length);
}

async function refreshAqi() { state.aqi = await api('/api/live/aqi'); renderAqi(); }
async function refreshTraffic() { state.traffic = await api('/api/live/traffic'); renderTraffic(); }
async function refreshOutages() { state.outages = await api('/api/live/outages'); renderOutages(); }

async function refreshLive() {
  try {
    await Promise.all([refreshAqi(), refreshTraffic(), refreshOutages()]);
  } catch (e) {
    if (e.status !== 403) throw e;
    state.live = false; // a field unit: the live panels are office views
    document.body.dataset.live = 'off';
  }
}

function acceptAggregate(a) {
  if (!state.live) return;
  if (a.kind === 'air.district' && a.window === '1h') debounce('aqi', 300, refreshAqi);
  if (a.kind === 'traffic.segment' && a.window === '1m') debounce('traffic', 300, refreshTraffic);
  const sel = state.selection;
  if (sel && sel.subject === a.subjectId && sel.kind === a.kind) debounce('chart', 1000, () => showHistory(sel));
}

// --- recent-history chart ---------------------------------------------------------------

function selectDistrict(id) {
  const now = Date.now();
  showHistory({
    kind: 'air.district', subject: id, title: () => `${t('aqiHistory')} — ${districtName(id)}`, unit: 'AQI', aqi: true,
    from: now - 24 * HOUR, to: now,
    url: `/api/history/aggregates?kind=air.district&subject=${encodeURIComponent(id)}&window=1h&field=aqi`,
    select: `path.district[data-district="${id}"]`,
  }).catch(console.error);
}

function selectSensor(id) {
  const s = (state.sensors || []).find((x) => x.id === id);
  const [metric, unit] = PRIMARY_METRIC[s?.kind] || ['value', ''];
  const now = Date.now();
  showHistory({
    kind: 'sensor', subject: id, title: () => `${t(`m_${metric}`)} — ${id}`, unit,
    from: now - 6 * HOUR, to: now,
    url: `/api/history?measurement=reading&field=${metric}&sensorId=${encodeURIComponent(id)}&agg=mean&step=5m`,
    select: `circle.sensor[data-sensor="${id}"]`,
  }).catch(console.error);
}

function selectSegment(seg) {
  const now = Date.now();
  showHistory({
    kind: 'traffic.segment', subject: seg.segmentId, title: () => `${t('ttiHistory')} — ${seg.name || seg.segmentId}`, unit: 'TTI',
    from: now - 3 * HOUR, to: now,
    url: `/api/history/aggregates?kind=traffic.segment&subject=${encodeURIComponent(seg.segmentId)}&window=1m&field=travelTimeIndex&agg=mean&step=5m`,
    select: null,
  }).catch(console.error);
}

async function showHistory(sel) {
  state.selection = sel;
  const panel = $('history');
  panel.dataset.subject = sel.subject;
  panel.dataset.state = 'loading';
  $('history-title').textContent = sel.title();
  $('history-note').textContent = t('loading');
  markSelected($('map'), sel.select);
  try {
    const to = Date.now();
    const from = to - (sel.to - sel.from);
    const result = await api(`${sel.url}&from=${from}&to=${to}`);
    if (state.selection !== sel) return;
    const points = result.series.flatMap((s) => s.points);
    if (!points.length) {
      panel.dataset.state = 'empty';
      $('history-note').textContent = t('noHistory');
      $('chart').replaceChildren();
      return;
    }
    panel.dataset.state = 'ready';
    panel.dataset.points = String(points.length);
    $('history-note').textContent = `${sel.unit} · ${t('lastHours').replace('{n}', Math.round((to - from) / HOUR))} · ${points.length} ${t('points')}`;
    lineChart($('chart'), points, { from, to, unit: sel.unit, colourOf: sel.aqi ? aqiColour : null });
  } catch (e) {
    if (state.selection !== sel) return;
    panel.dataset.state = 'error';
    $('history-note').textContent = e.status === 503 ? t('historyOff') : e.status === 403 ? t('historyDenied') : e.message;
    $('chart').replaceChildren();
  }
}

// --- wiring --------------------------------------------------------------------------------

function connect() {
  const conn = $('conn');
  const es = new EventSource(`/api/events?access_token=${encodeURIComponent(state.token)}`);
  let connected = false;
  es.addEventListener('hello', () => {
    conn.dataset.state = 'on'; conn.dataset.i18n = 'live'; conn.textContent = t('live');
    // After a reconnect, catch up on what was sent while the stream was down.
    if (connected) resync().catch(console.error);
    connected = true;
  });
  es.addEventListener('alert', (e) => acceptAlert(JSON.parse(e.data)));
  es.addEventListener('kpi', (e) => { const k = JSON.parse(e.data); state.kpis[k.id] = k.snapshot; renderKpis(); });
  es.addEventListener('aggregate', (e) => acceptAggregate(JSON.parse(e.data)));
  es.onerror = () => { conn.dataset.state = 'off'; conn.dataset.i18n = 'offline'; conn.textContent = t('offline'); };
}

async function resync() {
  (await api('/api/alerts?state=ACTIVE')).forEach(acceptAlert);
  await refreshSensors();
  if (state.live) await refreshLive();
}

function renderAll() {
  renderAlerts(); renderKpis(); renderSensors();
  if (state.live) { renderAqi(); renderTraffic(); renderOutages(); }
  $('aqi-on-map').textContent = t(state.aqiOnMap ? 'aqiOnMapOff' : 'aqiOnMapOn');
  if (state.selection) showHistory(state.selection).catch(console.error);
}

async function main() {
  $('lang').addEventListener('click', (e) => {
    setLang(currentLang() === 'vi' ? 'en' : 'vi');
    e.target.textContent = currentLang() === 'vi' ? 'EN' : 'VI';
    renderAll();
  });
  $('aqi-on-map').addEventListener('click', () => {
    state.aqiOnMap = !state.aqiOnMap;
    localStorage.setItem('cityops.aqiOnMap', String(state.aqiOnMap));
    renderAqi();
    $('aqi-on-map').textContent = t(state.aqiOnMap ? 'aqiOnMapOff' : 'aqiOnMapOn');
  });
  setLang(currentLang());
  $('lang').textContent = currentLang() === 'vi' ? 'EN' : 'VI';
  $('aqi-on-map').textContent = t(state.aqiOnMap ? 'aqiOnMapOff' : 'aqiOnMapOn');
  state.token = token();
  if (!state.token) { askToken(); return; }
  renderKpis();
  connect(); // before the snapshot, so nothing between the two is missed; versions dedupe
  setInterval(() => refreshSensors().catch(console.error), 30000);
  // Sensors load alongside the map; renderSensors draws the dots when both are in.
  const sensors = retry(refreshSensors);
  const [province, shapes, alerts, kpis] = await retry(() => Promise.all([
    api('/api/province'), api('/api/districts.geojson'), api('/api/alerts?state=ACTIVE'), api('/api/kpis')]));
  province.districts.forEach((d) => state.districts.set(d.id, d));
  province.fieldUnits.forEach((u) => state.units.set(u.id, u));
  $('province').textContent = province.province.name;
  state.project = drawMap($('map'), typeof shapes === 'string' ? JSON.parse(shapes) : shapes,
    (f) => districtName(f.id), selectDistrict);
  renderSensors();
  alerts.forEach(acceptAlert);
  Object.assign(state.kpis, kpis);
  renderAlerts(); renderKpis();
  await Promise.all([sensors, retry(refreshLive)]);
}

main().catch((e) => console.error(e));
