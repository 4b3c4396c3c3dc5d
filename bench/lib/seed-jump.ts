/**
 * Prepares a jump-search benchmark site before its appliance starts: the bare site plus `count`
 * Jump Items in 200 Jump Groups, a "Bench" team whose reps are members of 40 of those groups, and a
 * few personal items — written through the appliance's own store modules, so the rows (and the
 * full-text index the triggers keep) are exactly what the product writes. Names, hostnames,
 * comments, tags and addresses follow one deterministic pattern, so the driver can make up searches
 * that hit a few items, hundreds, or thousands.
 *
 * Bundled and run by bench/suites/jump-search.mjs: `node seed-jump.mjs <dataDir> <count> <password>`
 * → {"rep": "bench-jump-rep", "groupIds": [...], "items": n} on stdout.
 */
import { iso, systemClock } from '../../appliance/src/domain/clock.js';
import { hashPassword } from '../../appliance/src/domain/passwords.js';
import { REP_PERMISSIONS } from '../../appliance/src/domain/permissions.js';
import { seedSite } from '../../appliance/src/demo/seed.js';
import type { EndpointOs } from '../../appliance/src/protocol/index.js';
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';

export const CITIES = ['lyon', 'paris', 'muc', 'berlin', 'nyc', 'london', 'madrid', 'rome', 'vienna', 'oslo'];
export const ROLES = ['pos', 'finance', 'reception', 'warehouse', 'lab', 'sales', 'hr', 'devops', 'database', 'web', 'kiosk', 'backup', 'print', 'cad', 'dispatch'];
export const WORDS = ['printer', 'monitor', 'docking', 'scanner', 'badge', 'vpn', 'outlook', 'excel', 'sap', 'citrix'];
export const NOTES = ['issue', 'swap planned', 'upgrade due', 'checked', 'ticket open', 'replaced', 'slow', 'warranty'];
const GROUPS = 200;
const MEMBER_GROUPS = 40;
const OS: EndpointOs[] = ['windows', 'windows', 'windows', 'linux', 'macos'];

/** Item i's fields (the driver rebuilds the same ones to make up searches). */
export function benchItem(i: number): { name: string; hostname: string; comments: string; tag: string; publicIp: string; privateIp: string; os: EndpointOs; group: number } {
  const city = CITIES[i % CITIES.length]!;
  const role = ROLES[Math.floor(i / CITIES.length) % ROLES.length]!;
  const name = `${city.toUpperCase()}-${role.toUpperCase()}-${String(i).padStart(6, '0')}`;
  return {
    name,
    hostname: `${name.toLowerCase()}.corp.example`,
    comments: `${WORDS[(i * 7) % WORDS.length]} ${NOTES[(i * 3) % NOTES.length]}, asset ${100000 + ((i * 7919) % 900000)}`,
    tag: role,
    publicIp: `198.51.${(i >> 8) & 255}.${i & 255}`,
    privateIp: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    os: OS[i % OS.length]!,
    // Spread over the groups independently of city and role, as real fleets are.
    group: (Math.imul(i + 1, 2654435761) >>> 0) % GROUPS,
  };
}

export function seedJumpSite(dataDir: string, count: number, password: string): { rep: string; groupIds: number[]; items: number } {
  const db = openDatabase(dataDir);
  try {
    const repos = sqliteRepositories(db);
    seedSite(repos, systemClock, false);
    const now = iso(systemClock);
    return repos.transaction(() => {
      const groups = Array.from({ length: GROUPS }, (_, g) => repos.jump.createGroup(`Region ${String(g + 1).padStart(3, '0')}`, `bench-region-${g + 1}`));
      const team = repos.teams.create('Bench', 'bench');
      const rep = repos.users.create({ username: 'bench-jump-rep', displayName: 'Bench Jump Rep', passwordHash: hashPassword(password), permissions: REP_PERMISSIONS }, now);
      repos.teams.addMember(team.id, rep.id, 'member');
      for (let g = 0; g < MEMBER_GROUPS; g++) repos.jump.addMember(groups[g * (GROUPS / MEMBER_GROUPS)]!.id, { teamId: team.id }, 'start');
      for (let i = 0; i < count; i++) {
        const { group, ...item } = benchItem(i);
        repos.jump.create({ ...item, method: 'pinned', groupId: groups[group]!.id, status: i % 3 === 0 ? 'offline' : 'active' }, now);
      }
      for (let i = 0; i < 20; i++) {
        const { group: _g, ...item } = benchItem(count + i);
        repos.jump.create({ ...item, method: 'rdp', groupId: null, ownerUserId: rep.id, status: 'active' }, now);
      }
      return { rep: rep.username, groupIds: groups.map((g) => g.id), items: count + 20 };
    });
  } finally {
    db.close();
  }
}

const [dataDir, count, password] = process.argv.slice(2);
if (dataDir && count && password) process.stdout.write(JSON.stringify(seedJumpSite(dataDir, Number(count), password)) + '\n');
