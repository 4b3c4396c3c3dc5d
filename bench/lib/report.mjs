/** The results file and table: one row per metric, the machine they were measured on. */
import { cpus, loadavg, totalmem } from 'node:os';

export function machineInfo() {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    ramGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
  };
}

const OPS = { '<=': '≤', '>=': '≥', '==': '=' };

/** pass is true/false against a target, null for a row that only reports. */
export function judge(value, target) {
  if (!target) return null;
  if (!Number.isFinite(value)) return false;
  if (target.op === '<=') return value <= target.value;
  if (target.op === '>=') return value >= target.value;
  return value === target.value;
}

const fmtTarget = (r) => (r.target ? `${OPS[r.target.op]} ${r.target.value} ${r.unit}`.trim() : '—');
const fmtPass = (r) => (r.pass === null ? 'info' : r.pass ? 'pass' : '**FAIL**');
const fmtValue = (r) => (Number.isFinite(r.value) ? `${r.value} ${r.unit}`.trim() : '—');

export function markdown({ machine, quick, results }) {
  const lines = [
    `# Benchmark results${quick ? ' (quick mode — not comparable to full runs)' : ''}`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.platform}; ` +
      `1-minute load average at start ${machine.loadAverage1m}; ${machine.date}.`,
    '',
    '| benchmark | metric | value | target | result |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.metric} | ${fmtValue(r)} | ${fmtTarget(r)} | ${fmtPass(r)} |`),
    '',
  ];
  const notes = [...new Set(results.map((r) => r.details?.note).filter(Boolean))];
  if (notes.length) lines.push(...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
