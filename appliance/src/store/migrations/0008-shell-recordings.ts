/**
 * 0008: command-shell recordings. One row per shell a rep opened: the asciicast v2 file and the plain
 * transcript it was written to (paths relative to the data directory), who and where, and — once the
 * shell closed — when, its exit code and the files' sizes. A row with no `ended_at` after a restart
 * belongs to a shell the appliance stopped under.
 */
export const up = `
CREATE TABLE shell_recordings (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL,
  hostname TEXT NOT NULL,
  cols INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  cast_file TEXT NOT NULL,
  text_file TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  exit_code INTEGER,
  cast_bytes INTEGER NOT NULL DEFAULT 0,
  text_bytes INTEGER NOT NULL DEFAULT 0,
  truncated INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX shell_recordings_session ON shell_recordings(session_id, id);
`;
