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
  return db;
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
