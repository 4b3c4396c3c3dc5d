/**
 * Prepares an idle-agents benchmark site before its appliance starts: the bare site plus N Jump
 * Clients already registered (a pinned Jump Item in a "Bench Agents" group and an agent identity
 * each), written through the appliance's own store modules, so the rows are exactly what
 * `agent.register` writes. The agents' ids and secrets go to a file for the driver's `agent.hello`.
 * Registering 20,000 agents through the protocol would measure 20,000 installer-key redemptions,
 * not idle connections.
 *
 * Bundled and run by bench/suites/idle-agents.mjs:
 *   node seed-agents.mjs seed <dataDir> <count> <secretsFile>
 *   node seed-agents.mjs status <dataDir>     → {"active": n, "offline": m} for the bench group
 */
import { writeFileSync } from 'node:fs';
import { iso, systemClock } from '../../appliance/src/domain/clock.js';
import { hashToken, newToken } from '../../appliance/src/domain/tokens.js';
import { seedSite } from '../../appliance/src/demo/seed.js';
import { SqliteAgentRepository } from '../../appliance/src/store/agents.js';
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';

export function seedAgents(dataDir: string, count: number, secretsFile: string): void {
  const db = openDatabase(dataDir);
  try {
    const repos = sqliteRepositories(db);
    seedSite(repos, systemClock, false);
    const agents = new SqliteAgentRepository(db);
    const now = iso(systemClock);
    const lines = repos.transaction(() => {
      const group = repos.jump.createGroup('Bench Agents', 'bench-agents');
      const out: string[] = [];
      for (let i = 1; i <= count; i++) {
        const host = `bench-agent-${String(i).padStart(5, '0')}`;
        const item = repos.jump.create(
          { name: host, method: 'pinned', groupId: group.id, hostname: `${host}.bench.example`, comments: '', tag: 'bench', publicIp: '', privateIp: '', os: 'linux', status: 'offline' },
          now,
        );
        const secret = newToken();
        const agent = agents.create({ jumpItemId: item.id, secretHash: hashToken(secret), hostname: item.hostname, os: 'linux', installerId: null, emulated: false }, now);
        out.push(`${agent.id} ${secret} ${item.hostname}`);
      }
      return out;
    });
    writeFileSync(secretsFile, lines.join('\n') + '\n', { mode: 0o600 });
  } finally {
    db.close();
  }
}

export function benchStatus(dataDir: string): Record<string, number> {
  const db = openDatabase(dataDir);
  try {
    const rows = db
      .prepare<[], { status: string; n: number }>("SELECT j.status, COUNT(*) AS n FROM jump_items j JOIN jump_groups g ON g.id = j.group_id WHERE g.code = 'bench-agents' GROUP BY j.status")
      .all();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

const [mode, dataDir, count, secretsFile] = process.argv.slice(2);
if (mode === 'seed' && dataDir && count && secretsFile) seedAgents(dataDir, Number(count), secretsFile);
else if (mode === 'status' && dataDir) process.stdout.write(JSON.stringify(benchStatus(dataDir)) + '\n');
