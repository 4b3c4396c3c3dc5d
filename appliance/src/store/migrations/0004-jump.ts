/**
 * 0004: Jump technology. Jump Policies (schedule in a time zone, weekly windows, force session to
 * end, prompting when someone is / nobody is at the endpoint), Jump Group memberships of users and
 * teams with a role, a Jump Item's policy and Jump Client password (scrypt), the access log behind
 * Frequently Used, the session's Jump Item (and when its policy forces it to end), and full-text
 * indexes (trigrams; word prefixes for one- and two-character terms) so searching 100,000 Jump
 * Items by any part of a name, hostname, comment, tag or address stays fast.
 */
export const up = `
CREATE TABLE jump_policies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  schedule_enabled INTEGER NOT NULL DEFAULT 0,
  time_zone TEXT NOT NULL DEFAULT 'UTC',
  force_end INTEGER NOT NULL DEFAULT 0,
  present_prompt TEXT NOT NULL DEFAULT 'no_prompt' CHECK (present_prompt IN ('prompt', 'no_prompt')),
  not_present_prompt TEXT NOT NULL DEFAULT 'no_prompt' CHECK (not_present_prompt IN ('prompt', 'no_prompt'))
) STRICT;

-- Weekly windows of a policy's schedule: days as a bit mask (bit 0 = Sunday), wall-clock minutes.
CREATE TABLE jump_policy_windows (
  id INTEGER PRIMARY KEY,
  policy_id INTEGER NOT NULL REFERENCES jump_policies(id) ON DELETE CASCADE,
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440)
) STRICT;
CREATE INDEX jump_policy_windows_policy ON jump_policy_windows(policy_id, id);

-- Who may use a Jump Group's items: a user or a whole team, to start sessions or also to edit them.
CREATE TABLE jump_group_members (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES jump_groups(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  team_id INTEGER REFERENCES teams(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('start', 'edit')),
  CHECK ((user_id IS NULL) <> (team_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX jump_group_members_user ON jump_group_members(user_id, group_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX jump_group_members_team ON jump_group_members(team_id, group_id) WHERE team_id IS NOT NULL;

ALTER TABLE jump_items ADD COLUMN policy_id INTEGER REFERENCES jump_policies(id) ON DELETE SET NULL;
ALTER TABLE jump_items ADD COLUMN password_hash TEXT;
CREATE INDEX jump_items_owner ON jump_items(owner_user_id) WHERE owner_user_id IS NOT NULL;
-- The list is ordered by name; walking this index finds the first page of a broad search quickly.
CREATE INDEX jump_items_name ON jump_items(name COLLATE NOCASE, id);
-- Name, group and owner by id, narrow: sorting thousands of search matches reads this, not the rows.
CREATE INDEX jump_items_sortkey ON jump_items(id, name COLLATE NOCASE, group_id, owner_user_id);

-- Every Jump a rep started: Frequently Used counts these.
CREATE TABLE jump_access_log (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES jump_items(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX jump_access_log_user ON jump_access_log(user_id, item_id);

ALTER TABLE sessions ADD COLUMN jump_item_id INTEGER REFERENCES jump_items(id) ON DELETE SET NULL;
-- When the Jump Policy's window closes on a Jump started inside it with "force session to end".
ALTER TABLE sessions ADD COLUMN jump_ends_at TEXT;
CREATE INDEX sessions_jump_item ON sessions(jump_item_id) WHERE jump_item_id IS NOT NULL;

-- Search over the searchable columns, kept in step by triggers: any substring of 3+ characters
-- (trigrams), and for shorter terms the start of words (one- and two-character prefixes).
CREATE VIRTUAL TABLE jump_items_fts USING fts5(
  name, hostname, comments, tag, public_ip, private_ip,
  content = 'jump_items', content_rowid = 'id', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE jump_items_words USING fts5(
  name, hostname, comments, tag, public_ip, private_ip,
  content = 'jump_items', content_rowid = 'id', prefix = '1 2', detail = 'none'
);
INSERT INTO jump_items_fts (jump_items_fts) VALUES ('rebuild');
INSERT INTO jump_items_words (jump_items_words) VALUES ('rebuild');
CREATE TRIGGER jump_items_search_insert AFTER INSERT ON jump_items BEGIN
  INSERT INTO jump_items_fts (rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES (new.id, new.name, new.hostname, new.comments, new.tag, new.public_ip, new.private_ip);
  INSERT INTO jump_items_words (rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES (new.id, new.name, new.hostname, new.comments, new.tag, new.public_ip, new.private_ip);
END;
CREATE TRIGGER jump_items_search_delete AFTER DELETE ON jump_items BEGIN
  INSERT INTO jump_items_fts (jump_items_fts, rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES ('delete', old.id, old.name, old.hostname, old.comments, old.tag, old.public_ip, old.private_ip);
  INSERT INTO jump_items_words (jump_items_words, rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES ('delete', old.id, old.name, old.hostname, old.comments, old.tag, old.public_ip, old.private_ip);
END;
CREATE TRIGGER jump_items_search_update AFTER UPDATE OF name, hostname, comments, tag, public_ip, private_ip ON jump_items BEGIN
  INSERT INTO jump_items_fts (jump_items_fts, rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES ('delete', old.id, old.name, old.hostname, old.comments, old.tag, old.public_ip, old.private_ip);
  INSERT INTO jump_items_fts (rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES (new.id, new.name, new.hostname, new.comments, new.tag, new.public_ip, new.private_ip);
  INSERT INTO jump_items_words (jump_items_words, rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES ('delete', old.id, old.name, old.hostname, old.comments, old.tag, old.public_ip, old.private_ip);
  INSERT INTO jump_items_words (rowid, name, hostname, comments, tag, public_ip, private_ip)
  VALUES (new.id, new.name, new.hostname, new.comments, new.tag, new.public_ip, new.private_ip);
END;
`;
