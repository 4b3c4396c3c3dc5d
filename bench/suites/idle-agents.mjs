/**
 * idle-agents: the appliance's memory with a large fleet of Jump Clients connected and idle.
 *
 * Setup: `agents` Jump Clients are registered in the data directory before the appliance starts
 * (bench/lib/seed-agents.ts, through the appliance's own store: a pinned Jump Item and an agent
 * identity each). The driver then opens one /ws/agent WebSocket per agent, each from its own loopback
 * address (127.2.x.y, as agents come from their own machines), and says `agent.hello` with the
 * agent's saved identity — exactly what `rep-appliance jump-client` does on every start — at most
 * `concurrency` at a time. Every Jump Item must turn Active.
 *
 * Measurement: the appliance's RSS (VmRSS from /proc) before any agent, once all are connected, and
 * after holding them idle for `hold` seconds (long enough for a heartbeat round in the full run);
 * every socket must still be open at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { repoRoot, startAppliance } from '../lib/appliance.mjs';
import { round } from '../lib/stats.mjs';
import { atSizes, parseSizes } from '../lib/sizes.mjs';
import { bundleSeed } from '../lib/bundle.mjs';

const FULL = { agents: 20_000, concurrency: 200, hold: 35 };
const QUICK = { agents: 300, concurrency: 50, hold: 1 };
const TARGET_MIB = 1024;

/** Agent i connects from 127.2.x.y: 62,500 distinct addresses, so no source runs out of ports. */
const agentAddress = (i) => `127.2.${Math.floor(i / 250)}.${(i % 250) + 1}`;

const seed = async (...args) => execFileSync(process.execPath, [await bundleSeed('seed-agents'), ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function openFilesLimit() {
  const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  const n = (s) => (s === 'unlimited' ? Infinity : Number(s));
  return m ? { soft: n(m[1]), hard: n(m[2]) } : { soft: 1024, hard: 1024 };
}

/**
 * Each agent costs one descriptor here and one in the appliance (which inherits our limit). Raises
 * this process's limit with prlimit where allowed (root, or a high enough hard limit); returns how
 * many agents fit.
 */
/** Descriptors the appliance uses besides agent sockets (about 25: database, log, listener, pipes), with room to spare. */
const HEADROOM = 200;

function ensureDescriptors(agents) {
  const need = agents + HEADROOM;
  if (openFilesLimit().soft >= need) return { agents, note: null };
  const want = Math.max(need, 65_536);
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${want}:${want}`], { stdio: 'ignore' });
  } catch {
    /* not allowed: fall back to what fits */
  }
  const { soft } = openFilesLimit();
  if (soft >= need) return { agents, note: null };
  const fit = Math.max(0, soft - HEADROOM);
  return { agents: fit, note: `open-files limit ${soft} (raise it with \`ulimit -n ${need}\`): ran ${fit} agents instead of ${agents}` };
}

export default {
  name: 'idle-agents',
  description: `Appliance RSS ≤ ${TARGET_MIB} MiB with 20,000 idle Jump Client connections registered and held`,

  async run({ quick, options, log }) {
    const base = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(base)) {
      if (options[k] === undefined) continue;
      base[k] = Number(options[k]);
      if (!(base[k] > 0) && !(k === 'hold' && base[k] === 0)) throw new Error(`--${k} must be a positive number`);
    }
    const scaled = (f) => ({ ...base, agents: Math.max(1, Math.round(base.agents * f)) });
    return atSizes({
      scenario: 'idle-agents',
      sizes: parseSizes(options.sizes, quick),
      curveMetrics: [/^appliance RSS with [\d,]+ idle agents$/, 'RSS per idle agent', 'connect + hello rate', 'appliance CPU holding'],
      label: (f) => `${scaled(f).agents.toLocaleString('en-US')} agents`,
      runAt: (f) => runOnce(scaled(f), log),
      log,
    });
  },
};

async function runOnce(cfg, log) {
  const requested = cfg.agents;
  const fd = ensureDescriptors(cfg.agents);
  cfg.agents = fd.agents;
  if (fd.note) log(`  ${fd.note}`);
  if (cfg.agents < 1) throw new Error(fd.note ?? 'no agents to run');

  const secretsDir = mkdtempSync(join(tmpdir(), 'rep-bench-agents-'));
  const secretsFile = join(secretsDir, 'agents.txt');
  const seedStart = performance.now();
  const app = await startAppliance({ prepare: (dir) => seed('seed', dir, String(cfg.agents), secretsFile) });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const sockets = [];
  try {
    return await measure(app, cfg, sockets, secretsFile, { requested, note: fd.note, seedSeconds }, log);
  } finally {
    for (const ws of sockets) ws.terminate();
    await app.stop();
    rmSync(secretsDir, { recursive: true, force: true });
  }
}

/** Opens one agent connection and says hello; resolves with the socket once the appliance answered. */
function helloAgent(url, i, agentId, secret) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/ws/agent', { localAddress: agentAddress(i), perMessageDeflate: false });
    const fail = (e) => {
      ws.terminate();
      reject(e);
    };
    ws.once('error', fail);
    ws.once('open', () => ws.send(JSON.stringify({ t: 'req', id: 1, method: 'agent.hello', params: { agentId, secret, presence: 'absent' } })));
    ws.once('message', (buf) => {
      const msg = JSON.parse(buf.toString());
      if (msg.t !== 'res') return fail(new Error(`agent ${agentId} refused: ${msg.code}: ${msg.message}`));
      ws.off('error', fail);
      ws.on('error', () => {});
      resolve(ws);
    });
  });
}

async function measure(app, cfg, sockets, secretsFile, meta, log) {
  await sleep(500);
  const baseline = app.memory();
  const agents = readFileSync(secretsFile, 'utf8').trim().split('\n').map((l) => l.split(' '));
  let dropped = 0;
  const cpuBefore = app.cpuSeconds();
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < agents.length) {
      const i = next++;
      const [id, secret] = agents[i];
      const ws = await helloAgent(app.url, i, Number(id), secret);
      ws.once('close', () => dropped++);
      sockets.push(ws);
      if (sockets.length % 5000 === 0) log(`  ${sockets.length} agents connected, appliance RSS ${round(app.memory().rssMiB)} MiB`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(cfg.concurrency, agents.length) }, worker));
  const connectSeconds = (performance.now() - t0) / 1000;
  const cpuConnect = app.cpuSeconds() - cpuBefore;
  log(`  ${sockets.length} agents connected and identified in ${connectSeconds.toFixed(1)} s`);
  await sleep(2000);
  const connected = app.memory();
  const status = JSON.parse((await seed('status', app.dataDir)).trim().split('\n').pop());
  log(`  holding ${sockets.length} idle agents for ${cfg.hold} s`);
  const cpuHoldStart = app.cpuSeconds();
  await sleep(cfg.hold * 1000);
  const held = app.memory();
  const cpuHold = app.cpuSeconds() - cpuHoldStart;
  const open = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  const alive = app.alive();
  log(`  appliance RSS: ${round(baseline.rssMiB)} MiB idle, ${round(connected.rssMiB)} MiB with agents, ${round(held.rssMiB)} MiB after holding; ${open} still open`);

  const n = sockets.length;
  const details = {
    agentsRequested: meta.requested,
    agents: n,
    concurrency: cfg.concurrency,
    holdSeconds: cfg.hold,
    seedSeconds: round(meta.seedSeconds),
    connectSeconds: round(connectSeconds),
    baselineRssMiB: round(baseline.rssMiB),
    connectedRssMiB: round(connected.rssMiB),
    heldRssMiB: round(held.rssMiB),
    peakRssMiB: round(held.peakRssMiB),
    jumpItemStatus: status,
    stillOpen: open,
    dropped,
    applianceAlive: alive,
    applianceCpuSecondsConnecting: round(cpuConnect),
    applianceCpuSecondsHolding: round(cpuHold),
    ...(meta.note ? { note: meta.note } : {}),
  };
  const row = (metric, unit, value, target) => ({ name: 'idle-agents', metric, unit, value, target, details });
  return [
    row(`appliance RSS with ${n.toLocaleString('en-US')} idle agents`, 'MiB', round(held.rssMiB), { op: '<=', value: TARGET_MIB }),
    row('agents held to the end', '', open, { op: '>=', value: meta.requested }),
    row('Jump Items Active', '', status.active ?? 0, { op: '>=', value: meta.requested }),
    row('RSS per idle agent', 'KiB', round(((held.rssMiB - baseline.rssMiB) * 1024) / Math.max(1, n)), null),
    row('connect + hello rate', 'agents/s', round(n / connectSeconds), null),
    row('appliance CPU holding', '% of a core', round((100 * cpuHold) / Math.max(0.001, cfg.hold)), null),
  ];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
