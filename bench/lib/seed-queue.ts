/**
 * Prepares a queue-fanout benchmark site before its appliance starts: the bare site, a "Bench" team
 * of `reps` reps, and an issue ("bench") whose sessions go to that team's queue — written through the
 * appliance's own store, as seed-site.ts does.
 *
 * Bundled and run by bench/suites/queue-fanout.mjs: `node seed-queue.mjs <dataDir> <reps> <password>`
 * → {"reps": [...usernames], "issueId": n} on stdout.
 */
import { iso, systemClock } from '../../appliance/src/domain/clock.js';
import { hashPassword } from '../../appliance/src/domain/passwords.js';
import { REP_PERMISSIONS } from '../../appliance/src/domain/permissions.js';
import { seedSite } from '../../appliance/src/demo/seed.js';
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';

const [dataDir, reps, password] = process.argv.slice(2);
if (!dataDir || !reps || !password) throw new Error('usage: seed-queue.mjs <dataDir> <reps> <password>');
const db = openDatabase(dataDir);
try {
  const repos = sqliteRepositories(db);
  seedSite(repos, systemClock, false);
  const now = iso(systemClock);
  const hash = hashPassword(password);
  const out = repos.transaction(() => {
    const team = repos.teams.create('Bench', 'bench');
    const names: string[] = [];
    for (let i = 1; i <= Number(reps); i++) {
      const username = `bench-fan-${String(i).padStart(3, '0')}`;
      const user = repos.users.create({ username, displayName: `Bench Fan Rep ${i}`, passwordHash: hash, permissions: REP_PERMISSIONS }, now);
      repos.teams.addMember(team.id, user.id, 'member');
      names.push(username);
    }
    const issue = repos.issues.create('bench', 'Bench arrivals', team.id);
    return { reps: names, issueId: issue.id };
  });
  process.stdout.write(JSON.stringify(out) + '\n');
} finally {
  db.close();
}
