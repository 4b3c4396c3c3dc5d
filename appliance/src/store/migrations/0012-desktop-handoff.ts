/**
 * 0013: the desktop console's tokens (FEATURES.md §H).
 *
 * handoff_tokens: the web console's "Desktop Representative Console" action hands its login to the
 * desktop console through a `.brcs` file whose `login` carries a one-time, short-lived token bound
 * to the user (and, by living in this site's database, to the site). Only its SHA-256 is kept;
 * `used_at` makes it single-use (set in the same statement that checks it), `web_login_hash` is the
 * web console login that asked for it (logged out when the desktop console redeems it).
 *
 * update_tokens: the token a desktop console gets at its first login and keeps in the OS keychain;
 * the update feed (/download/update/...) answers only requests carrying a live one.
 */
export const up = `
CREATE TABLE handoff_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  web_login_hash TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX handoff_tokens_expiry ON handoff_tokens(expires_at);
CREATE TABLE update_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
) STRICT;
CREATE INDEX update_tokens_user ON update_tokens(user_id);
`;
