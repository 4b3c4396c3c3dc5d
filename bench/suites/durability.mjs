/**
 * durability: what synchronous=FULL costs a chat line, against NORMAL (report only, no target).
 *
 * The appliance opens its database in WAL mode with synchronous=FULL (appliance/src/store/db.ts):
 * every commit is fsynced before the chat line is acknowledged, so an acknowledged line survives a
 * power cut, not only a crash of the process (NORMAL survives `kill -9` too, but may lose the last
 * commits when the machine itself stops). This runs in the bench process on a fresh database in a
 * temp directory (same file system as the data directory's default, not tmpfs: see `df -T`), with
 * the appliance's pragmas and the session_events table, and writes chat lines exactly as
 * SqliteSessionRepository.chat does: one INSERT, committed on its own, one after another.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, summarize } from '../lib/stats.mjs';

const FULL = { lines: 5000, warmup: 200 };
const QUICK = { lines: 400, warmup: 50 };

const SCHEMA = `
CREATE TABLE sessions (id TEXT PRIMARY KEY, status TEXT NOT NULL) STRICT;
CREATE TABLE session_events (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  at TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX session_events_session ON session_events(session_id, id);`;

function writeLines(dir, synchronous, cfg) {
  const db = new Database(join(dir, `${synchronous}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const sessions = Array.from({ length: 20 }, (_, i) => `bench-session-${i}`);
  for (const id of sessions) db.prepare("INSERT INTO sessions (id, status) VALUES (?, 'active')").run(id);
  const insert = db.prepare('INSERT INTO session_events (session_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)');
  const samples = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < cfg.warmup + cfg.lines; i++) {
    const data = JSON.stringify({ from: { kind: 'customer', id: null, name: 'Bench Customer' }, body: `My printer says error ${i}, what now?`, audience: 'all' });
    const s = performance.now();
    insert.run(sessions[i % sessions.length], new Date().toISOString(), 'customer', 'chat.message', data);
    if (i >= cfg.warmup) samples.push(performance.now() - s);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return { ...summarize(samples), perSecond: (cfg.warmup + cfg.lines) / seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export default {
  name: 'durability',
  description: 'Cost of synchronous=FULL vs NORMAL per committed chat line (WAL)',

  async run({ quick, options, log }) {
    const cfg = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(cfg)) if (options[k] !== undefined) cfg[k] = Number(options[k]);
    const dir = mkdtempSync(join(tmpdir(), 'rep-bench-durability-'));
    try {
      const r = {};
      for (const mode of ['NORMAL', 'FULL']) {
        log(`durability: ${cfg.lines} chat lines, synchronous=${mode}`);
        r[mode] = writeLines(dir, mode, cfg);
      }
      const row = (mode, metric, unit, value, extra = {}) => ({ name: 'durability', metric: `${metric}, synchronous=${mode}`, unit, value: round(value), target: null, details: extra });
      const detail = (x) => ({ p95: round(x.p95), max: round(x.max), mean: round(x.mean), lines: x.count, cpuMs: round(x.cpuMs) });
      return [
        row('FULL', 'chat line commit p50', 'ms', r.FULL.p50, detail(r.FULL)),
        row('FULL', 'chat line commit p99', 'ms', r.FULL.p99),
        row('FULL', 'chat lines committed a second', 'lines/s', r.FULL.perSecond),
        row('NORMAL', 'chat line commit p50', 'ms', r.NORMAL.p50, detail(r.NORMAL)),
        row('NORMAL', 'chat line commit p99', 'ms', r.NORMAL.p99),
        row('NORMAL', 'chat lines committed a second', 'lines/s', r.NORMAL.perSecond),
        {
          name: 'durability',
          metric: 'FULL ÷ NORMAL, commit p50',
          unit: '×',
          value: round(r.FULL.p50 / r.NORMAL.p50),
          target: null,
          details: { note: 'FULL fsyncs the WAL on every commit; NORMAL only at checkpoints. The appliance uses FULL (durable before acknowledged).' },
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
