// The live panels: AQI per district, traffic state per road segment, power outages.
export const AQI_COLOURS = {
  // VN_AQI categories, RGB from DOMAIN.md (Decision 1459/QĐ-TCMT); the server sends the same.
  GOOD: '#00e400', MODERATE: '#ffff00', POOR: '#ff7e00', BAD: '#ff0000', VERY_BAD: '#8f3f97', HAZARDOUS: '#7e0023',
};
export const TRAFFIC_COLOURS = { FREE: '#2e9d4f', SLOW: '#e0a100', CONGESTED: '#f46036', JAMMED: '#d7263d', UNKNOWN: '#56677a' };
const DARK_TEXT = new Set(['GOOD', 'MODERATE', 'POOR']);
const POLLUTANTS = { pm25: 'PM2.5', pm10: 'PM10', o3: 'O₃', co: 'CO', no2: 'NO₂', so2: 'SO₂' };

export function aqiColour(aqi) {
  const r = Math.round(aqi);
  const c = r <= 50 ? 'GOOD' : r <= 100 ? 'MODERATE' : r <= 150 ? 'POOR' : r <= 200 ? 'BAD' : r <= 300 ? 'VERY_BAD' : 'HAZARDOUS';
  return AQI_COLOURS[c];
}

function cell(tag, text, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
}

export function aqiTiles(rows, t, districtName, onPick) {
  return rows.map((d) => {
    const tile = document.createElement('button');
    tile.type = 'button';
    tile.className = 'aqi-tile';
    tile.dataset.district = d.districtId;
    tile.dataset.category = d.category || 'NONE';
    if (d.aqi != null) {
      tile.style.setProperty('--band', d.colour);
      tile.style.setProperty('--band-text', DARK_TEXT.has(d.category) ? '#111' : '#fff');
    }
    const value = cell('span', d.aqi == null ? '—' : String(Math.round(d.aqi)), 'aqi-value');
    const name = cell('span', districtName(d.districtId), 'aqi-name');
    const detail = cell('span', d.aqi == null ? t('noData')
      : `${t(d.category)}${d.dominant ? ` · ${POLLUTANTS[d.dominant] || d.dominant}` : ''}`, 'aqi-detail');
    tile.append(value, name, detail);
    tile.addEventListener('click', () => onPick(d.districtId));
    return tile;
  });
}

export function trafficRows(rows, t, onPick) {
  return rows.map((s) => {
    const tr = document.createElement('tr');
    tr.dataset.segment = s.segmentId;
    tr.dataset.level = s.level;
    const level = cell('td', t(`lvl${s.level}`), 'level');
    level.prepend(Object.assign(document.createElement('i'), { className: 'dot' }));
    level.querySelector('i').style.background = TRAFFIC_COLOURS[s.level] || TRAFFIC_COLOURS.UNKNOWN;
    tr.append(
      cell('td', s.name || s.segmentId, 'seg-name'),
      level,
      cell('td', s.speedRatio == null ? '—' : s.speedRatio.toFixed(2), 'num ratio'),
      cell('td', s.travelTimeIndex == null ? '—' : s.travelTimeIndex.toFixed(2), 'num tti'));
    tr.addEventListener('click', () => onPick(s));
    return tr;
  });
}

function since(ms, lang) {
  const d = new Date(ms);
  const time = d.toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const sameDay = new Date().toDateString() === d.toDateString();
  return sameDay ? time : `${d.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: '2-digit' })} ${time}`;
}

export function outageRows(rows, t, districtName, lang) {
  if (!rows.length) {
    const tr = document.createElement('tr');
    tr.append(Object.assign(cell('td', t('noOutages'), 'empty'), { colSpan: 4 }));
    return [tr];
  }
  return rows.map((o) => {
    const tr = document.createElement('tr');
    tr.dataset.alertId = o.alertId;
    tr.dataset.transformer = o.transformerId;
    tr.className = `sev-${o.severity}`;
    const affected = o.affectedCustomers == null ? `≤ ${o.customersServed}` : `${o.affectedCustomers} / ${o.customersServed}`;
    tr.append(cell('td', o.transformerName), cell('td', districtName(o.districtId)),
      cell('td', affected, 'num affected'), cell('td', since(o.since, lang), 'since'));
    return tr;
  });
}
