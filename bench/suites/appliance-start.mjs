/**
 * appliance-start: how fast the appliance is listening with a large database, and its idle memory.
 *
 * Setup: a data directory with 100,000 Jump Items (bench/lib/seed-jump.ts, the jump-search site).
 * Measurement: `starts` times, `rep-appliance serve` is spawned on it and timed from the spawn to its
 * "listening on" line (Node's own start, loading the bundle, opening and migrating the database,
 * warming caches); the median is the value, the slowest is in details. After the last start the
 * appliance is left idle `idle` seconds and its VmRSS read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppliance } from '../lib/appliance.mjs';
import { runSeed } from '../lib/bundle.mjs';
import { round } from '../lib/stats.mjs';

const FULL = { items: 100_000, starts: 5, idle: 5 };
const QUICK = { items: 2000, starts: 2, idle: 1 };

export default {
  name: 'appliance-start',
  description: 'Appliance start with a 100,000-item database ≤ 1 s to listening; idle RSS ≤ 150 MB',

  async run({ quick, options, log }) {
    const cfg = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(cfg)) if (options[k] !== undefined) cfg[k] = Number(options[k]);
    const dataDir = mkdtempSync(join(tmpdir(), 'rep-bench-start-'));
    try {
      const t0 = performance.now();
      const seeded = await runSeed('seed-jump', dataDir, cfg.items, 'Bench-Start-Password-1');
      log(`  seeded ${seeded.items} Jump Items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const times = [];
      let rss = NaN;
      let peak = NaN;
      for (let i = 0; i < cfg.starts; i++) {
        const app = await startAppliance({ dataDir, keepData: true });
        times.push(app.startMs);
        if (i === cfg.starts - 1) {
          await new Promise((r) => setTimeout(r, cfg.idle * 1000));
          ({ rssMiB: rss, peakRssMiB: peak } = app.memory());
        }
        await app.stop();
      }
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      log(`  start: ${times.map((t) => Math.round(t)).join(', ')} ms; idle RSS ${round(rss)} MiB`);
      const note = `appliance-start: ${seeded.items} Jump Items; spawn → "listening on", median of ${cfg.starts} starts (slowest ${Math.round(sorted.at(-1))} ms); RSS after ${cfg.idle} s idle.`;
      return [
        { name: 'appliance-start', metric: `time to listening, ${seeded.items.toLocaleString('en-US')} items (median)`, unit: 'ms', value: Math.round(median), target: { op: '<=', value: 1000 }, details: { startsMs: times.map(Math.round), note } },
        { name: 'appliance-start', metric: 'idle RSS', unit: 'MiB', value: round(rss), target: { op: '<=', value: 150 }, details: { peakMiB: round(peak) } },
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
