/**
 * 0014: the Vault's accounts (FEATURES.md §F).
 *
 * `secret` is the password sealed with AES-256-GCM (domain/vault-crypto.ts: `v1.<iv>.<tag>.<ciphertext>`,
 * base64url, the account's name bound in as additional data); the key is `vault.key` in the data
 * directory, never in this database. A check-out belongs to one user until `checked_out_until`; a
 * lapsed one counts as checked in (and is cleared on the next write).
 */
export const up = `
CREATE TABLE vault_accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  username TEXT NOT NULL,
  domain TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  secret TEXT NOT NULL,
  checked_out_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  checked_out_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
