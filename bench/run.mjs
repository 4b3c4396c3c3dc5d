#!/usr/bin/env node
/**
 * `npm run bench [-- NAME… [--quick] [--out DIR] [--KEY=VALUE…]]`
 *
 * Runs every benchmark in bench/suites/ (or the named ones), each against its own fresh appliance
 * process, then writes DIR/latest.json, a dated copy, and DIR/latest.md (default DIR: bench/results)
 * and prints the table. Benchmarks report, they do not gate: the exit code is 0 even when a target
 * is missed, and 1 only when a benchmark crashed. --KEY=VALUE options go to the benchmarks (see
 * bench/README.md), e.g. `--sessions=500 --rate=400`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { judge, machineInfo, markdown } from './lib/report.mjs';

const benchDir = import.meta.dirname;
const suitesDir = join(benchDir, 'suites');

function parseArgs(argv) {
  const out = { names: [], quick: false, outDir: join(benchDir, 'results'), options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') out.quick = true;
    else if (a === '--out') out.outDir = resolve(argv[++i] ?? '');
    else if (a.startsWith('--') && a.includes('=')) {
      const [k, ...v] = a.slice(2).split('=');
      out.options[k] = v.join('=');
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}. Usage: npm run bench -- [NAME…] [--quick] [--out DIR] [--KEY=VALUE…]`);
    else out.names.push(a);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const available = readdirSync(suitesDir).filter((f) => f.endsWith('.mjs')).map((f) => f.replace(/\.mjs$/, '')).sort();
const unknown = args.names.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

const machine = machineInfo();
const results = [];
let crashed = false;
for (const name of args.names.length ? args.names : available) {
  const { default: suite } = await import(pathToFileURL(join(suitesDir, `${name}.mjs`)).href);
  console.log(`▶ ${name}${args.quick ? ' (quick)' : ''}: ${suite.description}`);
  const started = Date.now();
  try {
    const rows = await suite.run({ quick: args.quick, options: args.options, log: (line) => console.log(line) });
    for (const r of rows) results.push({ ...r, pass: judge(r.value, r.target) });
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    crashed = true;
    console.error(`  ${name} crashed:`, e);
    results.push({ name, metric: 'crashed', unit: '', value: NaN, target: null, pass: false, details: { error: String(e?.stack ?? e), note: `${name} crashed: ${e?.message ?? e}` } });
  }
}

const report = { machine, quick: args.quick, options: args.options, results };
const md = markdown(report);
mkdirSync(args.outDir, { recursive: true });
const json = JSON.stringify(report, null, 2) + '\n';
const prefix = args.quick ? 'quick' : 'latest';
writeFileSync(join(args.outDir, `${prefix}.json`), json);
writeFileSync(join(args.outDir, `${prefix}.md`), md);
if (!args.quick) writeFileSync(join(args.outDir, `${machine.date.replace(/[:.]/g, '-')}.json`), json);
console.log('\n' + md);
console.log(`written: ${join(args.outDir, `${prefix}.json`)}, ${join(args.outDir, `${prefix}.md`)}`);
process.exit(crashed ? 1 : 0);
