#!/usr/bin/env node
/**
 * `node bench/lib/profile-top.mjs FILE.cpuprofile [N]`: the N functions with the most self time, and
 * the N with the most inclusive time, in a V8 CPU profile (what `BENCH_CPU_PROF=DIR npm run bench -- NAME` writes), with their share of the
 * sampled time. A quick look before opening the profile in Chrome DevTools.
 */
import { readFileSync } from 'node:fs';

const [file, n = '25'] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const keyOf = (node) => {
  const f = node.callFrame;
  return `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) {
  const d = dt[i + 1] ?? 0; // a sample's delta is the time until the next one
  const key = keyOf(byId.get(prof.samples[i]));
  self.set(key, (self.get(key) ?? 0) + d);
  const seen = new Set();
  for (let id = prof.samples[i]; id !== undefined; id = parent.get(id)) seen.add(keyOf(byId.get(id)));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + d);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const busy = total - (self.get('(idle) :0') ?? 0);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy`);
const show = (title, m) => {
  console.log(title);
  for (const [k, v] of [...m.entries()].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, Number(n))) {
    console.log(`${((100 * v) / busy).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
show('self time (% of busy):', self);
show('inclusive time (% of busy):', inclusive);
