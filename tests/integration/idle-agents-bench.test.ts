/**
 * The idle-agents benchmark still runs: `bench/run.mjs idle-agents --quick` with a small fleet
 * against a real appliance holds every agent and turns every Jump Item Active. No memory target is
 * asserted here — targets live in bench/.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/appliance.js';

const outDir = mkdtempSync(join(tmpdir(), 'rep-bench-agents-smoke-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('bench idle-agents --quick', () => {
  it('connects a small fleet of agents, holds them all, and reports the appliance RSS', async () => {
    await promisify(execFile)(process.execPath, ['bench/run.mjs', 'idle-agents', '--quick', '--agents=200', '--out', outDir], { cwd: repoRoot, timeout: 120_000 });
    const report = JSON.parse(readFileSync(join(outDir, 'quick.json'), 'utf8')) as { results: { name: string; metric: string; value: number; pass: boolean | null }[] };
    const rows = report.results.filter((r) => r.name === 'idle-agents');
    expect(rows.find((r) => r.metric === 'agents held to the end')).toMatchObject({ value: 200, pass: true });
    expect(rows.find((r) => r.metric === 'Jump Items Active')).toMatchObject({ value: 200, pass: true });
    expect(rows.find((r) => r.metric.startsWith('appliance RSS with 200 idle agents'))?.value).toEqual(expect.any(Number));
  }, 150_000);
});
