/** Opens the site's SQLite database (WAL, FULL sync: acknowledged writes survive a crash) and migrates it. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations, type Migration } from './migrations/index.js';

export type Db = Database.Database;

export function openDatabase(dataDir: string, list: readonly Migration[] = migrations): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'site.db'));
  db.pragma('journal_mode = WAL');
  // FULL: each commit is fsynced before we acknowledge it (durable before acknowledged).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, list);
  cacheStatements(db);
  return db;
}

/** Past this many distinct SQL texts (IN lists of every length, say) the cache starts over. */
const STATEMENT_CACHE_MAX = 2000;

/**
 * Compiling a statement costs more than running most of ours (the chat path prepared six per line:
 * bench/README.md), so `db.prepare(sql)` hands back one compiled statement per SQL text. A cached
 * statement is reset to the default row mode on each hand-out, so one caller's `.pluck()` does not
 * leak into another's. SQLite re-prepares a statement itself when a migration changes the schema.
 */
export function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= STATEMENT_CACHE_MAX) cache.clear();
      stmt = compile(sql);
      cache.set(sql, stmt);
    } else if (stmt.reader) stmt.pluck(false).raw(false).expand(false);
    return stmt;
  }) as Db['prepare'];
}

/** Runs every migration newer than the database's user_version, each in a transaction. */
export function migrate(db: Db, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let ran = 0;
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    ran++;
  }
  return ran;
}
