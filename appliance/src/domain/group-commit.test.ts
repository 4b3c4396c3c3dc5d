import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function database() {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'x.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE lines (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  let commits = 0;
  const transaction = <T>(fn: () => T): T => {
    const outer = !db.inTransaction;
    const r = db.transaction(fn)();
    if (outer) commits++;
    return r;
  };
  return { db, transaction, commits: () => commits };
}

describe('group commit', () => {
  it('writes the lines of one turn in one transaction and settles each after the commit', async () => {
    const { db, transaction, commits } = database();
    const group = new GroupCommit(transaction);
    const insert = (body: string) => () => Number(db.prepare('INSERT INTO lines (body) VALUES (?)').run(body).lastInsertRowid);
    const settled: number[] = [];
    const all = ['a', 'b', 'c'].map((b) => group.run(insert(b)).then((id) => (settled.push(id), id)));
    expect(db.prepare('SELECT COUNT(*) AS n FROM lines').get()).toEqual({ n: 0 }); // nothing before the turn ends
    expect(await Promise.all(all)).toEqual([1, 2, 3]);
    expect(settled).toEqual([1, 2, 3]);
    expect(commits()).toBe(1);
    await group.run(insert('d'));
    expect(commits()).toBe(2);
  });

  it('a refused line rolls back alone; the others commit', async () => {
    const { db, transaction } = database();
    const group = new GroupCommit(transaction);
    const ok = group.run(() => db.prepare('INSERT INTO lines (body) VALUES (?)').run('kept'));
    const refused = group.run(() => {
      db.prepare('INSERT INTO lines (body) VALUES (?)').run('undone');
      throw new Error('E_SESSION_ENDED');
    });
    await expect(refused).rejects.toThrow('E_SESSION_ENDED');
    await ok;
    expect(db.prepare('SELECT body FROM lines').all()).toEqual([{ body: 'kept' }]);
  });

  it('when the commit fails, every line of the group is refused', async () => {
    const group = new GroupCommit(() => {
      throw new Error('SQLITE_IOERR');
    });
    await expect(Promise.all([group.run(() => 1), group.run(() => 2)])).rejects.toThrow('SQLITE_IOERR');
  });
});
