/**
 * The demo site's Jump Policies, Jump Group memberships and personal Jump Items: teams reach the
 * groups they work on, Carla leads Remote Support (she sees Dieter's personal list), the Finance
 * workstations keep office hours in Paris, and SQL-PROD-01 only opens in its maintenance window.
 */
import type { JumpPolicy } from '../protocol/index.js';
import type { NewJumpItem, Repositories } from '../domain/ports.js';
import { DEMO_GROUPS } from './fleet.js';

type GroupKey = (typeof DEMO_GROUPS)[number]['key'];

export const DEMO_POLICIES: (Omit<JumpPolicy, 'id'> & { items: string[] })[] = [
  {
    name: 'Business hours',
    code: 'business-hours',
    description: 'Finance workstations: Jumps during office hours in Paris; the user at the desk is asked first.',
    scheduleEnabled: true,
    timeZone: 'Europe/Paris',
    windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' }],
    forceEnd: false,
    presentPrompt: 'prompt',
    notPresentPrompt: 'no_prompt',
    promptTimeoutSeconds: 60,
    items: ['WS-107 Finance – M. Keller', 'WS-115 Finance – J. Novak'],
  },
  {
    name: 'Maintenance window',
    code: 'maintenance-window',
    description: 'Production database: Sunday night maintenance only; sessions end when the window closes.',
    scheduleEnabled: true,
    timeZone: 'Europe/Paris',
    windows: [{ days: ['sun'], start: '02:00', end: '06:00' }],
    forceEnd: true,
    presentPrompt: 'no_prompt',
    notPresentPrompt: 'no_prompt',
    promptTimeoutSeconds: 60,
    items: ['SQL-PROD-01'],
  },
  {
    name: 'Attended sessions only',
    code: 'attended-only',
    description: 'Someone must be at the computer to allow the session.',
    scheduleEnabled: false,
    timeZone: 'Europe/Paris',
    windows: [],
    forceEnd: false,
    presentPrompt: 'prompt',
    notPresentPrompt: 'prompt',
    promptTimeoutSeconds: 60,
    items: ['LT-HR-12 (laptop)'],
  },
];

/** Which team (or rep) reaches which demo Jump Group, and with which role. */
const MEMBERSHIPS: { who: { team: string } | { user: string }; group: GroupKey; role: 'start' | 'edit' }[] = [
  { who: { team: 'general' }, group: 'workstations', role: 'start' },
  { who: { team: 'general' }, group: 'branch', role: 'start' },
  { who: { team: 'general' }, group: 'servers', role: 'start' },
  { who: { team: 'remote-support' }, group: 'servers', role: 'edit' },
  { who: { team: 'remote-support' }, group: 'workstations', role: 'start' },
  { who: { team: 'remote-support' }, group: 'network', role: 'edit' },
  { who: { user: 'ana' }, group: 'network', role: 'start' },
];

const PERSONAL: (Omit<NewJumpItem, 'groupId' | 'ownerUserId'> & { owner: string })[] = [
  { owner: 'ana', name: 'LAB-VM-ANA (test VM)', method: 'rdp', hostname: 'lab-vm-ana.corp.example', comments: 'Windows 11 test VM for reproducing tickets', tag: 'lab', publicIp: '', privateIp: '10.9.0.21', os: 'windows', status: 'active', lastAccessedAt: null },
  { owner: 'ana', name: 'LT-ANA (laptop)', method: 'pinned', hostname: 'lt-ana.corp.example', comments: 'Ana’s spare laptop', tag: 'lab', publicIp: '198.51.100.201', privateIp: '10.1.9.21', os: 'windows', status: 'offline', lastAccessedAt: null },
  { owner: 'dieter', name: 'DIETER-PI (home lab)', method: 'shelljump', hostname: 'pi.braun-lab.example', comments: 'Raspberry Pi used to test scripts, SSH', tag: 'lab', publicIp: '', privateIp: '10.9.0.44', os: 'linux', status: 'active', lastAccessedAt: null },
  { owner: 'dieter', name: 'TEST-W11-DB', method: 'rdp', hostname: 'test-w11-db.corp.example', comments: 'Dieter’s Windows 11 test machine', tag: 'lab', publicIp: '', privateIp: '10.9.0.45', os: 'windows', status: 'active', lastAccessedAt: null },
];

/** Runs inside the demo seed's transaction, after the teams, reps and the demo fleet exist. */
export function seedJumpDemo(repos: Repositories, now: string): void {
  const teams = new Map(repos.teams.list().map((t) => [t.code, t.id]));
  const groups = new Map(DEMO_GROUPS.map((g) => [g.key, repos.jump.groups().find((x) => x.code === g.code)!.id]));
  const user = (username: string) => repos.users.byUsername(username)!;

  for (const m of MEMBERSHIPS) {
    const who = 'team' in m.who ? { teamId: teams.get(m.who.team)! } : { userId: user(m.who.user).id };
    repos.jump.addMember(groups.get(m.group)!, who, m.role);
  }
  // Carla leads Remote Support: Dieter's personal Jump Items are in her view too.
  repos.teams.addMember(teams.get('remote-support')!, user('carla').id, 'lead');

  const { items } = repos.jump.search({ search: '', groupId: null, visibleGroupIds: null, ownerIds: [], offset: 0, limit: 1000 });
  const byName = new Map(items.map((i) => [i.name, i.id]));
  for (const { items: names, ...policy } of DEMO_POLICIES) {
    const created = repos.jumpPolicies.create(policy);
    for (const name of names) {
      const id = byName.get(name);
      if (id !== undefined) repos.jump.setPolicy(id, created.id);
    }
  }
  for (const { owner, ...item } of PERSONAL) repos.jump.create({ ...item, groupId: null, ownerUserId: user(owner).id }, now);
}
