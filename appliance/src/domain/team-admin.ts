/**
 * Teams (with members as member, lead or manager) and the portal's issues, which route customers
 * to a team's queue. Administrators only; each save is one transaction, and the members whose
 * teams changed hear about it (their queues change).
 */
import { CodedError } from '../protocol/index.js';
import type { IssueInput, IssueRow, TeamDetail, TeamInput } from '../protocol/admin-models.js';
import type { EventBus } from './event-bus.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

type Repos = Pick<Repositories, 'teams' | 'issues' | 'users' | 'siteAdmin' | 'transaction'>;

export class TeamAdmin {
  constructor(
    private readonly repos: Repos,
    private readonly bus: Pick<EventBus, 'publish'>,
  ) {}

  teams(actor: Actor): TeamDetail[] {
    authorize(actor, { kind: 'admin.users.list' });
    return this.repos.teams.list().map((t) => this.detail(t.id)!);
  }

  createTeam(actor: Actor, input: TeamInput): TeamDetail {
    authorize(actor, { kind: 'admin.users.manage' });
    this.checkUnique(input, null);
    this.checkUsers(input);
    const team = this.repos.transaction(() => {
      const t = this.repos.teams.create(input.name, input.codeName);
      this.repos.siteAdmin.setTeamMembers(t.id, input.members);
      return t;
    });
    this.notify(input.members.map((m) => m.userId));
    return this.detail(team.id)!;
  }

  updateTeam(actor: Actor, id: number, input: TeamInput): TeamDetail {
    authorize(actor, { kind: 'admin.users.manage' });
    if (!this.repos.teams.byId(id)) throw new CodedError('E_TEAM_NOT_FOUND');
    this.checkUnique(input, id);
    this.checkUsers(input);
    const before = this.repos.siteAdmin.teamMembers(id).map((m) => m.userId);
    this.repos.transaction(() => {
      this.repos.siteAdmin.updateTeam(id, input.name, input.codeName);
      this.repos.siteAdmin.setTeamMembers(id, input.members);
    });
    this.notify([...before, ...input.members.map((m) => m.userId)]);
    return this.detail(id)!;
  }

  deleteTeam(actor: Actor, id: number): void {
    authorize(actor, { kind: 'admin.users.manage' });
    if (!this.repos.teams.byId(id)) throw new CodedError('E_TEAM_NOT_FOUND');
    if (this.repos.siteAdmin.issuesOfTeam(id) > 0) throw new CodedError('E_TEAM_IN_USE');
    const before = this.repos.siteAdmin.teamMembers(id).map((m) => m.userId);
    this.repos.transaction(() => this.repos.siteAdmin.deleteTeam(id));
    this.notify(before);
  }

  issues(actor: Actor): IssueRow[] {
    authorize(actor, { kind: 'admin.users.list' });
    return this.repos.issues.list();
  }

  createIssue(actor: Actor, input: IssueInput): IssueRow {
    authorize(actor, { kind: 'admin.site.manage' });
    this.checkIssue(input, null);
    return this.repos.transaction(() => this.repos.issues.create(input.codeName, input.description, input.teamId));
  }

  updateIssue(actor: Actor, id: number, input: IssueInput): IssueRow {
    authorize(actor, { kind: 'admin.site.manage' });
    if (!this.repos.issues.byId(id)) throw new CodedError('E_ISSUE_NOT_FOUND');
    this.checkIssue(input, id);
    this.repos.transaction(() => this.repos.siteAdmin.updateIssue(id, input.codeName, input.description, input.teamId));
    return this.repos.issues.byId(id)!;
  }

  deleteIssue(actor: Actor, id: number): void {
    authorize(actor, { kind: 'admin.site.manage' });
    if (!this.repos.transaction(() => this.repos.siteAdmin.deleteIssue(id))) throw new CodedError('E_ISSUE_NOT_FOUND');
  }

  private detail(id: number): TeamDetail | null {
    const t = this.repos.teams.byId(id);
    if (!t) return null;
    return { id: t.id, name: t.name, codeName: t.code, members: this.repos.siteAdmin.teamMembers(id), issues: this.repos.siteAdmin.issuesOfTeam(id) };
  }

  private checkUnique(input: TeamInput, id: number | null): void {
    const clash = this.repos.teams.list().some((t) => t.id !== id && (t.name.toLowerCase() === input.name.toLowerCase() || t.code === input.codeName));
    if (clash) throw new CodedError('E_TEAM_EXISTS');
  }

  private checkUsers(input: TeamInput): void {
    const seen = new Set<number>();
    for (const m of input.members) {
      const u = this.repos.users.byId(m.userId);
      if (!u || u.externalSessionId !== null || seen.has(m.userId)) throw new CodedError('E_USER_NOT_FOUND');
      seen.add(m.userId);
    }
  }

  private checkIssue(input: IssueInput, id: number | null): void {
    if (!this.repos.teams.byId(input.teamId)) throw new CodedError('E_TEAM_NOT_FOUND');
    if (this.repos.issues.list().some((i) => i.id !== id && i.codeName === input.codeName)) throw new CodedError('E_ISSUE_EXISTS');
  }

  private notify(userIds: number[]): void {
    for (const userId of new Set(userIds)) this.bus.publish({ type: 'user.changed', userId });
  }
}
