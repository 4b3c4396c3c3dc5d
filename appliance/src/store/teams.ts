import type { TeamRole } from '../protocol/index.js';
import type { IssueRecord, IssueRepository, TeamRecord, TeamRepository } from '../domain/ports.js';
import type { Db } from './db.js';

export class SqliteTeamRepository implements TeamRepository {
  constructor(private readonly db: Db) {}

  list(): TeamRecord[] {
    return this.db.prepare<[], TeamRecord>('SELECT id, name, code FROM teams ORDER BY name').all();
  }

  byId(id: number): TeamRecord | null {
    return this.db.prepare<[number], TeamRecord>('SELECT id, name, code FROM teams WHERE id = ?').get(id) ?? null;
  }

  create(name: string, code: string): TeamRecord {
    const info = this.db.prepare('INSERT INTO teams (name, code) VALUES (?, ?)').run(name, code);
    return { id: Number(info.lastInsertRowid), name, code };
  }

  addMember(teamId: number, userId: number, role: TeamRole): void {
    this.db.prepare('INSERT OR REPLACE INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)').run(teamId, userId, role);
  }

  memberCount(teamId: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM team_members WHERE team_id = ?').get(teamId) as { n: number }).n;
  }

  setFavourite(teamId: number, userId: number, favourite: boolean): boolean {
    return this.db.prepare('UPDATE team_members SET favourite = ? WHERE team_id = ? AND user_id = ?').run(favourite ? 1 : 0, teamId, userId).changes === 1;
  }
}

export class SqliteIssueRepository implements IssueRepository {
  constructor(private readonly db: Db) {}

  private static readonly select = `SELECT i.id, i.code_name AS codeName, i.description, i.team_id AS teamId, t.name AS teamName
    FROM issues i JOIN teams t ON t.id = i.team_id`;

  list(): IssueRecord[] {
    return this.db.prepare<[], IssueRecord>(`${SqliteIssueRepository.select} ORDER BY i.id`).all();
  }

  byId(id: number): IssueRecord | null {
    return this.db.prepare<[number], IssueRecord>(`${SqliteIssueRepository.select} WHERE i.id = ?`).get(id) ?? null;
  }

  create(codeName: string, description: string, teamId: number): IssueRecord {
    const info = this.db.prepare('INSERT INTO issues (code_name, description, team_id) VALUES (?, ?, ?)').run(codeName, description, teamId);
    return this.byId(Number(info.lastInsertRowid))!;
  }
}
