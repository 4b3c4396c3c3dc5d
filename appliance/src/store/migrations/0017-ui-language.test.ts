import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db.js';
import { migrations } from './index.js';

describe('0017-ui-language', () => {
  it('adds users.ui_language, NULL for existing accounts, and keeps users.language (the e-mail language)', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version < 17));
    db.prepare(
      "INSERT INTO users (username, display_name, public_display_name, password_hash, permissions, created_at) VALUES ('ana', 'Ana', 'Ana', 'x', '{}', '2026-01-01T00:00:00Z')",
    ).run();
    db.prepare("UPDATE users SET language = 'de-DE' WHERE username = 'ana'").run();
    expect(migrate(db)).toBe(migrations.length - 16);
    const row = db.prepare("SELECT language, ui_language FROM users WHERE username = 'ana'").get() as { language: string; ui_language: string | null };
    expect(row).toEqual({ language: 'de-DE', ui_language: null });
    db.prepare("UPDATE users SET ui_language = 'fr-FR' WHERE username = 'ana'").run();
    expect(db.prepare("SELECT ui_language FROM users WHERE username = 'ana'").pluck().get()).toBe('fr-FR');
    db.close();
  });
});
