/**
 * Prepares a console-load benchmark site: the jump-search site (seed-jump.ts) with `items` Jump
 * Items, every Jump Group opened to the "Bench" team (so its rep sees all of them), and an issue
 * that routes the portal's sessions to the team's queue.
 *
 * Bundled and run by bench/suites/console-load.mjs: `node seed-console.mjs <dataDir> <items>`
 * (two arguments, so seed-jump.ts's own command line does not run) → {"rep", "password",
 * "issueId", "items"} on stdout.
 */
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';
import { seedJumpSite } from './seed-jump.js';

const PASSWORD = 'Bench-Console-Password-1';
const [dataDir, items] = process.argv.slice(2);
if (!dataDir || !items) throw new Error('usage: seed-console.mjs <dataDir> <items>');
const seeded = seedJumpSite(dataDir, Number(items), PASSWORD);
const db = openDatabase(dataDir);
try {
  const repos = sqliteRepositories(db);
  const out = repos.transaction(() => {
    const team = repos.teams.list().find((t) => t.name === 'Bench')!;
    const member = new Set(seeded.groupIds.filter((_, g) => g % 5 === 0));
    for (const id of seeded.groupIds) if (!member.has(id)) repos.jump.addMember(id, { teamId: team.id }, 'start');
    const issue = repos.issues.create('bench', 'Bench arrivals', team.id);
    return { rep: seeded.rep, password: PASSWORD, issueId: issue.id, items: seeded.items };
  });
  process.stdout.write(JSON.stringify(out) + '\n');
} finally {
  db.close();
}
