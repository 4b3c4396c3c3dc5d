/**
 * 0015 rebuilds session_keys (issuer_id nullable, queue_id added): keys issued before it survive with
 * their issuer and no queue (they keep redeeming into the issuer's personal queue), and a key must
 * still name either an issuer or a queue.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db.js';
import { migrations } from './index.js';

const KEY_COLUMNS = `kind, digits_hash, token_hash, issuer_id, session_id, created_at, expires_at, used_at, custom, external`;

describe('0015-key-queues', () => {
  it('keeps the keys issued before it, and requires an issuer or a queue after it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version < 15));
    db.prepare(`INSERT INTO users (username, display_name, public_display_name, password_hash, permissions, created_at) VALUES ('ana', 'Ana', 'Ana', 'x', '{}', '2026-01-01')`).run();
    db.prepare(`INSERT INTO session_keys (${KEY_COLUMNS}) VALUES ('support', 'd1', 't1', 1, NULL, '2026-01-01', '2026-01-02', NULL, '{"ticket":"7"}', '{}')`).run();

    migrate(db, migrations.filter((m) => m.version <= 15));
    expect(db.prepare('SELECT kind, issuer_id, queue_id, custom FROM session_keys').all()).toEqual([{ kind: 'support', issuer_id: 1, queue_id: null, custom: '{"ticket":"7"}' }]);

    db.prepare(`INSERT INTO session_keys (${KEY_COLUMNS}, queue_id) VALUES ('support', 'd2', 't2', NULL, NULL, '2026-01-01', '2026-01-02', NULL, '{}', '{}', 'team:3')`).run();
    expect(() => db.prepare(`INSERT INTO session_keys (${KEY_COLUMNS}) VALUES ('support', 'd3', 't3', NULL, NULL, '2026-01-01', '2026-01-02', NULL, '{}', '{}')`).run()).toThrow(/CHECK/);
    // Deleting the issuer still takes their keys with them (the rebuilt table kept the cascade).
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM users WHERE id = 1').run();
    expect(db.prepare('SELECT digits_hash FROM session_keys').all()).toEqual([{ digits_hash: 'd2' }]);
    db.close();
  });
});
