/**
 * 0010: Elevate and Support Buttons. `session_elevation` holds each session's customer client mode
 * (click-to-chat or the full client), its privilege (user mode or elevated) and the elevation step
 * waiting on a customer prompt; no row means the session's starting mode. `support_buttons` holds
 * the Support Buttons reps deployed on endpoints: the queue a click starts a session in, the
 * expiration, and the token clicking presents (kept only as a SHA-256; the endpoint holds the token).
 */
export const up = `
CREATE TABLE session_elevation (
  session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  client_mode TEXT NOT NULL CHECK (client_mode IN ('click_to_chat', 'full_client')),
  privilege TEXT NOT NULL CHECK (privilege IN ('user', 'elevated')),
  method TEXT CHECK (method IN ('prompt', 'specific_user')),
  elevated_as TEXT,
  pending_step TEXT CHECK (pending_step IN ('full_client', 'elevate')),
  pending_prompt_id INTEGER,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE support_buttons (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  profile TEXT NOT NULL DEFAULT 'default',
  queue_id TEXT NOT NULL,
  -- Which computer holds it: 'jump:<jump item id>' for a Jump Client, 'host:<hostname>' for a customer's computer.
  endpoint_key TEXT NOT NULL,
  hostname TEXT NOT NULL,
  -- A demo machine (emulated agent or simulated customer): the demo's customers click it now and then.
  emulated INTEGER NOT NULL DEFAULT 0,
  deployed_from TEXT REFERENCES sessions(id) ON DELETE SET NULL,
  deployed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  deployed_by_name TEXT NOT NULL,
  deployed_at TEXT NOT NULL,
  expires_at TEXT,
  removed_at TEXT,
  removed_by TEXT,
  clicks INTEGER NOT NULL DEFAULT 0,
  last_session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX support_buttons_endpoint ON support_buttons(endpoint_key, removed_at);
`;
