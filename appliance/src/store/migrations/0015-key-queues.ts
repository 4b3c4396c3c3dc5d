/**
 * 0015: a session key may name the queue its customer lands in (`queue_id`, a QueueId such as
 * `general` or `team:3`), for keys the command API generates for `general`, `team:` and `issue:`.
 * NULL keeps the old rule: the issuer's personal queue. Such keys have no issuing rep, so
 * `issuer_id` becomes nullable — SQLite needs the table rebuilt for that (nothing references it).
 */
export const up = `
CREATE TABLE session_keys_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('support', 'external')),
  digits_hash TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  issuer_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  external TEXT NOT NULL DEFAULT '{}',
  queue_id TEXT,
  CHECK (issuer_id IS NOT NULL OR queue_id IS NOT NULL)
) STRICT;
INSERT INTO session_keys_new (id, kind, digits_hash, token_hash, issuer_id, session_id, created_at, expires_at, used_at, custom, external)
  SELECT id, kind, digits_hash, token_hash, issuer_id, session_id, created_at, expires_at, used_at, custom, external FROM session_keys;
DROP TABLE session_keys;
ALTER TABLE session_keys_new RENAME TO session_keys;
`;
