/** 0001: users, teams, issues, Jump Items, sessions and their events, logins, settings. Never edit: add 0002-…. */
export const up = `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  public_display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  password_is_default INTEGER NOT NULL DEFAULT 0,
  is_admin INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  permissions TEXT NOT NULL,
  totp_secret TEXT,
  created_at TEXT NOT NULL,
  last_login_at TEXT
) STRICT;

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE team_members (
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('member', 'lead', 'manager')),
  favourite INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, user_id)
) STRICT;

CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  code_name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE jump_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE jump_items (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  method TEXT NOT NULL,
  group_id INTEGER REFERENCES jump_groups(id) ON DELETE SET NULL,
  owner_user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  hostname TEXT NOT NULL,
  comments TEXT NOT NULL DEFAULT '',
  tag TEXT NOT NULL DEFAULT '',
  public_ip TEXT NOT NULL DEFAULT '',
  private_ip TEXT NOT NULL DEFAULT '',
  os TEXT NOT NULL,
  status TEXT NOT NULL,
  last_accessed_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX jump_items_group ON jump_items(group_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  lseq INTEGER NOT NULL UNIQUE,
  type TEXT NOT NULL,
  browser INTEGER NOT NULL DEFAULT 0,
  customer_name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  computer TEXT NOT NULL DEFAULT '',
  issue TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '',
  custom TEXT NOT NULL DEFAULT '{}',
  queue_id TEXT NOT NULL,
  status TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  customer_token_hash TEXT UNIQUE,
  created_at TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  ended_at TEXT
) STRICT;
CREATE INDEX sessions_open ON sessions(status, queue_id);

CREATE TABLE session_events (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX session_events_session ON session_events(session_id, id);

CREATE TABLE logins (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('web', 'desktop', 'admin')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX logins_user ON logins(user_id, kind);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
