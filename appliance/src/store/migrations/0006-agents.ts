/**
 * 0006: Jump Client agents. One row per installed agent (a real `rep-appliance jump-client`, or a demo
 * fleet machine emulated in-process): the Jump Item it answers for, and its secret, kept only as a
 * SHA-256 (the agent holds the secret itself, in its install directory). Deleting the Jump Item
 * uninstalls the agent: its identity stops working.
 */
export const up = `
CREATE TABLE agents (
  id INTEGER PRIMARY KEY,
  jump_item_id INTEGER NOT NULL UNIQUE REFERENCES jump_items(id) ON DELETE CASCADE,
  secret_hash TEXT NOT NULL,
  hostname TEXT NOT NULL,
  os TEXT NOT NULL,
  -- The installer key it registered with (NULL for the demo fleet's emulated agents).
  installer_id INTEGER,
  emulated INTEGER NOT NULL DEFAULT 0,
  registered_at TEXT NOT NULL,
  last_seen_at TEXT
) STRICT;
`;
