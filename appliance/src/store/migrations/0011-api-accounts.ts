/**
 * 0012: API accounts (Management > API Configuration) and the bearer tokens /oauth2/token hands
 * out; secrets and tokens are stored only as their SHA-256. An index for the Reports tab's date
 * range. Never edit: add a later migration.
 */
export const up = `
CREATE TABLE api_accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  comments TEXT NOT NULL DEFAULT '',
  client_id TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  command_access TEXT NOT NULL CHECK (command_access IN ('none', 'read_only', 'full')),
  reporting INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  secret_changed_at TEXT NOT NULL
) STRICT;

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES api_accounts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX api_tokens_account ON api_tokens(account_id);

CREATE INDEX sessions_created ON sessions(created_at);
`;
