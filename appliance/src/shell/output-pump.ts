/**
 * One shell's output on its way to the rep's console and to the recording. What arrives within one
 * turn of the event loop (several agent messages, a few pty reads) goes out as one message and one
 * recording entry: fewer, larger frames for the same bytes.
 *
 * A console that opened the shell with `binary` gets the bytes as they came ("RSH1" messages,
 * protocol/shell-frames.ts) and acknowledges bytes; any other gets text in `session.shell.output`
 * events and acknowledges characters. The recording always gets text. An agent's bytes are decoded
 * (streaming: a character split between two messages waits for its rest) only while someone needs
 * text, so a flood to a binary console past the recording's size cap is passed on without decoding.
 */
import { StringDecoder } from 'node:string_decoder';
import { CONSOLE_SHELL_OUTPUT, SHELL_FRAME_PREFIX_BYTES, wrapShellOutput } from '../protocol/index.js';

/** Output gathered into one message at most (a turn's worth is usually far less). */
export const MAX_OUTPUT_BATCH = 256 * 1024;

export interface ShellOutputTarget {
  shellId: number;
  /** The console takes binary messages. */
  binary: boolean;
  /** The recording, while it is still recording (null: none, truncated or finished). */
  recorder(): { output(text: string, json: string): void } | null;
  /** A binary message for the console. */
  sendBytes(message: Uint8Array): void;
  /** A session.shell.output event for the console, its text already JSON-encoded. */
  sendJson(dataJson: string): void;
  /** This many units (bytes for a binary console, characters otherwise) went to the console (flow control). */
  sent(units: number): void;
}

export class ShellOutputPump {
  private pending: (string | Uint8Array)[] = [];
  private size = 0;
  private scheduled = false;
  private decoder: StringDecoder | null = null;

  constructor(private readonly target: ShellOutputTarget) {}

  push(data: string | Uint8Array): void {
    if (!data.length) return;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    this.pending.push(data);
    this.size += data.length;
    if (this.size >= MAX_OUTPUT_BATCH) this.flush();
  }

  /** Sends what is pending now (also before the shell's exit is reported). */
  flush(): void {
    this.scheduled = false;
    if (!this.size) return;
    const parts = this.pending;
    this.pending = [];
    this.size = 0;
    const t = this.target;
    const recorder = t.recorder();
    // Text only for whoever needs it; JSON-encoded once, for the recording and the console's event.
    const text = recorder || !t.binary ? this.text(parts) : '';
    const json = text ? JSON.stringify(text) : '';
    if (text) recorder?.output(text, json);
    if (t.binary) {
      const message = wrapShellOutput(CONSOLE_SHELL_OUTPUT, t.shellId, parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)), Buffer.allocUnsafe);
      t.sendBytes(message);
      t.sent(message.length - SHELL_FRAME_PREFIX_BYTES);
    } else if (text) {
      t.sendJson(json);
      t.sent(text.length);
    }
  }

  private text(parts: readonly (string | Uint8Array)[]): string {
    let s = '';
    for (const p of parts) s += typeof p === 'string' ? p : (this.decoder ??= new StringDecoder('utf8')).write(p);
    return s;
  }
}
