/**
 * Runs one scenario at several sizes (percent of its full size) to show how its cost grows.
 * `runAt(fraction)` returns the scenario's rows at that size. The full size's rows keep their names
 * and targets; the smaller sizes' rows are reports (no target) named "… @ 10 %". Rows whose metric
 * is in `curveMetrics` also carry `curve` so report.mjs draws them as one table per scenario.
 */
import { settle } from './settle.mjs';

export function parseSizes(option, quick) {
  const text = option ?? (quick ? '100' : '10,50,100');
  const sizes = String(text).split(',').map(Number).filter((n) => n > 0 && n <= 100);
  if (!sizes.length) throw new Error('--sizes takes percentages, e.g. --sizes=10,50,100');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

export async function atSizes({ scenario, sizes, curveMetrics, label, runAt, log }) {
  const out = [];
  const largest = Math.max(...sizes);
  for (const [i, pct] of sizes.entries()) {
    const full = pct === largest;
    // The previous size's appliance and data directory are still going away: start quiet (settle.mjs).
    if (i > 0) await settle();
    if (sizes.length > 1) log(`  size ${pct} %: ${label(pct / 100)}`);
    const rows = await runAt(pct / 100);
    for (const r of rows) {
      const key = curveMetrics.find((m) => (typeof m === 'string' ? r.metric === m : m.test(r.metric)));
      const curve = key && sizes.length > 1 ? { scenario, size: pct, label: `${pct} % (${label(pct / 100)})`, metric: typeof key === 'string' ? key : r.metric.replace(/[\d,]+ /, ''), full } : undefined;
      if (full) out.push({ ...r, ...(curve ? { curve } : {}) });
      else if (curve) {
        const { note: _note, ...details } = r.details ?? {};
        out.push({ ...r, metric: `${r.metric} @ ${pct} %`, target: null, details, curve });
      }
    }
  }
  return out;
}
