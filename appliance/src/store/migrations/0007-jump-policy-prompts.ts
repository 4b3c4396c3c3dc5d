/**
 * 0007: Jump Policy prompting and editing. How long the person at the endpoint has to answer the
 * "allow this session?" prompt before the Jump is refused as "nobody there to allow it", and when a
 * policy was last changed (the Jump Policies page of /login edits them).
 */
export const up = `
ALTER TABLE jump_policies ADD COLUMN prompt_timeout_seconds INTEGER NOT NULL DEFAULT 60 CHECK (prompt_timeout_seconds BETWEEN 10 AND 600);
ALTER TABLE jump_policies ADD COLUMN updated_at TEXT;
`;
