/** Runs `rep-appliance jump-client|customer …` as a real child process, the way a user (or an installer) does. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { keepLog, repoRoot } from './appliance.js';

export interface RunningCli {
  process: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when the pattern shows up on stdout or stderr. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Sends a line to its stdin. */
  type(line: string): void;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/rep-appliance.js'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  const notify = () => watchers.forEach((w) => w());
  child.stdout.on('data', (b: Buffer) => ((out += b.toString()), notify()));
  child.stderr.on('data', (b: Buffer) => ((err += b.toString()), notify()));
  keepLog(child, args[0] ?? 'cli');
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern, timeoutMs = 10_000) =>
      new Promise((res, rej) => {
        const test = () => {
          const m = typeof pattern === 'string' ? (out + err).includes(pattern) && pattern : (pattern.exec(out + err)?.[0] ?? null);
          if (m !== null && m !== false) {
            clearTimeout(timer);
            watchers.delete(test);
            res(m);
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(test);
          rej(new Error(`timed out waiting for ${String(pattern)}\n--- stdout\n${out}\n--- stderr\n${err}`));
        }, timeoutMs);
        watchers.add(test);
        test();
      }),
    type: (line) => child.stdin.write(line + '\n'),
    exited: () => exit,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}
