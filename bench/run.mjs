#!/usr/bin/env node
/**
 * `npm run bench [-- NAME… [--quick] [--out DIR] [--KEY=VALUE…]]`
 *
 * Runs every benchmark in bench/suites/ (or the named ones), each in a Node process of its own
 * (bench/lib/run-suite.mjs) against its own fresh appliance process, then writes DIR/latest.json, a
 * dated copy, and DIR/latest.md (default DIR: bench/results) and prints the table. Naming benchmarks
 * replaces only their rows in the previous results (--fresh: start over). The exit code is 1 when a
 * target of a benchmark run now is missed or one crashed (with --quick, only when one crashed: quick
 * numbers are a smoke test, not a measurement). --KEY=VALUE options go to the benchmarks (see
 * bench/README.md), e.g. `--sessions=500 --rate=400`.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { judge, machineInfo, markdown } from './lib/report.mjs';

const benchDir = import.meta.dirname;
const suitesDir = join(benchDir, 'suites');

function parseArgs(argv) {
  const out = { names: [], quick: false, fresh: false, outDir: join(benchDir, 'results'), options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') out.quick = true;
    else if (a === '--out') out.outDir = resolve(argv[++i] ?? '');
    else if (a === '--fresh') out.fresh = true;
    else if (a.startsWith('--') && a.includes('=')) {
      const [k, ...v] = a.slice(2).split('=');
      out.options[k] = v.join('=');
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}. Usage: npm run bench -- [NAME…] [--quick] [--fresh] [--out DIR] [--KEY=VALUE…]`);
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
/** When and at what load each benchmark ran (a subset run keeps the other benchmarks' rows). */
const measured = {};
let crashed = false;
const thisRun = new Set(args.names.length ? args.names : available);
for (const name of thisRun) {
  const outcome = await runInOwnProcess(name);
  if (outcome.rows) {
    for (const r of outcome.rows) results.push({ ...r, pass: judge(r.value, r.target, r.ratio) });
    measured[name] = { date: outcome.date, loadAverage1m: Math.round(loadavg()[0] * 100) / 100 };
  } else {
    crashed = true;
    console.error(`  ${name} crashed: ${outcome.error}`);
    results.push({ name, metric: 'crashed', unit: '', value: NaN, target: null, pass: false, details: { error: outcome.error, note: `${name} crashed: ${outcome.message}` } });
  }
}

/**
 * Runs one benchmark in a fresh Node process (bench/lib/run-suite.mjs: why; it also waits for a quiet
 * machine first) and resolves with `{ rows, date }`, or `{ error, message }` when it died. Its output
 * goes straight to ours.
 */
function runInOwnProcess(name) {
  return new Promise((res) => {
    const failed = (message, stack = message) => ({ error: stack, message });
    const child = fork(join(benchDir, 'lib', 'run-suite.mjs'), [name, args.quick ? 'quick' : 'full', JSON.stringify(args.options)], { stdio: 'inherit', serialization: 'advanced' });
    let outcome = null;
    child.on('message', (m) => (outcome = m));
    // A process that could not start may never report 'exit'.
    child.on('error', (e) => res(outcome ?? failed(e.message, e.stack)));
    child.on('exit', (code, signal) => res(outcome ?? failed(`its process exited ${signal ?? `with code ${code}`} without results`)));
  });
}

const prefix = args.quick ? 'quick' : 'latest';
// One benchmark (or a few) run on its own replaces its own rows in the previous results and keeps the
// others, so each can be measured when the machine is quiet; --fresh (or a run of all) starts over.
const previousFile = join(args.outDir, `${prefix}.json`);
if (args.names.length && !args.fresh && existsSync(previousFile)) {
  try {
    const prev = JSON.parse(readFileSync(previousFile, 'utf8'));
    const kept = (prev.results ?? []).filter((r) => !thisRun.has(r.name));
    const prevMeasured = prev.measured ?? {};
    for (const name of new Set(kept.map((r) => r.name))) measured[name] ??= prevMeasured[name] ?? { date: prev.machine?.date, loadAverage1m: prev.machine?.loadAverage1m };
    results.splice(0, results.length, ...[...kept, ...results].sort((a, b) => available.indexOf(a.name) - available.indexOf(b.name)));
  } catch {
    /* unreadable previous results: write just this run */
  }
}
const report = { machine, quick: args.quick, options: args.options, measured, results };
const md = markdown(report);
mkdirSync(args.outDir, { recursive: true });
const json = JSON.stringify(report, null, 2) + '\n';
writeFileSync(join(args.outDir, `${prefix}.json`), json);
writeFileSync(join(args.outDir, `${prefix}.md`), md);
if (!args.quick) writeFileSync(join(args.outDir, `${machine.date.replace(/[:.]/g, '-')}.json`), json);
console.log('\n' + md);
console.log(`written: ${join(args.outDir, `${prefix}.json`)}, ${join(args.outDir, `${prefix}.md`)}`);
// The exit code speaks for the benchmarks run now, not for rows kept from earlier runs.
const missed = results.filter((r) => r.pass === false && thisRun.has(r.name)).length;
if (missed && !args.quick) console.log(`${missed} target(s) missed.`);
process.exit(crashed || (missed && !args.quick) ? 1 : 0);
