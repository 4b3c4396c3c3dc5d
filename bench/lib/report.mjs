/** The results file and table: one row per metric, the machine they were measured on. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export function machineInfo() {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    ramGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    kernel: release(),
    os: osName(),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
  };
}

function osName() {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

const OPS = { '<=': '≤', '>=': '≥', '==': '=' };

/**
 * pass is true/false against a target, null for a row that only reports. A target with
 * `on: 'ratio'` judges the row's ratio to its baseline (in %) instead of its value.
 */
export function judge(value, target, ratio) {
  if (!target) return null;
  const v = target.on === 'ratio' ? ratio : value;
  if (!Number.isFinite(v)) return false;
  if (target.op === '<=') return v <= target.value;
  if (target.op === '>=') return v >= target.value;
  return v === target.value;
}

const fmtNum = (v) => (Math.abs(v) >= 10_000 ? v.toLocaleString('en-US') : String(v));
const fmtTarget = (r) => {
  if (!r.target) return '—';
  const unit = r.target.on === 'ratio' ? '% of baseline' : r.unit;
  return `${OPS[r.target.op]} ${fmtNum(r.target.value)} ${unit}`.trim();
};
const fmtPass = (r) => (r.pass === null ? 'info' : r.pass ? 'pass' : '**FAIL**');
const fmtValue = (r) => (Number.isFinite(r.value) ? `${fmtNum(r.value)} ${r.unit}`.trim() : '—');
const fmtBaseline = (r) => (r.baseline && Number.isFinite(r.baseline.value) ? `${fmtNum(r.baseline.value)} ${r.baseline.unit ?? r.unit} (${r.baseline.label})` : '—');
const fmtRatio = (r) => (Number.isFinite(r.ratio) ? `${r.ratio} %` : '—');

export function machineLine(machine) {
  return (
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM; Node ${machine.node}; ` +
    `${machine.os ?? machine.platform}, kernel ${machine.kernel ?? '?'} (${machine.platform}); ` +
    `1-minute load average at start ${machine.loadAverage1m}; ${machine.date}.`
  );
}

/**
 * Cost curves: rows a suite ran at several sizes carry `curve: { scenario, size, label }`; one table
 * per scenario, a line per size and a column per metric.
 */
function curves(results) {
  const by = new Map();
  for (const r of results) {
    if (!r.curve) continue;
    if (!by.has(r.curve.scenario)) by.set(r.curve.scenario, []);
    by.get(r.curve.scenario).push(r);
  }
  const out = [];
  for (const [scenario, rows] of by) {
    const metrics = [...new Set(rows.map((r) => r.curve.metric ?? r.metric))];
    const sizes = [...new Map(rows.map((r) => [r.curve.size, r.curve.label])).entries()].sort((a, b) => a[0] - b[0]);
    out.push(`### Cost curve: ${scenario}`, '', `| size | ${metrics.join(' | ')} |`, `|---|${metrics.map(() => '---').join('|')}|`);
    for (const [size, label] of sizes) {
      const cells = metrics.map((m) => {
        const r = rows.find((x) => x.curve.size === size && (x.curve.metric ?? x.metric) === m);
        return r ? fmtValue(r) : '—';
      });
      out.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}

export function markdown({ machine, quick, results, measured = {} }) {
  const main = results.filter((r) => !r.curve || r.curve.full);
  const lines = [
    `# Benchmark results${quick ? ' (quick mode — not comparable to full runs)' : ''}`,
    '',
    machineLine(machine),
    '',
    '| benchmark | metric | value | target | result | baseline (same run) | ratio |',
    '|---|---|---|---|---|---|---|',
    ...main.map((r) => `| ${r.name} | ${r.metric} | ${fmtValue(r)} | ${fmtTarget(r)} | ${fmtPass(r)} | ${fmtBaseline(r)} | ${fmtRatio(r)} |`),
    '',
  ];
  const when = Object.entries(measured).filter(([, m]) => m?.date);
  if (when.length > 1) lines.push(`Measured: ${when.map(([n, m]) => `${n} ${m.date.slice(0, 16).replace('T', ' ')} UTC (load ${m.loadAverage1m})`).join('; ')}.`, '');
  const misses = results.filter((r) => r.pass === false);
  lines.push(misses.length ? `**${misses.length} target(s) missed:** ${misses.map((r) => `${r.name} / ${r.metric}`).join('; ')}.` : 'Every target met.', '');
  lines.push(...curves(results));
  const notes = [...new Set(results.map((r) => r.details?.note).filter(Boolean))];
  if (notes.length) lines.push('Notes:', '', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
