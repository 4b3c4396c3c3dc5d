/**
 * Real command shells for the agent, through node-pty (loaded on first use): the user's $SHELL or
 * /bin/sh (cmd.exe on Windows), started in the first allowed folder. One pty per channel the
 * appliance opens; all of them end when the connection drops or the agent stops.
 */
import { homedir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { AGENT_SHELL_OUTPUT, CodedError, MAX_SHELL_OUTPUT_BYTES, MAX_SHELL_OUTPUT_CHUNK, wrapShellOutput } from '../protocol/index.js';
import { OutputBatcher } from './output-batcher.js';

/** At most this many shells at once on one agent. */
export const MAX_SHELLS = 16;

interface Pty {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  kill(signal?: string): void;
  /** Bytes where the pty was spawned with `encoding: null` (Unix); text on Windows. */
  onData(listener: (data: Buffer | string) => void): { dispose(): void };
  onExit(listener: (e: { exitCode: number; signal?: number }) => void): { dispose(): void };
  /** Stops reading the pty: the program blocks once the kernel's buffer is full (flow control). */
  pause(): void;
  resume(): void;
}

/** Why a shell's output is held: the site asked (its console is behind), or our own socket is not draining. */
type Hold = 'site' | 'link';
/** Past this many bytes queued on the agent's socket, stop reading the shells until it drains below LINK_LOW. */
const LINK_HIGH = 1024 * 1024;
const LINK_LOW = 256 * 1024;
/** Output batching: up to one binary message's worth at once, held ≤ 2 ms while a flood streams. */
const BATCH = { maxBytes: MAX_SHELL_OUTPUT_BYTES, holdMs: 2, streamingBytes: 2048 };

interface OpenPty {
  pty: Pty;
  holds: Set<Hold>;
}
type Spawn = (file: string, args: string[], opts: { name: string; cols: number; rows: number; cwd: string; env: Record<string, string>; encoding?: string | null }) => Pty;

let spawnPty: Spawn | null = null;
async function loadPty(): Promise<Spawn> {
  if (!spawnPty) {
    const mod = (await import('node-pty')) as unknown as { spawn?: Spawn; default?: { spawn: Spawn } };
    const fn = mod.spawn ?? mod.default?.spawn;
    if (!fn) throw new CodedError('E_ENDPOINT_UNSUPPORTED', 'node-pty is not available on this computer.');
    spawnPty = fn;
  }
  return spawnPty;
}

/** The shell this computer's user would get. */
export function defaultShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { file: string; args: string[] } {
  if (platform === 'win32') return { file: env.COMSPEC || 'cmd.exe', args: [] };
  return { file: env.SHELL || '/bin/sh', args: [] };
}

/** A batch of output: the pty's reads and their total size. */
export type OutputSink = (parts: readonly Uint8Array[], size: number) => void;

/** Output as binary messages (protocol/shell-frames.ts), at most MAX_SHELL_OUTPUT_BYTES each: no decoding, no JSON, one copy. */
export function binaryOutput(channelId: number, send: (message: Uint8Array) => void): OutputSink {
  return (parts, size) => {
    if (size <= MAX_SHELL_OUTPUT_BYTES) return send(wrapShellOutput(AGENT_SHELL_OUTPUT, channelId, parts, Buffer.allocUnsafe));
    const all = Buffer.concat(parts, size);
    for (let i = 0; i < size; i += MAX_SHELL_OUTPUT_BYTES) send(wrapShellOutput(AGENT_SHELL_OUTPUT, channelId, [all.subarray(i, i + MAX_SHELL_OUTPUT_BYTES)], Buffer.allocUnsafe));
  };
}

/** Output as text (shell.output events): decoded as it streams (a character split between reads waits for its rest), in chunks the protocol carries. */
export function textOutput(send: (text: string) => void): OutputSink {
  const decoder = new StringDecoder('utf8');
  return (parts, size) => {
    const text = decoder.write(Buffer.concat(parts, size));
    if (text) for (const c of chunks(text)) send(c);
  };
}

/** Splits output into chunks the protocol carries (never splitting a surrogate pair). */
export function chunks(data: string, max = MAX_SHELL_OUTPUT_CHUNK): string[] {
  if (data.length <= max) return [data];
  const out: string[] = [];
  let i = 0;
  while (i < data.length) {
    let end = Math.min(i + max, data.length);
    const code = data.charCodeAt(end - 1);
    if (end < data.length && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(data.slice(i, end));
    i = end;
  }
  return out;
}

export class PtyShells {
  private readonly open = new Map<number, OpenPty>();
  private drainTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly cwd: string = homedir(),
    private readonly shell = defaultShell(),
    /** Bytes queued on the way to the site (the socket's bufferedAmount); 0 where unknown. */
    private readonly backlog: () => number = () => 0,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /** `onData` gets the output's bytes, batched (binaryOutput / textOutput turn them into messages). */
  async start(channelId: number, cols: number, rows: number, onData: OutputSink, onExit: (code: number | null) => void): Promise<void> {
    if (this.open.has(channelId)) throw new CodedError('E_BAD_PARAMS', 'That shell channel is already open.');
    if (this.open.size >= MAX_SHELLS) throw new CodedError('E_SHELL_LIMIT');
    const spawn = await loadPty();
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
    let pty: Pty;
    try {
      // encoding null: the pty's bytes as read, not decoded here (node-pty's Windows backend has no such mode: it gives text).
      const encoding = process.platform === 'win32' ? undefined : null;
      pty = spawn(this.shell.file, this.shell.args, { name: 'xterm-256color', cols, rows, cwd: this.cwd, env: { ...env, TERM: 'xterm-256color' }, encoding });
    } catch (e) {
      throw new CodedError('E_ENDPOINT_UNSUPPORTED', `The shell ${this.shell.file} could not start: ${(e as Error).message}`);
    }
    const entry: OpenPty = { pty, holds: new Set() };
    this.open.set(channelId, entry);
    // A pty hands over at most a few KiB per read: gather reads into fewer, larger messages
    // (output-batcher.ts: at once when interactive, up to BATCH.holdMs while a flood streams).
    const batcher = new OutputBatcher((parts, size) => {
      onData(parts, size);
      if (this.backlog() > LINK_HIGH) this.holdForLink();
    }, BATCH);
    pty.onData((data) => batcher.push(typeof data === 'string' ? Buffer.from(data) : data));
    pty.onExit(({ exitCode }) => {
      if (this.open.get(channelId) !== entry) return;
      batcher.flush(); // the last output goes before the exit
      this.open.delete(channelId);
      onExit(exitCode);
    });
  }

  write(channelId: number, data: string): void {
    this.open.get(channelId)?.pty.write(data);
  }

  /** The site's console is behind: stop reading this shell until resume(). */
  pause(channelId: number): void {
    const e = this.open.get(channelId);
    if (e) hold(e, 'site');
  }

  resume(channelId: number): void {
    const e = this.open.get(channelId);
    if (e) release(e, 'site');
  }

  /** Our socket is not draining: hold every shell, then poll until it is below the low mark. */
  private holdForLink(): void {
    for (const e of this.open.values()) hold(e, 'link');
    if (this.drainTimer) return;
    this.drainTimer = setInterval(() => {
      if (this.backlog() > LINK_LOW && this.open.size) return;
      clearInterval(this.drainTimer!);
      this.drainTimer = null;
      for (const e of this.open.values()) release(e, 'link');
    }, 5);
    this.drainTimer.unref?.();
  }

  resize(channelId: number, cols: number, rows: number): void {
    try {
      this.open.get(channelId)?.pty.resize(cols, rows);
    } catch {
      /* the pty is exiting */
    }
  }

  /** Ends one shell (the rep closed it): no exit is reported for it. */
  close(channelId: number): void {
    const e = this.open.get(channelId);
    if (!e) return;
    this.open.delete(channelId);
    kill(e.pty);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }
}

function hold(e: OpenPty, why: Hold): void {
  if (e.holds.size === 0) e.pty.pause();
  e.holds.add(why);
}

function release(e: OpenPty, why: Hold): void {
  if (!e.holds.delete(why) || e.holds.size > 0) return;
  try {
    e.pty.resume();
  } catch {
    /* the pty is exiting */
  }
}

function kill(pty: Pty): void {
  try {
    pty.kill(process.platform === 'win32' ? undefined : 'SIGHUP');
  } catch {
    /* already gone */
  }
}
