// Draws the province from district GeoJSON as SVG: no tile server, an equirectangular
// projection scaled by cos(latitude), which is accurate enough at a province's size.
const NS = 'http://www.w3.org/2000/svg';
export const HEALTH_COLOURS = {
  OK: '#2e9d4f', LATE: '#e0a100', SILENT: '#7a7a7a', UNKNOWN: '#b8c4cc', ALERT: '#d7263d',
};

export function drawMap(svg, geojson, labelOf) {
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
  svg.setAttribute('viewBox', `0 0 ${width} ${height.toFixed(0)}`);
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
    districts.append(path);
  }
  const sensors = document.createElementNS(NS, 'g');
  sensors.setAttribute('id', 'sensor-layer');
  svg.append(districts, sensors);
  return project;
}

export function drawSensors(svg, project, sensors, labelOf) {
  const layer = svg.querySelector('#sensor-layer');
  layer.replaceChildren();
  for (const s of sensors) {
    const [x, y] = project(s.lon, s.lat);
    const c = document.createElementNS(NS, 'circle');
    c.setAttribute('cx', x.toFixed(1));
    c.setAttribute('cy', y.toFixed(1));
    c.setAttribute('r', s.health === 'ALERT' ? 7 : 4);
    c.setAttribute('fill', HEALTH_COLOURS[s.health] || '#999');
    c.setAttribute('class', 'sensor');
    c.dataset.sensor = s.id;
    c.dataset.health = s.health;
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${s.id} — ${labelOf(s.health)}`;
    c.append(title);
    layer.append(c);
  }
}
