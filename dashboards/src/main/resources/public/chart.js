// A small SVG line chart for recent history: no charting library, one series, time on x.
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function hhmm(ms) {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function nice(v) {
  const a = Math.abs(v);
  return a >= 100 || Number.isInteger(v) ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** Round tick values (1, 2 or 5 times a power of ten) covering lo..hi. */
function ticks(lo, hi, count = 4) {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/**
 * Draws points [{time, value}] between from and to (epoch ms) into svg.
 * colourOf(value) may colour each point (AQI bands); otherwise points take the line's colour.
 */
export function lineChart(svg, points, { from, to, unit = '', colourOf } = {}) {
  const W = 640, H = 260, L = 58, R = 14, T = 16, B = 34;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const values = points.map((p) => p.value);
  let lo = Math.min(...values), hi = Math.max(...values);
  if (lo === hi) { lo -= 1; hi += 1; }
  const marks = ticks(lo, hi);
  lo = Math.min(lo, marks[0]); hi = Math.max(hi, marks[marks.length - 1]);
  const x = (t) => L + ((t - from) / (to - from)) * (W - L - R);
  const y = (v) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  const axes = el('g', { class: 'axes' });
  for (const v of marks) {
    axes.append(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    axes.append(el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, nice(v)));
  }
  for (let i = 0; i <= 4; i++) {
    const t = from + ((to - from) * i) / 4;
    axes.append(el('text', { x: x(t), y: H - 6, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' }, hhmm(t)));
  }
  svg.append(axes);
  const sorted = [...points].sort((a, b) => a.time - b.time);
  svg.append(el('polyline', { class: 'line', points: sorted.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ') }));
  const dots = el('g', { class: 'points' });
  for (const p of sorted) {
    const c = el('circle', { cx: x(p.time).toFixed(1), cy: y(p.value).toFixed(1), r: 4, class: 'pt' });
    if (colourOf) c.style.fill = colourOf(p.value);
    c.dataset.time = p.time;
    c.dataset.value = p.value;
    c.append(el('title', {}, `${hhmm(p.time)} — ${nice(p.value)} ${unit}`));
    dots.append(c);
  }
  svg.append(dots);
}
