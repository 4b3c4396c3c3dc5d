import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VERSION } from '../version.js';
import { migrate, openDatabase } from './db.js';
import { migrations } from './migrations/index.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rep-mig-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.name).toMatch(new RegExp(`^${String(m.version).padStart(4, '0')}-`));
  });

  it('run once, in WAL mode with FULL sync, and STRICT tables', () => {
    const db = openDatabase(tmp());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(migrate(db)).toBe(0);
    // Ordinary tables only: a full-text index (virtual table) and its shadow tables cannot be STRICT.
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual([]);
    db.close();
  });

  it('a failing migration rolls back and leaves the previous version', () => {
    const db = new Database(join(tmp(), 'x.db'));
    expect(() => migrate(db, [...migrations, { version: migrations.length + 1, name: 'bad', up: 'CREATE TABLE t (a INT) STRICT; SELECT nope FROM nowhere;' }])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 't'").get()).toBeUndefined();
    db.close();
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
