// The live operator dashboard: plain ES modules, data from /api, live updates over SSE.
import { t, setLang, currentLang } from './i18n.js';
import { drawMap, drawSensors, HEALTH_COLOURS } from './map.js';
import { kpiTiles } from './kpis.js';

const SEVERITY_ORDER = ['CRITICAL', 'MAJOR', 'MINOR', 'INFO'];
const state = { token: null, alerts: new Map(), kpis: {}, sensors: [], units: new Map(), districts: new Map(), project: null, pending: new Set() };

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
  if (res.status === 401) { askToken(); throw new Error('unauthorised'); }
  if (!res.ok) throw new Error((await res.json()).message);
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
}

function askToken() {
  const dialog = document.getElementById('login');
  dialog.addEventListener('close', () => {
    sessionStorage.setItem('cityops.token', document.getElementById('token-input').value.trim());
    location.reload();
  }, { once: true });
  if (!dialog.open) dialog.showModal();
}

function districtName(id) {
  const d = state.districts.get(id);
  return d ? (currentLang() === 'vi' ? d.name : d.nameAscii) : (id || '—');
}

function renderAlerts() {
  const open = [...state.alerts.values()].filter((a) => a.state === 'ACTIVE')
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.updatedAt - a.updatedAt);
  document.getElementById('severity-counts').replaceChildren(...SEVERITY_ORDER.map((s) => {
    const span = document.createElement('span');
    span.className = `count sev-${s}`;
    span.dataset.severity = s;
    span.textContent = `${t(s)}: ${open.filter((a) => a.severity === s).length}`;
    return span;
  }));
  const body = document.querySelector('#alerts tbody');
  if (!open.length) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td colspan="6" class="empty">${t('none')}</td>`;
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...open.map((a) => {
    const tr = document.createElement('tr');
    tr.dataset.alertId = a.alertId;
    tr.className = `sev-${a.severity}`;
    const units = a.assignedUnits.map((u) => state.units.get(u)?.name || u).join(', ');
    const status = state.pending.has(a.alertId) ? 'pending' : (a.acknowledged ? 'acked' : 'unacked');
    const cells = [t(a.severity), `${a.type} · ${a.message || a.subjectId}`, districtName(a.districtId), units || '—'];
    for (const text of cells) { const td = document.createElement('td'); td.textContent = text; tr.append(td); }
    const st = document.createElement('td');
    st.className = 'status';
    st.dataset.status = status;
    st.textContent = `${t(a.state)} · ${t(status)}`;
    const actions = document.createElement('td');
    if (!a.acknowledged) actions.append(button(a, 'acknowledge'));
    actions.append(button(a, 'resolve'));
    tr.append(st, actions);
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
  clearTimeout(state.sensorRefresh);
  state.sensorRefresh = setTimeout(() => refreshSensors().catch(console.error), 1000);
}

function renderKpis() {
  document.getElementById('kpis').replaceChildren(...kpiTiles(state.kpis, t));
}

function renderSensors() {
  if (state.project) drawSensors(document.getElementById('map'), state.project, state.sensors, (h) => t(h === 'ALERT' ? 'ALERTH' : h));
  document.getElementById('legend').replaceChildren(...Object.entries(HEALTH_COLOURS).map(([h, c]) => {
    const span = document.createElement('span');
    span.innerHTML = `<i style="background:${c}"></i>`;
    span.append(`${t(h === 'ALERT' ? 'ALERTH' : h)}: ${state.sensors.filter((s) => s.health === h).length}`);
    return span;
  }));
}

function connect() {
  const conn = document.getElementById('conn');
  const es = new EventSource(`/api/events?access_token=${encodeURIComponent(state.token)}`);
  es.addEventListener('hello', () => { conn.dataset.state = 'on'; conn.dataset.i18n = 'live'; conn.textContent = t('live'); });
  es.addEventListener('alert', (e) => acceptAlert(JSON.parse(e.data)));
  es.addEventListener('kpi', (e) => { const k = JSON.parse(e.data); state.kpis[k.id] = k.snapshot; renderKpis(); });
  es.onerror = () => { conn.dataset.state = 'off'; conn.dataset.i18n = 'offline'; conn.textContent = t('offline'); };
}

async function refreshSensors() {
  state.sensors = await api('/api/sensors');
  renderSensors();
}

async function main() {
  document.getElementById('lang').addEventListener('click', (e) => {
    setLang(currentLang() === 'vi' ? 'en' : 'vi');
    e.target.textContent = currentLang() === 'vi' ? 'EN' : 'VI';
    renderAlerts(); renderKpis(); renderSensors();
  });
  setLang(currentLang());
  document.getElementById('lang').textContent = currentLang() === 'vi' ? 'EN' : 'VI';
  state.token = token();
  if (!state.token) { askToken(); return; }
  renderKpis();
  connect(); // before the snapshot, so nothing between the two is missed; versions dedupe
  const [province, shapes, alerts, kpis] = await Promise.all([
    api('/api/province'), api('/api/districts.geojson'), api('/api/alerts?state=ACTIVE'), api('/api/kpis')]);
  province.districts.forEach((d) => state.districts.set(d.id, d));
  province.fieldUnits.forEach((u) => state.units.set(u.id, u));
  document.getElementById('province').textContent = province.province.name;
  state.project = drawMap(document.getElementById('map'), JSON.parse(typeof shapes === 'string' ? shapes : JSON.stringify(shapes)),
    (f) => districtName(f.id));
  alerts.forEach(acceptAlert);
  Object.assign(state.kpis, kpis);
  renderAlerts(); renderKpis();
  await refreshSensors();
  setInterval(() => refreshSensors().catch(console.error), 30000);
}

main().catch((e) => console.error(e));
