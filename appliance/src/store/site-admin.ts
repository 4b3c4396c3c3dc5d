/** SQLite side of editing teams, their members and portal issues, and the site's uploaded images. */
import type { TeamRole } from '../protocol/index.js';
import type { SiteAdminRepository, StoredImage } from '../domain/account-ports.js';
import type { Db } from './db.js';

export class SqliteSiteAdminRepository implements SiteAdminRepository {
  constructor(private readonly db: Db) {}

  updateTeam(id: number, name: string, code: string): void {
    this.db.prepare('UPDATE teams SET name = ?, code = ? WHERE id = ?').run(name, code, id);
  }

  deleteTeam(id: number): boolean {
    return this.db.prepare('DELETE FROM teams WHERE id = ?').run(id).changes === 1;
  }

  teamMembers(teamId: number): { userId: number; username: string; displayName: string; role: TeamRole }[] {
    return this.db
      .prepare<[number], { userId: number; username: string; displayName: string; role: TeamRole }>(
        `SELECT u.id AS userId, u.username, u.display_name AS displayName, m.role FROM team_members m JOIN users u ON u.id = m.user_id
         WHERE m.team_id = ? ORDER BY u.display_name`,
      )
      .all(teamId);
  }

  setTeamMembers(teamId: number, members: readonly { userId: number; role: TeamRole }[]): void {
    const keep = new Map(members.map((m) => [m.userId, m.role]));
    for (const c of this.db.prepare<[number], { user_id: number }>('SELECT user_id FROM team_members WHERE team_id = ?').all(teamId)) {
      if (!keep.has(c.user_id)) this.db.prepare('DELETE FROM team_members WHERE team_id = ? AND user_id = ?').run(teamId, c.user_id);
    }
    const upsert = this.db.prepare('INSERT INTO team_members (team_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT(team_id, user_id) DO UPDATE SET role = excluded.role');
    for (const [userId, role] of keep) upsert.run(teamId, userId, role);
  }

  issuesOfTeam(teamId: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM issues WHERE team_id = ?').get(teamId) as { n: number }).n;
  }

  updateIssue(id: number, codeName: string, description: string, teamId: number): void {
    this.db.prepare('UPDATE issues SET code_name = ?, description = ?, team_id = ? WHERE id = ?').run(codeName, description, teamId, id);
  }

  deleteIssue(id: number): boolean {
    return this.db.prepare('DELETE FROM issues WHERE id = ?').run(id).changes === 1;
  }

  image(name: string): StoredImage | null {
    const r = this.db
      .prepare<[string], { mime: string; data: Buffer; width: number; height: number; updated_at: string }>('SELECT mime, data, width, height, updated_at FROM site_images WHERE name = ?')
      .get(name);
    return r ? { mime: r.mime, data: r.data, width: r.width, height: r.height, updatedAt: r.updated_at } : null;
  }

  setImage(name: string, image: Omit<StoredImage, 'updatedAt'> | null, now: string): void {
    if (!image) {
      this.db.prepare('DELETE FROM site_images WHERE name = ?').run(name);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO site_images (name, mime, data, width, height, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET mime = excluded.mime, data = excluded.data, width = excluded.width, height = excluded.height, updated_at = excluded.updated_at`,
      )
      .run(name, image.mime, image.data, image.width, image.height, now);
  }
}
