/**
 * The benchmark suite still runs: `bench/run.mjs --quick` against a real appliance writes its
 * results and loses no chat message. No timing is asserted here — targets live in bench/.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/appliance.js';

const outDir = mkdtempSync(join(tmpdir(), 'rep-bench-smoke-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Row {
  name: string;
  metric: string;
  value: number | null;
  pass: boolean | null;
}

describe('bench --quick', () => {
  it('chat-delivery runs, writes JSON and Markdown, and loses no message', async () => {
    await promisify(execFile)(process.execPath, ['bench/run.mjs', 'chat-delivery', '--quick', '--out', outDir], { cwd: repoRoot, timeout: 120_000 });
    const report = JSON.parse(readFileSync(join(outDir, 'quick.json'), 'utf8')) as { quick: boolean; machine: { cores: number }; results: Row[] };
    expect(report.quick).toBe(true);
    expect(report.machine.cores).toBeGreaterThan(0);
    const rows = report.results.filter((r) => r.name === 'chat-delivery');
    expect(rows.map((r) => r.metric)).toEqual(expect.arrayContaining(['latency p99', 'messages lost', 'appliance RSS after setup']));
    expect(rows.find((r) => r.metric === 'messages lost')?.value).toBe(0);
    expect(rows.find((r) => r.metric === 'latency p99')?.value).toEqual(expect.any(Number));
    expect(readFileSync(join(outDir, 'quick.md'), 'utf8')).toContain('| chat-delivery | latency p99 |');
  }, 150_000);
});
