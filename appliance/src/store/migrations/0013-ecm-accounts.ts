/**
 * 0013: ECM accounts (/login > Management > ECM accounts): the client ID and the SHA-256 of the
 * client secret an Endpoint Credential Manager presents on /ws/ecm. Never edit: add a later migration.
 */
export const up = `
CREATE TABLE ecm_accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  client_id TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`;
