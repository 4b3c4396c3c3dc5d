/**
 * A real appliance process for one benchmark: a fresh temp data directory (optionally prepared by
 * seed-site.ts), `rep-appliance serve --port 0`, and its memory and CPU read from /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSeed } from './bundle.mjs';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Writes the bare site plus `reps` bench reps into dataDir (bench/lib/seed-site.ts); returns their usernames. */
export async function seedReps(dataDir, reps, password) {
  return (await runSeed('seed-site', dataDir, reps, password)).reps;
}

/**
 * Starts `rep-appliance serve` on a new temp data directory (or `dataDir`; `keepData` leaves it in
 * place on stop). `prepare(dataDir)` runs before the process starts (seeding). Output is kept (last 64 KiB) for error messages; the pipe is always drained.
 */
/**
 * The appliance's command line: bin/rep-appliance.js (the build in out/appliance), or the bundle
 * `BENCH_CLI` names — an A/B comparison of two builds on the same machine in the same hour.
 */
export const applianceCli = () => (process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(repoRoot, 'bin/rep-appliance.js'));

export async function startAppliance({ prepare, args = [], env = {}, dataDir: givenDir, keepData = false } = {}) {
  const cli = applianceCli();
  if (!existsSync(join(repoRoot, 'out/appliance/cli.js'))) throw new Error('The appliance is not built: run `npm run build` first.');
  const dataDir = givenDir ?? mkdtempSync(join(tmpdir(), 'rep-bench-'));
  const prepared = prepare ? await prepare(dataDir) : undefined;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...profileArgs('appliance'), cli, 'serve', '--port', '0', '--data', dataDir, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (b) => {
    tail = (tail + b.toString()).slice(-65_536);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`appliance did not start in time:\n${tail}`)), 30_000);
    const check = () => {
      const m = /listening on (https?:\/\/\S+)/.exec(tail);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        res(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`appliance exited with ${code}:\n${tail}`));
    });
  });

  const startMs = performance.now() - spawnedAt;
  return {
    url,
    dataDir,
    /** Milliseconds from spawning the process to its "listening on" line. */
    startMs,
    pid: child.pid,
    prepared,
    output: () => tail,
    alive: () => child.exitCode === null && child.signalCode === null,
    /** VmRSS and VmHWM (peak) in MiB, from /proc/<pid>/status. */
    memory: () => procMemory(child.pid),
    /** User + system CPU seconds the process has used so far. */
    cpuSeconds: () => procCpuSeconds(child.pid),
    stop: () =>
      new Promise((res) => {
        const done = () => {
          if (!keepData) rmSync(dataDir, { recursive: true, force: true });
          res(child.exitCode);
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/**
 * `BENCH_CPU_PROF=DIR npm run bench -- NAME` profiles the processes a benchmark starts (the appliance,
 * and agents that use this too): node --cpu-prof writes DIR/<label>/*.cpuprofile when each exits.
 * NODE_OPTIONS cannot carry --cpu-prof, hence this.
 */
export function profileArgs(label) {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', join(resolve(dir), label)] : [];
}

export function procMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

export function procCpuSeconds(pid) {
  // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux we run on
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
