/**
 * 0003: team chat. Every line a rep writes to their team, and how far each rep has read each team's
 * chat (the orange bubble on a team queue counts what lies beyond that mark).
 */
export const up = `
CREATE TABLE team_messages (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
-- History pages walk one team's lines by id, newest first.
CREATE INDEX team_messages_team ON team_messages(team_id, id);

CREATE TABLE team_chat_reads (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  last_read_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, team_id)
) STRICT;
`;
