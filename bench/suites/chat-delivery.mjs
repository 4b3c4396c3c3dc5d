/**
 * chat-delivery: customer → rep chat latency with many live sessions.
 *
 * Setup: `sessions` customers join through the portal (POST /api/portal/sessions, the rep-list
 * route to a bench rep's personal queue), connect /ws/customer and say hello; `reps` rep consoles
 * (/ws/console) accept and open their share of them. Then customers send chat lines at a steady
 * total `rate`; latency is the time from the customer's send to the owning rep console receiving
 * the `session.chat` event, both read from this process's clock.
 */
import { customerJoin, repConsole } from '../lib/clients.mjs';
import { seedReps, startAppliance } from '../lib/appliance.mjs';
import { round, summarize } from '../lib/stats.mjs';
import { atSizes, parseSizes } from '../lib/sizes.mjs';
import { cpus } from 'node:os';

const REP_PASSWORD = 'Bench-Rep-Password-1';
const FULL = { sessions: 1000, reps: 20, rate: 2000, seconds: 30, warmup: 2 };
const QUICK = { sessions: 50, reps: 5, rate: 50, seconds: 3, warmup: 0.5 };
/** How long to wait for stragglers after the last send before counting a message lost. */
const DRAIN_MS = 10_000;

/**
 * Every customer comes from its own loopback address (127.1.x.y), as real customers come from their
 * own: the portal's per-address rate limit (120 joins a minute) stays at its secure default.
 */
const customerAddress = (i) => `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;

export default {
  name: 'chat-delivery',
  description: 'Chat delivery customer → rep with 1,000 sessions and 2,000 msg/s in aggregate: p50 ≤ 5 ms, p99 ≤ 50 ms, none lost',

  async run({ quick, options, log }) {
    const base = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(base)) {
      if (options[k] === undefined) continue;
      base[k] = Number(options[k]);
      if (!(base[k] >= 0) || (k !== 'warmup' && !(base[k] > 0))) throw new Error(`--${k} must be a positive number`);
    }
    if (base.warmup >= base.seconds) throw new Error('--warmup must be shorter than --seconds');
    // The cost curve: sessions and the total rate both scale with the size (same rate per session).
    const scaled = (f) => ({ ...base, sessions: Math.max(base.reps, Math.round(base.sessions * f)), rate: Math.max(1, Math.round(base.rate * f)) });
    return atSizes({
      scenario: 'chat-delivery',
      sizes: parseSizes(options.sizes, quick),
      curveMetrics: ['latency p50', 'latency p99', 'messages lost', 'appliance RSS after setup', 'appliance CPU while sending'],
      label: (f) => `${scaled(f).sessions} sessions, ${scaled(f).rate} msg/s`,
      runAt: (f) => runOnce(scaled(f), log),
      log,
    });
  },
};

async function runOnce(cfg, log) {
  // Each bench rep holds sessions/reps sessions at once: raise the per-rep limit to match.
  const app = await startAppliance({
    prepare: (dir) => seedReps(dir, cfg.reps, REP_PASSWORD),
    env: { REP_MAX_SESSIONS_PER_REP: String(Math.ceil(cfg.sessions / cfg.reps) + 1) },
  });
  const clients = [];
  try {
    return await measure(app, cfg, clients, log);
  } finally {
    for (const c of clients) c.close();
    await app.stop();
  }
}

async function measure(app, cfg, clients, log) {
  const setupStart = performance.now();
  const reps = await Promise.all(app.prepared.map((u) => repConsole(app.url, u, REP_PASSWORD)));
  clients.push(...reps);

  // Each rep takes its customers one after another; the reps work in parallel.
  const customers = new Array(cfg.sessions);
  const ownerOf = new Map();
  await watch(app, 'setup', Promise.all(reps.map(async (rep, r) => {
    for (let i = r; i < cfg.sessions; i += reps.length) {
      const c = await customerJoin(app.url, { name: `Bench Customer ${i + 1}`, repId: rep.userId, localAddress: customerAddress(i) });
      clients.push(c);
      await rep.call('session.accept', { sessionId: c.sessionId });
      await rep.call('session.open', { sessionId: c.sessionId });
      customers[i] = c;
      ownerOf.set(c.sessionId, rep);
    }
  })));
  const setupSeconds = (performance.now() - setupStart) / 1000;
  log(`  ${cfg.sessions} sessions live with ${reps.length} reps after ${setupSeconds.toFixed(1)} s`);
  await sleep(1000);
  const afterSetup = app.memory();

  // Open-loop sending: message k is due at t0 + k/rate whatever happened to earlier ones.
  const total = Math.round(cfg.rate * cfg.seconds);
  const sentAt = new Float64Array(total).fill(NaN);
  const ackAt = new Float64Array(total).fill(NaN);
  const recvAt = new Float64Array(total).fill(NaN);
  let received = 0;
  let duplicates = 0;
  let misrouted = 0;
  const errors = new Map();
  for (const rep of reps) {
    rep.onEvent = (event, data, at) => {
      if (event !== 'session.chat' || data.from.kind !== 'customer') return;
      const k = Number(/^bench (\d+)$/.exec(data.body)?.[1] ?? NaN);
      if (!(k >= 0 && k < total)) return;
      if (ownerOf.get(data.sessionId) !== rep) misrouted++;
      if (!Number.isNaN(recvAt[k])) return void duplicates++;
      recvAt[k] = at;
      received++;
    };
  }

  const interval = 1000 / cfg.rate;
  const cpu0 = { app: app.cpuSeconds(), driver: process.cpuUsage(), wall: performance.now() };
  let maxLag = 0;
  const t0 = performance.now() + 50;
  await watch(app, 'sending', new Promise((done) => {
    let k = 0;
    const tick = () => {
      const now = performance.now();
      while (k < total && t0 + k * interval <= now) {
        maxLag = Math.max(maxLag, now - (t0 + k * interval));
        const c = customers[k % customers.length];
        const n = k++;
        sentAt[n] = performance.now();
        c.call('customer.chat', { body: `bench ${n}` }).then(
          () => (ackAt[n] = performance.now()),
          (e) => errors.set(e.code ?? e.message, (errors.get(e.code ?? e.message) ?? 0) + 1),
        );
      }
      if (k >= total) return done();
      setTimeout(tick, Math.max(0, t0 + k * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  }));
  const drainDeadline = performance.now() + DRAIN_MS;
  while (received < total && performance.now() < drainDeadline && app.alive()) await sleep(20);
  const wall = (performance.now() - cpu0.wall) / 1000;
  const driverCpu = process.cpuUsage(cpu0.driver);
  const appCpuPct = (100 * (app.cpuSeconds() - cpu0.app)) / wall;
  const driverCpuPct = (100 * (driverCpu.user + driverCpu.system)) / 1e6 / wall;
  const afterRun = app.memory();

  // Stats over messages due after the warm-up; loss over all of them.
  const firstMeasured = Math.min(total, Math.ceil(cfg.warmup * cfg.rate));
  const latencies = [];
  const fromSchedule = [];
  const acks = [];
  for (let k = firstMeasured; k < total; k++) {
    if (!Number.isNaN(recvAt[k])) {
      latencies.push(recvAt[k] - sentAt[k]);
      fromSchedule.push(recvAt[k] - (t0 + k * interval));
    }
    if (!Number.isNaN(ackAt[k])) acks.push(ackAt[k] - sentAt[k]);
  }
  const lat = summarize(latencies);
  const ack = summarize(acks);
  const lost = total - received;
  const cores = cpus().length;

  const details = {
    sessions: cfg.sessions,
    reps: reps.length,
    ratePerSecond: cfg.rate,
    seconds: cfg.seconds,
    warmupSeconds: cfg.warmup,
    sent: total,
    received,
    measured: lat.count,
    duplicates,
    misrouted,
    errors: Object.fromEntries(errors),
    latencyMs: mapValues(lat, round),
    ackLatencyMs: mapValues(ack, round),
    // Counted from when the message was due rather than sent: includes any delay of the driver itself.
    latencyFromScheduleMs: mapValues(summarize(fromSchedule), round),
    maxSendLagMs: round(maxLag),
    setupSeconds: round(setupSeconds),
    applianceCpuPercent: round(appCpuPct),
    driverCpuPercent: round(driverCpuPct),
    method:
      'Latency = customer send → owning rep console receives session.chat, one clock (the driver process). ' +
      'Each customer joins from its own loopback address; reps are seeded into the data dir before start.',
    note:
      `chat-delivery: ${cfg.sessions} sessions over ${reps.length} reps, ${cfg.rate} msg/s for ${cfg.seconds} s (${total} messages, ` +
      `percentiles over the ${lat.count} after a ${cfg.warmup} s warm-up). Driver and appliance are separate processes on the same ${cores}-core machine; during sending the ` +
      `appliance used ${Math.round(appCpuPct)}% and the driver ${Math.round(driverCpuPct)}% of one core, so the driver competes with ` +
      'the appliance, and any other load on the machine shows up in the tail.',
  };
  const row = (metric, unit, value, target, extra = {}) => ({ name: 'chat-delivery', metric, unit, value, target, details: extra });
  return [
    row('latency p50', 'ms', round(lat.p50), { op: '<=', value: 5 }),
    row('latency p95', 'ms', round(lat.p95)),
    row('latency p99', 'ms', round(lat.p99), { op: '<=', value: 50 }, details),
    row('latency max', 'ms', round(lat.max)),
    row('messages lost', 'msgs', lost, { op: '==', value: 0 }, { sent: total, received, errors: details.errors }),
    row('appliance RSS after setup', 'MiB', round(afterSetup.rssMiB), null, {
      afterRunMiB: round(afterRun.rssMiB),
      peakMiB: round(afterRun.peakRssMiB),
      sessions: cfg.sessions,
    }),
    row('appliance CPU while sending', '% of a core', round(appCpuPct), null, { driverCpuPercent: round(driverCpuPct) }),
  ];
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'count' ? v : f(v)]));

/** Fails fast when the appliance dies, and after a generous limit instead of hanging forever. */
function watch(app, what, promise, limitMs = 600_000) {
  let timer;
  const guard = new Promise((_, rej) => {
    const started = Date.now();
    timer = setInterval(() => {
      if (!app.alive()) rej(new Error(`appliance exited during ${what}:\n${app.output()}`));
      else if (Date.now() - started > limitMs) rej(new Error(`${what} took longer than ${limitMs / 1000} s`));
    }, 250);
  });
  return Promise.race([promise, guard]).finally(() => clearInterval(timer));
}
