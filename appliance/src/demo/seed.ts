/**
 * Seeds a new, empty site: always the default administrator; with --demo also the demo teams, reps,
 * issues, Jump Groups and Jump Clients. A site that already has users is left exactly as it is.
 */
import { iso, type Clock } from '../domain/clock.js';
import { hashPassword } from '../domain/passwords.js';
import { ALL_PERMISSIONS, REP_PERMISSIONS } from '../domain/permissions.js';
import type { Repositories } from '../domain/ports.js';
import { DEMO_FLEET, DEMO_GROUPS } from './fleet.js';
import { seedJumpDemo } from './jump-demo.js';
import { DEMO_ISSUES, DEMO_REP_PASSWORD, DEMO_TEAMS } from './people.js';

export const DEFAULT_ADMIN = { username: 'admin', password: 'password' } as const;

/** Returns what was done: 'existing' (left alone), 'admin' (a bare site) or 'demo'. */
export function seedSite(repos: Repositories, clock: Clock, demo: boolean): 'existing' | 'admin' | 'demo' {
  if (repos.users.count() > 0) return 'existing';
  const now = iso(clock);
  return repos.transaction(() => {
    const admin = repos.users.create(
      { username: DEFAULT_ADMIN.username, displayName: 'Administrator', passwordHash: hashPassword(DEFAULT_ADMIN.password), passwordIsDefault: true, isAdmin: true, permissions: ALL_PERMISSIONS },
      now,
    );
    if (!demo) return 'admin';
    repos.settings.set('site.name', 'Demo Support');
    repos.settings.set('site.demo', 'true');
    const repHash = hashPassword(DEMO_REP_PASSWORD);
    const teamIds = new Map<string, number>();
    for (const t of DEMO_TEAMS) {
      const team = repos.teams.create(t.name, t.code);
      teamIds.set(t.name, team.id);
      repos.teams.addMember(team.id, admin.id, 'manager');
      for (const r of t.reps) {
        const user = repos.users.create({ username: r.username, displayName: r.displayName, passwordHash: repHash, permissions: REP_PERMISSIONS }, now);
        repos.teams.addMember(team.id, user.id, 'member');
      }
    }
    for (const i of DEMO_ISSUES) repos.issues.create(i.codeName, i.description, teamIds.get(i.team)!);
    const groupIds = new Map<string, number>();
    for (const g of DEMO_GROUPS) groupIds.set(g.key, repos.jump.createGroup(g.name, g.code).id);
    for (const { group, ...item } of DEMO_FLEET) repos.jump.create({ ...item, groupId: groupIds.get(group)! }, now);
    seedJumpDemo(repos, now);
    return 'demo';
  });
}
