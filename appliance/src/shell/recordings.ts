/**
 * Command-shell recordings: every shell a rep opens is recorded (shell/recorder.ts) under
 * `<data>/recordings/<session id>/<id>.cast|.txt`, with a row in SQLite (migration 0008). The row and
 * the files' first line exist before the shell is handed out; closing the shell fills in the end.
 * Downloads go through http/recording-routes.ts (`/console/recordings/<id>.cast|.txt`).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { recordingUrl, type ShellRecording } from '../protocol/index.js';
import { iso, type Clock } from '../domain/clock.js';
import type { RecordingRecord, RecordingRepository } from '../store/recordings.js';
import { ShellRecorder } from './recorder.js';

export interface StartedRecording {
  record: RecordingRecord;
  recorder: ShellRecorder;
}

export function toShellRecording(r: RecordingRecord): ShellRecording {
  const { castFile: _c, textFile: _t, cols: _w, rows: _h, ...rest } = r;
  return { ...rest, castUrl: recordingUrl(r.id, 'cast'), textUrl: recordingUrl(r.id, 'txt') };
}

export class ShellRecordings {
  private readonly root: string;

  constructor(
    private readonly repo: RecordingRepository,
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly maxBytes?: number,
  ) {
    this.root = resolve(dataDir, 'recordings');
  }

  /** Creates the row and both files (header on disk) for a shell about to be handed out. */
  start(p: { sessionId: string; userId: number; hostname: string; cols: number; rows: number }): StartedRecording {
    const dir = join(this.root, p.sessionId);
    mkdirSync(dir, { recursive: true });
    let recorder: ShellRecorder | null = null;
    const record = this.repo.create({ ...p, startedAt: iso(this.clock) }, (id) => {
      const castPath = join(dir, `${id}.cast`);
      const textPath = join(dir, `${id}.txt`);
      // Inside the row's transaction: a file that cannot be created leaves no row behind.
      recorder = new ShellRecorder({ castPath, textPath, cols: p.cols, rows: p.rows, title: p.hostname, ...(this.maxBytes ? { maxBytes: this.maxBytes } : {}) });
      return { castFile: relative(this.dataDir, castPath), textFile: relative(this.dataDir, textPath) };
    });
    return { record, recorder: recorder! };
  }

  /** Flushes the files and records how the shell ended. */
  async finish(started: StartedRecording, exitCode: number | null): Promise<RecordingRecord> {
    const result = await started.recorder.finish();
    this.repo.finish(started.record.id, { endedAt: iso(this.clock), exitCode, ...result });
    return this.repo.byId(started.record.id) ?? started.record;
  }

  /** At start-up: rows of shells the appliance stopped under get their files' sizes and an end time. */
  recover(): number {
    const open = this.repo.unfinished();
    for (const r of open) {
      const size = (f: string) => {
        try {
          return statSync(join(this.dataDir, f));
        } catch {
          return null;
        }
      };
      const cast = size(r.castFile);
      const text = size(r.textFile);
      this.repo.finish(r.id, { endedAt: cast ? cast.mtime.toISOString() : r.startedAt, exitCode: null, castBytes: cast?.size ?? 0, textBytes: text?.size ?? 0, truncated: false });
    }
    return open.length;
  }

  byId(id: number): RecordingRecord | null {
    return this.repo.byId(id);
  }

  forSession(sessionId: string): RecordingRecord[] {
    return this.repo.forSession(sessionId);
  }

  /** The absolute path of one of a recording's files (never outside the recordings folder). */
  pathOf(r: RecordingRecord, format: 'cast' | 'txt'): string | null {
    const abs = resolve(this.dataDir, format === 'cast' ? r.castFile : r.textFile);
    return abs.startsWith(this.root + sep) ? abs : null;
  }
}
