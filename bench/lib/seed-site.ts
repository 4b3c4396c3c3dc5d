/**
 * Prepares a benchmark site before its appliance starts: the ordinary bare site (the default
 * administrator) plus a "Bench" team of reps, written through the appliance's own store and domain
 * modules, so the rows are exactly what the product would write. Benchmarks need many reps because
 * each rep has one console login at a time; the site has no API for creating users yet.
 *
 * Bundled and run by bench/lib/bundle.mjs: `node seed-site.mjs <dataDir> <reps> <password> [--issue]` →
 * {"reps": [...usernames], "issueId": n | null} on stdout.
 */
import { iso, systemClock } from '../../appliance/src/domain/clock.js';
import { hashPassword } from '../../appliance/src/domain/passwords.js';
import { REP_PERMISSIONS } from '../../appliance/src/domain/permissions.js';
import { seedSite } from '../../appliance/src/demo/seed.js';
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';

/**
 * Usernames are bench-rep-01, bench-rep-02, …; with `issue`, also an issue ("bench") whose portal
 * sessions go to the Bench team's queue (queue-fanout). Returns the usernames and the issue's id.
 */
export function seedBenchSite(dataDir: string, repCount: number, password: string, withIssue = false): { reps: string[]; issueId: number | null } {
  const db = openDatabase(dataDir);
  try {
    const repos = sqliteRepositories(db);
    seedSite(repos, systemClock, false);
    const now = iso(systemClock);
    const hash = hashPassword(password);
    return repos.transaction(() => {
      const team = repos.teams.create('Bench', 'bench');
      const reps: string[] = [];
      for (let i = 1; i <= repCount; i++) {
        const username = `bench-rep-${String(i).padStart(2, '0')}`;
        const user = repos.users.create({ username, displayName: `Bench Rep ${i}`, passwordHash: hash, permissions: REP_PERMISSIONS }, now);
        repos.teams.addMember(team.id, user.id, 'member');
        reps.push(username);
      }
      const issueId = withIssue ? repos.issues.create('bench', 'Bench arrivals', team.id).id : null;
      return { reps, issueId };
    });
  } finally {
    db.close();
  }
}

const [dataDir, reps, password, flag] = process.argv.slice(2);
if (dataDir && reps && password) process.stdout.write(JSON.stringify(seedBenchSite(dataDir, Number(reps), password, flag === '--issue')) + '\n');
