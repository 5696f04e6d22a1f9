// KPI tiles against the province's targets (ARCHITECTURE.md: forest monitored 70 % by 2025 and
// 100 % by 2030; districts with smart services 40 % by 2025 and 100 % by 2030). Snapshots are the
// model's Kpi JSON (kind, scope, value in percent); the province-wide one feeds the tile.
const TILES = [
  { key: 'kpiForest', kind: 'FOREST_MONITORED', match: /forest/i, targets: [[70, 2025], [100, 2030]] },
  { key: 'kpiDistricts', kind: 'SMART_SERVICE_DISTRICTS', match: /smart|district/i, targets: [[40, 2025], [100, 2030]] },
];

function percent(snapshot) {
  if (snapshot == null || typeof snapshot.value !== 'number') return null;
  // A bare fraction (no unit) is read as a share of one; the model's Kpi says "%".
  return snapshot.unit === '%' || snapshot.value > 1 ? snapshot.value : snapshot.value * 100;
}

function pick(kpis, tile) {
  const all = Object.entries(kpis).filter(([id, k]) => k && (k.kind ? k.kind === tile.kind : tile.match.test(id)));
  const province = all.find(([, k]) => !k.scope || k.scope === 'PROVINCE');
  return (province || [])[1];
}

export function kpiTiles(kpis, t) {
  return TILES.map((tile) => {
    const value = percent(pick(kpis, tile));
    const el = document.createElement('div');
    el.className = 'kpi';
    el.dataset.kpi = tile.key;
    const met = value != null && value >= tile.targets[0][0];
    el.dataset.met = String(met);
    const targets = tile.targets.map(([p, y]) => `${p} % (${y})`).join(' · ');
    el.innerHTML = `<h3></h3><div class="value"></div><div class="bar"><span></span>${tile.targets.map(([p]) => `<i style="left:${p}%"></i>`).join('')}</div><div class="target"></div>`;
    el.querySelector('h3').textContent = t(tile.key);
    el.querySelector('.value').textContent = value == null ? t('noData') : `${value.toFixed(1)} %`;
    el.querySelector('.bar span').style.width = `${Math.min(100, value || 0)}%`;
    el.querySelector('.target').textContent = `${t('target')}: ${targets}`;
    return el;
  });
}
