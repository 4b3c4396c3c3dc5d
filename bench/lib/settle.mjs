/**
 * Before each benchmark, untimed: let the machine go quiet. What the previous benchmark left behind
 * (gigabytes of dirty pages from file-transfer, a browser still exiting, an appliance's data dir
 * being deleted) otherwise lands in the next one's tail latencies; measured here: queue-fanout's
 * p99 was 21–31 ms alone and 223–593 ms right after another benchmark.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Jiffies since boot: idle (idle only; I/O wait counts as busy, the disk is part of "quiet") and total. */
function cpuTimes() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3], total: f.reduce((a, b) => a + b, 0) };
}

/** Flushes dirty pages, then waits until the CPUs are ≥ `idleShare` idle over a `sampleMs` sample (at most `maxMs`). */
export async function settle({ idleShare = 0.9, sampleMs = 500, maxMs = 20_000 } = {}) {
  const t0 = Date.now();
  execFileSync('sync');
  let prev = cpuTimes();
  let idle = 0;
  while (Date.now() - t0 < maxMs) {
    await sleep(sampleMs);
    const now = cpuTimes();
    idle = (now.idle - prev.idle) / Math.max(1, now.total - prev.total);
    prev = now;
    if (idle >= idleShare) break;
  }
  return { ms: Date.now() - t0, idleShare: Math.round(idle * 100) / 100 };
}
