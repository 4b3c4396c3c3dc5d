/**
 * Writes one shell's recording as it happens: `<id>.cast` (asciicast v2) and `<id>.txt` (the plain
 * transcript), appended through write streams. The header is on disk (fsynced) before the shell is
 * handed to the rep; finish() flushes and fsyncs both files. A recording stops growing at `maxBytes`
 * per file (a command printing gigabytes must not fill the disk): it then says it was truncated.
 */
import { closeSync, createWriteStream, fsync, fsyncSync, openSync, writeSync, type WriteStream } from 'node:fs';
import { castEvent, castHeader } from './asciicast.js';
import { TranscriptFilter } from './transcript.js';

/** Default cap per file: enough for hours of ordinary work, not for `yes`. */
export const DEFAULT_MAX_RECORDING_BYTES = 64 * 1024 * 1024;

export interface RecorderOptions {
  castPath: string;
  textPath: string;
  cols: number;
  rows: number;
  title: string;
  maxBytes?: number;
  now?: () => number;
}

export interface RecordingResult {
  castBytes: number;
  textBytes: number;
  truncated: boolean;
}

class AppendFile {
  readonly stream: WriteStream;
  bytes = 0;

  constructor(readonly path: string, first: string) {
    // The first line synchronously and fsynced: a recording row never points at a missing file.
    const fd = openSync(path, 'wx', 0o600);
    try {
      this.bytes += writeSync(fd, first);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.stream = createWriteStream(path, { flags: 'a' });
    this.stream.on('error', () => undefined);
  }

  write(text: string): void {
    if (!text) return;
    this.bytes += Buffer.byteLength(text);
    this.stream.write(text);
  }

  /** Ends the stream and fsyncs the file. */
  close(): Promise<void> {
    return new Promise((res) => {
      this.stream.end(() => {
        try {
          const fd = openSync(this.path, 'r+');
          fsync(fd, () => {
            closeSync(fd);
            res();
          });
        } catch {
          res();
        }
      });
    });
  }
}

export class ShellRecorder {
  private readonly cast: AppendFile;
  private readonly text: AppendFile;
  private readonly filter = new TranscriptFilter();
  private readonly started: number;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private truncated = false;
  private finished: Promise<RecordingResult> | null = null;

  constructor(o: RecorderOptions) {
    this.now = o.now ?? Date.now;
    this.started = this.now();
    this.maxBytes = o.maxBytes ?? DEFAULT_MAX_RECORDING_BYTES;
    this.cast = new AppendFile(o.castPath, castHeader({ width: o.cols, height: o.rows, timestamp: Math.floor(this.started / 1000), title: o.title }));
    try {
      this.text = new AppendFile(o.textPath, '');
    } catch (e) {
      void this.cast.close();
      throw e;
    }
  }

  /** Bytes handed to the files and not yet written (flow control counts them). */
  pending(): number {
    return this.cast.stream.writableLength + this.text.stream.writableLength;
  }

  /** Still taking output (not past its size cap, not finished). */
  get recording(): boolean {
    return !this.truncated && !this.finished;
  }

  /** `json`: `data` already JSON-encoded (the caller sends the same string to the console). */
  output(data: string, json?: string): void {
    if (!this.recording) return;
    const t = this.elapsed();
    this.cast.write(castEvent(t, 'o', data, json));
    this.text.write(this.filter.feed(data));
    if (this.cast.bytes >= this.maxBytes || this.text.bytes >= this.maxBytes) {
      this.truncated = true;
      const note = `\r\n[The recording stops here: the output went past ${Math.round(this.maxBytes / 1048576)} MB.]\r\n`;
      this.cast.write(castEvent(this.elapsed(), 'o', note));
      this.text.write(note.replace(/\r/g, ''));
    }
  }

  resize(cols: number, rows: number): void {
    if (this.recording) this.cast.write(castEvent(this.elapsed(), 'r', `${cols}x${rows}`));
  }

  /** Flushes and closes both files (once). */
  finish(): Promise<RecordingResult> {
    this.finished ??= Promise.all([this.cast.close(), this.text.close()]).then(() => ({ castBytes: this.cast.bytes, textBytes: this.text.bytes, truncated: this.truncated }));
    return this.finished;
  }

  private elapsed(): number {
    return (this.now() - this.started) / 1000;
  }
}
