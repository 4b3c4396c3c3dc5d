/** Command-shell recordings (migration 0008): the rows; the files themselves are written by shell/recorder.ts. */
import type { Db } from './db.js';

export interface RecordingRecord {
  id: number;
  sessionId: string;
  userId: number;
  hostname: string;
  cols: number;
  rows: number;
  castFile: string;
  textFile: string;
  startedAt: string;
  endedAt: string | null;
  exitCode: number | null;
  castBytes: number;
  textBytes: number;
  truncated: boolean;
}

export interface RecordingRepository {
  create(r: Pick<RecordingRecord, 'sessionId' | 'userId' | 'hostname' | 'cols' | 'rows' | 'startedAt'>, files: (id: number) => { castFile: string; textFile: string }): RecordingRecord;
  finish(id: number, r: Pick<RecordingRecord, 'endedAt' | 'exitCode' | 'castBytes' | 'textBytes' | 'truncated'>): void;
  byId(id: number): RecordingRecord | null;
  forSession(sessionId: string): RecordingRecord[];
  /** Rows still open (the appliance stopped while their shells ran). */
  unfinished(): RecordingRecord[];
  remove(id: number): void;
}

interface Row {
  id: number;
  session_id: string;
  user_id: number;
  hostname: string;
  cols: number;
  rows: number;
  cast_file: string;
  text_file: string;
  started_at: string;
  ended_at: string | null;
  exit_code: number | null;
  cast_bytes: number;
  text_bytes: number;
  truncated: number;
}

const toRecord = (r: Row): RecordingRecord => ({
  id: r.id,
  sessionId: r.session_id,
  userId: r.user_id,
  hostname: r.hostname,
  cols: r.cols,
  rows: r.rows,
  castFile: r.cast_file,
  textFile: r.text_file,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  exitCode: r.exit_code,
  castBytes: r.cast_bytes,
  textBytes: r.text_bytes,
  truncated: r.truncated === 1,
});

export class SqliteRecordingRepository implements RecordingRepository {
  constructor(private readonly db: Db) {}

  create(r: Pick<RecordingRecord, 'sessionId' | 'userId' | 'hostname' | 'cols' | 'rows' | 'startedAt'>, files: (id: number) => { castFile: string; textFile: string }): RecordingRecord {
    return this.db.transaction(() => {
      const info = this.db
        .prepare("INSERT INTO shell_recordings (session_id, user_id, hostname, cols, rows, cast_file, text_file, started_at) VALUES (?, ?, ?, ?, ?, '', '', ?)")
        .run(r.sessionId, r.userId, r.hostname, r.cols, r.rows, r.startedAt);
      const id = Number(info.lastInsertRowid);
      const f = files(id);
      this.db.prepare('UPDATE shell_recordings SET cast_file = ?, text_file = ? WHERE id = ?').run(f.castFile, f.textFile, id);
      return this.byId(id)!;
    })();
  }

  finish(id: number, r: Pick<RecordingRecord, 'endedAt' | 'exitCode' | 'castBytes' | 'textBytes' | 'truncated'>): void {
    this.db
      .prepare('UPDATE shell_recordings SET ended_at = ?, exit_code = ?, cast_bytes = ?, text_bytes = ?, truncated = ? WHERE id = ?')
      .run(r.endedAt, r.exitCode, r.castBytes, r.textBytes, r.truncated ? 1 : 0, id);
  }

  byId(id: number): RecordingRecord | null {
    const r = this.db.prepare<[number], Row>('SELECT * FROM shell_recordings WHERE id = ?').get(id);
    return r ? toRecord(r) : null;
  }

  forSession(sessionId: string): RecordingRecord[] {
    return this.db.prepare<[string], Row>('SELECT * FROM shell_recordings WHERE session_id = ? ORDER BY id').all(sessionId).map(toRecord);
  }

  unfinished(): RecordingRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM shell_recordings WHERE ended_at IS NULL ORDER BY id').all().map(toRecord);
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM shell_recordings WHERE id = ?').run(id);
  }
}
