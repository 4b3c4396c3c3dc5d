/**
 * Prepares a benchmark site before its appliance starts: the ordinary bare site (the default
 * administrator) plus a "Bench" team of reps, written through the appliance's own store and domain
 * modules, so the rows are exactly what the product would write. Benchmarks need many reps because
 * each rep has one console login at a time; the site has no API for creating users yet.
 *
 * Bundled and run by bench/lib/seed.mjs: `node out/bench/seed-site.mjs <dataDir> <reps> <password>`.
 */
import { iso, systemClock } from '../../appliance/src/domain/clock.js';
import { hashPassword } from '../../appliance/src/domain/passwords.js';
import { REP_PERMISSIONS } from '../../appliance/src/domain/permissions.js';
import { seedSite } from '../../appliance/src/demo/seed.js';
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';

/** Usernames are bench-rep-01, bench-rep-02, …; returns them. */
export function seedBenchSite(dataDir: string, repCount: number, password: string): string[] {
  const db = openDatabase(dataDir);
  try {
    const repos = sqliteRepositories(db);
    seedSite(repos, systemClock, false);
    const now = iso(systemClock);
    const hash = hashPassword(password);
    return repos.transaction(() => {
      const team = repos.teams.create('Bench', 'bench');
      const names: string[] = [];
      for (let i = 1; i <= repCount; i++) {
        const username = `bench-rep-${String(i).padStart(2, '0')}`;
        const user = repos.users.create({ username, displayName: `Bench Rep ${i}`, passwordHash: hash, permissions: REP_PERMISSIONS }, now);
        repos.teams.addMember(team.id, user.id, 'member');
        names.push(username);
      }
      return names;
    });
  } finally {
    db.close();
  }
}

const [dataDir, reps, password] = process.argv.slice(2);
if (dataDir && reps && password) {
  const names = seedBenchSite(dataDir, Number(reps), password);
  process.stdout.write(JSON.stringify({ reps: names }) + '\n');
}
