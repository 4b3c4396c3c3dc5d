/**
 * 0005: Jump Client installers (Jump Clients > Mass Deployment Wizard). The installer key itself is
 * kept only as a SHA-256 (a leaked database holds no usable installer); key_hint is its first
 * characters, to tell installers apart in the list. A mass-deployment installer has no max_uses and
 * installs any number of Jump Clients until it expires; a single-use one has max_uses = 1. What a
 * new Jump Client joins (jump_group: `user:NAME` or `jumpgroup:CODE`, tag, comments, Jump Policy)
 * and where it installs (install_dir) are the defaults the command-line flags may override.
 */
export const up = `
CREATE TABLE installer_keys (
  id INTEGER PRIMARY KEY,
  key_hash TEXT NOT NULL UNIQUE,
  key_hint TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  jump_group TEXT,
  tag TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  jump_policy_code TEXT,
  install_dir TEXT,
  mass_deploy INTEGER NOT NULL CHECK (mass_deploy IN (0, 1)),
  max_uses INTEGER CHECK (max_uses IS NULL OR max_uses > 0),
  uses INTEGER NOT NULL DEFAULT 0,
  last_used_at TEXT,
  revoked_at TEXT,
  CHECK (max_uses IS NULL OR uses <= max_uses)
) STRICT;
CREATE INDEX installer_keys_created ON installer_keys(created_at DESC, id DESC);
`;
