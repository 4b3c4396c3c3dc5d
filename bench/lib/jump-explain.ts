/**
 * Times the Jump Item search in-process, without the WebSocket: `node out/bench/jump-explain.mjs
 * <dataDir> [searches]` on a data directory seeded by seed-jump.ts (e.g. kept from a jump-search
 * run). Prints p50/p99/max CPU milliseconds per kind of search for a rep who sees 40 of the 200 groups and for an
 * administrator, then SQLite's EXPLAIN QUERY PLAN of the slowest search of each. For profiling the
 * store (appliance/src/store/jump-search.ts); the benchmark itself is bench/suites/jump-search.mjs.
 *
 * Bundle: `npx esbuild bench/lib/jump-explain.ts --bundle --platform=node --format=esm --packages=external --outfile=out/bench/jump-explain.mjs`.
 */
import { openDatabase, sqliteRepositories } from '../../appliance/src/store/index.js';
import { searchRows } from '../../appliance/src/store/jump-search.js';
import type { JumpSearch } from '../../appliance/src/domain/ports.js';
import { CITIES, NOTES, ROLES, WORDS, benchItem } from './seed-jump.js';

const [dataDir, countArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: jump-explain.mjs <dataDir> [searches]');
const db = openDatabase(dataDir);
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');
const repos = sqliteRepositories(db);
const items = (db.prepare('SELECT COUNT(*) AS n FROM jump_items').get() as { n: number }).n;
const groups = (db.prepare("SELECT id FROM jump_groups WHERE name LIKE 'Region %' ORDER BY id").all() as { id: number }[]).map((g) => g.id);
const repId = (db.prepare("SELECT id FROM users WHERE username = 'bench-jump-rep'").get() as { id: number } | undefined)?.id ?? 0;
const repScope = { visibleGroupIds: groups.filter((_, g) => g % 5 === 0), ownerIds: [repId] };
const nameOf = (i: number) => benchItem(i).name;

let s = 7;
const rand = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
function search(): [string, { search: string; page?: number }] {
  const r = rand();
  const i = Math.floor(rand() * items);
  if (r < 0.15) return ['hostname', { search: `${nameOf(i).toLowerCase()}.corp` }];
  if (r < 0.25) return ['name fragment', { search: nameOf(i).slice(-9, -1) }];
  if (r < 0.35) return ['ip', { search: rand() < 0.5 ? `198.51.${(i >> 8) & 255}.${i & 255}` : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.` }];
  if (r < 0.5) return ['tag', { search: pick(ROLES) }];
  if (r < 0.6) return ['city', { search: pick(CITIES) }];
  if (r < 0.72) return ['comment', { search: rand() < 0.5 ? `${pick(WORDS)} ${pick(NOTES)}` : `asset ${100 + Math.floor(rand() * 900)}` }];
  if (r < 0.8) return ['two letters', { search: pick(['ly', 'pa', 'mu', 'os', 'po', 'hr', '12', '7.']) }];
  if (r < 0.9) return ['later page', { search: pick([...ROLES, ...CITIES]), page: 1 + Math.floor(rand() * 4) }];
  return ['no search', { search: '', page: Math.floor(rand() * 3) }];
}

const n = Number(countArg ?? 2000);
for (const [who, scope] of [['rep', repScope], ['admin', { visibleGroupIds: null, ownerIds: null }]] as const) {
  const byKind = new Map<string, { ms: number[]; worst: { ms: number; q: JumpSearch } | null }>();
  for (let k = 0; k < n; k++) {
    const [kind, p] = search();
    const q: JumpSearch = { search: p.search, groupId: null, ...scope, offset: (p.page ?? 0) * 50, limit: 50 };
    // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
    const c = process.cpuUsage();
    repos.jump.search(q);
    const used = process.cpuUsage(c);
    const ms = (used.user + used.system) / 1000;
    const e = byKind.get(kind) ?? { ms: [], worst: null };
    e.ms.push(ms);
    if (!e.worst || ms > e.worst.ms) e.worst = { ms, q };
    byKind.set(kind, e);
  }
  console.log(`\n${who} (${items} items):`);
  const all = [...byKind.values()].flatMap((e) => e.ms).sort((a, b) => a - b);
  console.log(`  all: p50 ${all[Math.floor(all.length / 2)]!.toFixed(2)} p99 ${all[Math.floor(all.length * 0.99)]!.toFixed(2)} max ${all.at(-1)!.toFixed(2)} ms`);
  for (const [kind, e] of byKind) {
    const xs = e.ms.sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(14)} n=${String(xs.length).padStart(4)} p50 ${xs[Math.floor(xs.length / 2)]!.toFixed(2).padStart(6)} p99 ${xs[Math.floor(xs.length * 0.99)]!.toFixed(2).padStart(6)} max ${xs.at(-1)!.toFixed(2).padStart(6)}  worst: ${JSON.stringify(e.worst!.q.search)} offset ${e.worst!.q.offset}`);
  }
}
