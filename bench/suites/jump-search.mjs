/**
 * jump-search: searching a large site's Jump Items from the console.
 *
 * Setup: `items` Jump Items in 200 Jump Groups are written into the data directory before the
 * appliance starts (bench/lib/seed-jump.ts, through the appliance's own store, so the trigram
 * full-text index is filled by the same triggers the product uses). A bench rep is a member (through
 * their team) of 40 of the groups; the administrator sees every item.
 *
 * Measurement: each console sends `jump.list` searches one after another (what a rep typing in the
 * search box causes, after the console's debounce): hostname and name fragments, IP addresses and
 * prefixes, tags, cities, comment words, two-letter terms, and later pages of broad searches — all
 * made up from the same deterministic pattern the seed used. Latency is the round trip from send to
 * answer in this process; the first `warmup` searches per console are left out.
 */
import { startAppliance } from '../lib/appliance.mjs';
import { runSeed } from '../lib/bundle.mjs';
import { repConsole } from '../lib/clients.mjs';
import { round, summarize } from '../lib/stats.mjs';

const PASSWORD = 'Bench-Jump-Password-1';
const FULL = { items: 100_000, searches: 2000, warmup: 50 };
const QUICK = { items: 3000, searches: 60, warmup: 10 };
const TARGET_P99_MS = 20;

/** The seed's pattern (bench/lib/seed-jump.ts benchItem), enough to make up searches. */
const CITIES = ['lyon', 'paris', 'muc', 'berlin', 'nyc', 'london', 'madrid', 'rome', 'vienna', 'oslo'];
const ROLES = ['pos', 'finance', 'reception', 'warehouse', 'lab', 'sales', 'hr', 'devops', 'database', 'web', 'kiosk', 'backup', 'print', 'cad', 'dispatch'];
const WORDS = ['printer', 'monitor', 'docking', 'scanner', 'badge', 'vpn', 'outlook', 'excel', 'sap', 'citrix'];
const NOTES = ['issue', 'swap planned', 'upgrade due', 'checked', 'ticket open', 'replaced', 'slow', 'warranty'];
const nameOf = (i) => `${CITIES[i % CITIES.length].toUpperCase()}-${ROLES[Math.floor(i / CITIES.length) % ROLES.length].toUpperCase()}-${String(i).padStart(6, '0')}`;

/** A deterministic mix of searches: [kind, params]. */
function makeSearches(count, items, seed) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const item = () => Math.floor(rand() * items);
  const out = [];
  for (let n = 0; n < count; n++) {
    const r = rand();
    const i = item();
    if (r < 0.15) out.push(['hostname', { search: `${nameOf(i).toLowerCase()}.corp` }]);
    else if (r < 0.25) out.push(['name fragment', { search: nameOf(i).slice(-9, -1) }]);
    else if (r < 0.35) out.push(['ip', { search: rand() < 0.5 ? `198.51.${(i >> 8) & 255}.${i & 255}` : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.` }]);
    else if (r < 0.5) out.push(['tag', { search: pick(ROLES) }]);
    else if (r < 0.6) out.push(['city', { search: pick(CITIES) }]);
    else if (r < 0.72) out.push(['comment', { search: rand() < 0.5 ? `${pick(WORDS)} ${pick(NOTES)}` : `asset ${100 + Math.floor(rand() * 900)}` }]);
    else if (r < 0.8) out.push(['two letters', { search: pick(['ly', 'pa', 'mu', 'os', 'po', 'hr', '12', '7.']) }]);
    else if (r < 0.9) out.push(['later page', { search: pick([...ROLES, ...CITIES]), page: 1 + Math.floor(rand() * 4) }]);
    else out.push(['no search', { search: '', page: Math.floor(rand() * 3) }]);
  }
  return out;
}

export default {
  name: 'jump-search',
  description: 'Jump Item search p99 ≤ 20 ms over 100,000 Jump Items',

  async run({ quick, options, log }) {
    const cfg = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(cfg)) {
      if (options[k] === undefined) continue;
      cfg[k] = Number(options[k]);
      if (!(cfg[k] >= 0)) throw new Error(`--${k} must be a number ≥ 0`);
    }
    const seedStart = performance.now();
    let seeded;
    const app = await startAppliance({ prepare: async (dir) => void (seeded = await runSeed('seed-jump', dir, cfg.items, PASSWORD)) });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(`  ${seeded.items} Jump Items in 200 groups, appliance up after ${seedSeconds.toFixed(1)} s`);
    const clients = [];
    try {
      const rep = await repConsole(app.url, seeded.rep, PASSWORD);
      const admin = await repConsole(app.url, 'admin', 'password');
      clients.push(rep, admin);
      const rows = [];
      for (const [who, c, seed] of [['rep (40 of 200 groups)', rep, 11], ['administrator (all items)', admin, 23]]) {
        const r = await measure(c, cfg, seed);
        log(`  ${who}: p50 ${round(r.all.p50)} ms, p99 ${round(r.all.p99)} ms over ${r.all.count} searches (${r.visible} items visible)`);
        rows.push(
          {
            name: 'jump-search',
            metric: `jump.list p99, ${who}`,
            unit: 'ms',
            value: round(r.all.p99),
            target: { op: '<=', value: TARGET_P99_MS },
            details: { p50: round(r.all.p50), p95: round(r.all.p95), max: round(r.all.max), searches: r.all.count, visibleItems: r.visible, byKind: r.byKind, errors: r.errors },
          },
          { name: 'jump-search', metric: `jump.list p50, ${who}`, unit: 'ms', value: round(r.all.p50), target: null, details: {} },
        );
      }
      rows.push({
        name: 'jump-search',
        metric: 'appliance RSS with the items loaded',
        unit: 'MiB',
        value: round(app.memory().rssMiB),
        target: null,
        details: { items: seeded.items, seedAndStartSeconds: round(seedSeconds), note: `${seeded.items} Jump Items; searches one at a time per console, after ${cfg.warmup} warm-up searches` },
      });
      return rows;
    } finally {
      for (const c of clients) c.close();
      await app.stop();
    }
  },
};

async function measure(client, cfg, seed) {
  const searches = makeSearches(cfg.warmup + cfg.searches, cfg.items, seed);
  const all = [];
  const byKind = new Map();
  const errors = new Map();
  let visible = 0;
  for (let n = 0; n < searches.length; n++) {
    const [kind, params] = searches[n];
    const t = performance.now();
    try {
      const r = await client.call('jump.list', { pageSize: 50, ...params });
      const ms = performance.now() - t;
      if (kind === 'no search' && !params.page) visible = r.total;
      if (n < cfg.warmup) continue;
      all.push(ms);
      const k = byKind.get(kind) ?? { ms: [], matches: [] };
      k.ms.push(ms);
      k.matches.push(r.total);
      byKind.set(kind, k);
    } catch (e) {
      errors.set(e.code ?? e.message, (errors.get(e.code ?? e.message) ?? 0) + 1);
    }
  }
  const kinds = {};
  for (const [kind, { ms, matches }] of byKind) {
    const s = summarize(ms);
    kinds[kind] = { count: s.count, p50: round(s.p50), p99: round(s.p99), max: round(s.max), meanMatches: Math.round(matches.reduce((a, b) => a + b, 0) / matches.length) };
  }
  return { all: summarize(all), byKind: kinds, visible, errors: Object.fromEntries(errors) };
}
