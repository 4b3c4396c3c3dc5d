/**
 * 0017: the language a user reads the console and /login in, chosen in My Account or the console's
 * Languages dialog. NULL: never chosen, the browser's language applies. (users.language stays the
 * preferred e-mail language.) Never edit: add a new migration.
 */
export const up = `
ALTER TABLE users ADD COLUMN ui_language TEXT;
`;
