/**
 * queue-fanout: a customer arriving in a team queue reaches every eligible rep console.
 *
 * Setup: `reps` reps in one team (bench/lib/seed-site.ts) log in on /ws/console, each from its own
 * loopback address (127.3.x.y); an issue routes the portal's sessions to the team's queue.
 * Measurement: customers arrive through the portal (POST /api/portal/sessions with the issue, each
 * from its own address 127.4.x.y) at a steady `rate` a second for `seconds` (open loop). Latency is
 * the time from sending the POST to each rep console receiving the `queue.session` event that
 * announces it (one clock, this process): `reps` deliveries per arrival. The first `warmup` seconds
 * are left out of the percentiles; a delivery still missing 10 s after the last arrival is lost.
 */
import { ProtocolClient, portalJoin } from '../lib/clients.mjs';
import { startAppliance } from '../lib/appliance.mjs';
import { runSeed } from '../lib/bundle.mjs';
import { round, summarize } from '../lib/stats.mjs';

const PASSWORD = 'Bench-Fanout-Password-1';
const FULL = { reps: 200, rate: 50, seconds: 20, warmup: 2 };
const QUICK = { reps: 20, rate: 10, seconds: 3, warmup: 0.5 };
const repAddress = (i) => `127.3.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const customerAddress = (i) => `127.4.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export default {
  name: 'queue-fanout',
  description: 'Queue fan-out: 200 logged-in reps, 50 arrivals/s; arrival → every eligible console p99 ≤ 100 ms',

  async run({ quick, options, log }) {
    const cfg = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(cfg)) if (options[k] !== undefined) cfg[k] = Number(options[k]);
    let seeded;
    const app = await startAppliance({ prepare: async (dir) => void (seeded = await runSeed('seed-site', dir, cfg.reps, PASSWORD, '--issue')) });
    const consoles = [];
    try {
      // Logins a few at a time (each checks a password hash).
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < seeded.reps.length) {
          const i = next++;
          const c = await ProtocolClient.connect(app.url, '/ws/console', { localAddress: repAddress(i) });
          await c.call('auth.login', { username: seeded.reps[i], password: PASSWORD, console: 'web' });
          consoles.push(c);
        }
      }));
      log(`  ${consoles.length} reps logged in`);
      const total = Math.round(cfg.rate * cfg.seconds);
      const sentAt = new Float64Array(total).fill(NaN);
      const got = Array.from({ length: total }, () => new Float64Array(consoles.length).fill(NaN));
      let delivered = 0;
      consoles.forEach((c, r) => {
        c.onEvent = (event, data, at) => {
          if (event !== 'queue.session') return;
          const k = Number(/^Bench Arrival (\d+)$/.exec(data.customerName)?.[1] ?? NaN);
          if (!(k >= 0 && k < total) || !Number.isNaN(got[k][r])) return;
          got[k][r] = at;
          delivered++;
        };
      });
      const errors = new Map();
      const cpu0 = app.cpuSeconds();
      const wall0 = performance.now();
      const t0 = performance.now() + 50;
      for (let k = 0; k < total; k++) {
        const due = t0 + (k * 1000) / cfg.rate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        sentAt[k] = performance.now();
        portalJoin(app.url, { name: `Bench Arrival ${k}`, issueId: seeded.issueId }, customerAddress(k)).catch((e) => errors.set(e.message, (errors.get(e.message) ?? 0) + 1));
      }
      const expected = total * consoles.length;
      const deadline = performance.now() + 10_000;
      while (delivered < expected && performance.now() < deadline) await sleep(20);
      const cpuPct = (100 * (app.cpuSeconds() - cpu0)) / ((performance.now() - wall0) / 1000);
      const lat = [];
      const worstPerArrival = [];
      for (let k = Math.ceil(cfg.warmup * cfg.rate); k < total; k++) {
        let worst = 0;
        for (const at of got[k]) if (!Number.isNaN(at)) {
          lat.push(at - sentAt[k]);
          worst = Math.max(worst, at - sentAt[k]);
        }
        worstPerArrival.push(worst);
      }
      const s = summarize(lat);
      const w = summarize(worstPerArrival);
      const lost = expected - delivered;
      log(`  ${total} arrivals × ${consoles.length} consoles: p50 ${round(s.p50)} ms, p99 ${round(s.p99)} ms, lost ${lost}`);
      const note = `queue-fanout: ${consoles.length} reps of one team logged in, ${cfg.rate} portal arrivals/s into the team's queue for ${cfg.seconds} s (${total} arrivals, ${expected.toLocaleString('en-US')} deliveries); latency = POST sent → each console's queue.session, after a ${cfg.warmup} s warm-up; the appliance used ${Math.round(cpuPct)} % of one core.`;
      const row = (metric, unit, value, target, details = {}) => ({ name: 'queue-fanout', metric, unit, value, target, details });
      return [
        row('arrival → every console p99', 'ms', round(s.p99), { op: '<=', value: 100 }, { p50: round(s.p50), p95: round(s.p95), max: round(s.max), deliveries: s.count, note }),
        row('arrival → every console p50', 'ms', round(s.p50), null),
        row('arrival → last console p99', 'ms', round(w.p99), null, { p50: round(w.p50), max: round(w.max) }),
        row('deliveries lost', 'deliveries', lost, { op: '==', value: 0 }, { errors: Object.fromEntries(errors) }),
      ];
    } finally {
      for (const c of consoles) c.close();
      await app.stop();
    }
  },
};
