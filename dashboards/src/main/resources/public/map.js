// Draws the province from district GeoJSON as SVG: no tile server, an equirectangular
// projection scaled by cos(latitude), which is accurate enough at a province's size.
const NS = 'http://www.w3.org/2000/svg';
export const HEALTH_COLOURS = {
  OK: '#2e9d4f', LATE: '#e0a100', SILENT: '#7a7a7a', UNKNOWN: '#b8c4cc', ALERT: '#d7263d',
};

export function drawMap(svg, geojson, labelOf, onDistrict) {
  const rings = [];
  for (const f of geojson.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) for (const r of p) rings.push(r);
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of rings) for (const [x, y] of r) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const width = 1000, scale = width / ((maxX - minX) * k), height = (maxY - minY) * scale;
  const project = (lon, lat) => [(lon - minX) * k * scale, (maxY - lat) * scale];
  svg.setAttribute('viewBox', `-8 -8 ${width + 16} ${(height + 16).toFixed(0)}`);
  svg.replaceChildren();
  const districts = document.createElementNS(NS, 'g');
  for (const f of geojson.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    let d = '';
    for (const p of polys) for (const r of p) {
      d += r.map(([x, y], i) => (i ? 'L' : 'M') + project(x, y).map((v) => v.toFixed(1)).join(',')).join('') + 'Z';
    }
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('class', 'district');
    path.dataset.district = f.id;
    const title = document.createElementNS(NS, 'title');
    title.textContent = labelOf(f);
    path.append(title);
    path.addEventListener('click', () => onDistrict(f.id));
    districts.append(path);
  }
  const sensors = document.createElementNS(NS, 'g');
  sensors.setAttribute('id', 'sensor-layer');
  svg.append(districts, sensors);
  return project;
}

/** Fills districts with their AQI band colour, or clears the fill when colours is null. */
export function colourDistricts(svg, colours) {
  svg.querySelectorAll('path.district').forEach((p) => {
    const c = colours && colours.get(p.dataset.district);
    if (c) { p.style.fill = c; p.classList.add('aqi-filled'); } else { p.style.fill = ''; p.classList.remove('aqi-filled'); }
  });
}

/**
 * Draws or updates one dot per sensor, keyed by sensor id: a refresh changes colours in place, so
 * the layer is never empty between two refreshes (and a screenshot never catches it empty).
 */
export function drawSensors(svg, project, sensors, labelOf, onSensor) {
  const layer = svg.querySelector('#sensor-layer');
  if (!layer) return false;
  const known = new Map([...layer.children].map((c) => [c.dataset.sensor, c]));
  for (const s of sensors) {
    let c = known.get(s.id);
    known.delete(s.id);
    if (!c) {
      const [x, y] = project(s.lon, s.lat);
      c = document.createElementNS(NS, 'circle');
      c.setAttribute('cx', x.toFixed(1));
      c.setAttribute('cy', y.toFixed(1));
      c.setAttribute('class', 'sensor');
      c.dataset.sensor = s.id;
      c.append(document.createElementNS(NS, 'title'));
      c.addEventListener('click', (e) => { e.stopPropagation(); onSensor(c.dataset.sensor); });
      layer.append(c);
    }
    c.setAttribute('r', s.health === 'ALERT' ? 9 : 5.5);
    c.setAttribute('fill', HEALTH_COLOURS[s.health] || '#999');
    c.dataset.health = s.health;
    c.firstChild.textContent = `${s.id} — ${labelOf(s.health)}`;
  }
  for (const gone of known.values()) gone.remove();
  // Sensors under alert on top, so a red dot is never hidden under a green one.
  layer.querySelectorAll('circle[data-health=ALERT]').forEach((c) => layer.append(c));
  svg.dataset.sensors = String(layer.children.length);
  return true;
}

export function markSelected(svg, selector) {
  svg.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
  if (selector) svg.querySelectorAll(selector).forEach((e) => e.classList.add('selected'));
}
