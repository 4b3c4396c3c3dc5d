/**
 * Starts a real appliance process (`rep-appliance serve --port 0`) on a fresh temp data directory,
 * the way an outside user would, and stops it again. Used by integration and e2e tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface RunningAppliance {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout + stderr). */
  output(): string;
  /** SIGTERM, wait for exit; the data directory is kept unless `remove` is set. */
  stop(opts?: { remove?: boolean }): Promise<number | null>;
}

export interface StartOptions {
  demo?: boolean;
  dataDir?: string;
  extraArgs?: string[];
  env?: Record<string, string>;
}

export async function startAppliance(opts: StartOptions = {}): Promise<RunningAppliance> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'rep-appliance-'));
  const args = [join(repoRoot, 'bin/rep-appliance.js'), 'serve', '--port', '0', '--data', dataDir];
  if (opts.demo ?? true) args.push('--demo');
  args.push(...(opts.extraArgs ?? []));
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  keepLog(child, 'appliance');

  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`appliance did not start in time:\n${out}`)), 20_000);
    const check = () => {
      const m = /listening on (https?:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        res(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`appliance exited with ${code}:\n${out}`));
    });
  });

  return {
    url,
    dataDir,
    process: child,
    output: () => out,
    stop: ({ remove = false } = {}) =>
      new Promise((res) => {
        const done = (code: number | null) => {
          if (remove) rmSync(dataDir, { recursive: true, force: true });
          res(code);
        };
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Demo accounts (kept in sync with appliance/src/demo and README.md). */
export const DEMO = {
  admin: { username: 'admin', password: 'password' },
  reps: {
    general: [
      { username: 'ana', password: 'Support-Demo-1', displayName: 'Ana Lopez' },
      { username: 'ben', password: 'Support-Demo-1', displayName: 'Ben Walker' },
    ],
    remoteSupport: [
      { username: 'carla', password: 'Support-Demo-1', displayName: 'Carla Rossi' },
      { username: 'dieter', password: 'Support-Demo-1', displayName: 'Dieter Braun' },
    ],
  },
} as const;

/**
 * The test command keeps the log of every appliance and agent process the suites start, under
 * REP_TEST_LOG_DIR (scripts/check-log-secrets.mjs greps them for secrets afterwards).
 */
export function keepLog(child: ChildProcess, kind: string): void {
  const logDir = process.env.REP_TEST_LOG_DIR;
  if (!logDir || !child.stdout || !child.stderr) return;
  mkdirSync(logDir, { recursive: true });
  const file = createWriteStream(join(logDir, `${kind.replace(/[^a-z0-9-]/gi, '_')}-${child.pid}-${Date.now()}.log`));
  child.stdout.pipe(file, { end: false });
  child.stderr.pipe(file, { end: false });
  child.once('exit', () => file.end());
}
