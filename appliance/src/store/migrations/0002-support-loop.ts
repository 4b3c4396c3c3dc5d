/** 0002: session members, session keys, invitations, prompts; external reps are users bound to one session. */
export const up = `
ALTER TABLE users ADD COLUMN external_session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE;

CREATE TABLE session_members (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'participant', 'external')),
  joined_at TEXT NOT NULL,
  left_at TEXT,
  last_read_event INTEGER NOT NULL DEFAULT 0,
  invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX session_members_session ON session_members(session_id, left_at);
CREATE INDEX session_members_user ON session_members(user_id, left_at);

CREATE TABLE session_keys (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('support', 'external')),
  digits_hash TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  issuer_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  external TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('share', 'transfer', 'help')),
  queue_id TEXT NOT NULL,
  target_name TEXT NOT NULL,
  inviter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  stay INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT
) STRICT;
CREATE INDEX invitations_open ON invitations(session_id, ended_at);

CREATE TABLE prompts (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'allowed', 'refused', 'cancelled')),
  asked_by TEXT NOT NULL,
  at TEXT NOT NULL,
  answered_at TEXT
) STRICT;
`;
