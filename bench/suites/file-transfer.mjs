/**
 * file-transfer: File Transfer throughput against a plain loopback HTTP stream measured in the same
 * run, and the appliance's memory while 1 GiB goes through it.
 *
 * Baseline: a bare Node HTTP server in its own process (no framework) that writes a PUT body to a
 * file and streams a file back on GET. The same client code then uploads the same file to an
 * emulated endpoint of a demo appliance (rep console HTTP PUT → appliance → the endpoint's data link
 * → its sandbox; SHA-256 on the way, fsync and rename at uploadFinish, whose time counts) and
 * downloads it back (endpoint → appliance → console HTTP GET; the whole file's SHA-256 on the way).
 * Both downloads are read and discarded by the client. `rounds` rounds interleave the two (which
 * goes first alternates); each side's best round is its value, the ratio is best ÷ best (noise from
 * other work on a shared machine only adds time). RSS: the appliance's VmRSS sampled every 50 ms
 * during each transfer, minus VmRSS just before it; the largest growth of any round.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppliance } from '../lib/appliance.mjs';
import { repConsole } from '../lib/clients.mjs';
import { jumpTo } from '../lib/screen-wire.mjs';
import { round } from '../lib/stats.mjs';

const FULL = { mib: 1024, rounds: 5 };
const QUICK = { mib: 64, rounds: 1 };
const MiB = 1024 * 1024;

function generate(path, size) {
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(MiB);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  for (let off = 0, n = 0; off < size; off += MiB, n++) {
    block.writeUInt32LE(n, 0);
    const part = block.subarray(0, Math.min(MiB, size - off));
    hash.update(part);
    writeSync(fd, part);
  }
  closeSync(fd);
  return hash.digest('hex');
}

/** PUT a file; resolves with the response body (JSON or text). */
function put(url, file) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode === 200 || res.statusCode === 204 ? resolve(text) : reject(new Error(`PUT ${res.statusCode}: ${text}`))));
    });
    req.on('error', reject);
    createReadStream(file, { highWaterMark: MiB }).pipe(req);
  });
}

/** GET and discard; resolves with the byte count. */
function get(url) {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let n = 0;
      res.on('data', (c) => (n += c.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`GET ${res.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });
}

// A PUT writes a new file named by the URL's last segment (the appliance's upload also makes a new
// file each round), in the directory it is given.
const BASELINE_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
const [dir, src] = process.argv.slice(1);
http.createServer((req, res) => {
  if (req.method === 'PUT') { const out = fs.createWriteStream(path.join(dir, path.basename(req.url))); req.pipe(out); out.on('finish', () => res.writeHead(204).end()); }
  else { const st = fs.statSync(src); res.writeHead(200, { 'content-length': st.size }); fs.createReadStream(src).pipe(res); }
}).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;

/** The baseline server in its own process; returns its URL and a stop function. */
async function baselineServer(dir, src) {
  const child = spawn(process.execPath, ['-e', BASELINE_SERVER, dir, src], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((res) => child.stdout.on('data', (b) => { const m = /port (\d+)/.exec(b.toString()); if (m) res(Number(m[1])); }));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs fn while sampling the appliance's RSS; returns [result, growth MiB]. */
async function sampled(app, fn) {
  const before = app.memory().rssMiB;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, app.memory().rssMiB)), 50);
  try {
    const r = await fn();
    peak = Math.max(peak, app.memory().rssMiB);
    return [r, peak - before];
  } finally {
    clearInterval(timer);
  }
}

export default {
  name: 'file-transfer',
  description: 'File Transfer ≥ 70 % of a plain loopback HTTP stream (same run), appliance RSS growth ≤ 64 MB for 1 GiB',

  async run({ quick, options, log }) {
    const cfg = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(cfg)) if (options[k] !== undefined) cfg[k] = Number(options[k]);
    const size = cfg.mib * MiB;
    const work = mkdtempSync(join(tmpdir(), 'rep-bench-ft-'));
    const app = await startAppliance({ args: ['--demo'] });
    let server = null;
    try {
      const src = join(work, 'source.bin');
      const sha256 = generate(src, size);
      const baselineDir = join(work, 'baseline');
      mkdirSync(baselineDir);
      server = await baselineServer(baselineDir, src);
      const rep = await repConsole(app.url, 'admin', 'password');
      const sessionId = await jumpTo(rep, 'DC01 – Domain Controller');
      // Rounds interleave the baseline and the appliance (baseline PUT, appliance upload, baseline
      // GET, appliance download), so both see the same load on a shared machine; the ratio of each
      // round is computed within it and the median round decides.
      const rounds = [];
      let upGrowth = 0;
      let downGrowth = 0;
      // The baseline's written pages go to disk before the next step (untimed), so their writeback
      // does not land in the appliance's timed window; the appliance's own fsync (uploadFinish) counts.
      const baselineUp = async (r) => {
        const ms = await timed(() => put(`${server.url}/round-${r}.bin`, src));
        const fd = openSync(join(baselineDir, `round-${r}.bin`), 'r+');
        fsyncSync(fd);
        closeSync(fd);
        return ms;
      };
      for (let r = 0; r < cfg.rounds; r++) {
        // Which goes first alternates between rounds (cache and disk state favour neither side).
        const baseFirst = r % 2 === 0;
        let baseUp = baseFirst ? await baselineUp(r) : NaN;
        const [up, upG] = await sampled(app, async () => {
          const t = performance.now();
          const { transferId, url } = await rep.call('session.files.upload', { sessionId, path: 'Downloads', name: `bench-${r}.bin`, size, key: `bench-${Date.now()}-${r}` });
          await put(app.url + url + '?offset=0', src);
          const finish = performance.now();
          const res = await rep.call('session.files.uploadFinish', { transferId, sha256 });
          if (res.sha256 !== sha256) throw new Error('hash mismatch');
          return { ms: performance.now() - t, finishMs: performance.now() - finish };
        });
        if (!baseFirst) baseUp = await baselineUp(r);
        let baseDown = baseFirst ? await timed(() => get(`${server.url}/source.bin`)) : NaN;
        const [down, downG] = await sampled(app, async () => {
          const t = performance.now();
          const { url } = await rep.call('session.files.download', { sessionId, path: `Downloads/bench-${r}.bin` });
          const n = await get(app.url + url);
          if (n !== size) throw new Error(`downloaded ${n} of ${size} bytes`);
          return { ms: performance.now() - t };
        });
        if (!baseFirst) baseDown = await timed(() => get(`${server.url}/source.bin`));
        // Each side's file of this round goes before the next round (untimed), so both write into
        // page cache the kernel has just freed. Kept files made the appliance's rounds take fresh
        // pages while the baseline recycled its own, and fresh pages cost this VM's kernel up to
        // 3 × the system time per GiB (measured: 3.5 s against 0.9 s), which the ratio then showed.
        rmSync(join(baselineDir, `round-${r}.bin`));
        await rep.call('session.files.delete', { sessionId, volume: 0, paths: [`Downloads/bench-${r}.bin`] });
        upGrowth = Math.max(upGrowth, upG);
        downGrowth = Math.max(downGrowth, downG);
        const round_ = { baseUp, up: up.ms, finishMs: up.finishMs, baseDown, down: down.ms, upRatio: (100 * baseUp) / up.ms, downRatio: (100 * baseDown) / down.ms };
        rounds.push(round_);
        log(`  round ${r + 1}/${cfg.rounds}: upload ${round(round_.upRatio)} %, download ${round(round_.downRatio)} % of plain HTTP`);
      }
      rep.close();

      const mbps = (ms) => round(size / 1e6 / (ms / 1000));
      // Best of N on each side: interference from other work on the machine only ever adds time, so
      // the fastest run of each is the closest to what each can do; the ratio is best ÷ best.
      const pick = (ratioKey, ms, baseMs) => {
        const best = Math.min(...rounds.map((x) => x[ms]));
        const bestBase = Math.min(...rounds.map((x) => x[baseMs]));
        return { ratio: round((100 * bestBase) / best), value: mbps(best), baseline: mbps(bestBase), medianRoundRatio: round(median(rounds.map((x) => x[ratioKey]))) };
      };
      const u = pick('upRatio', 'up', 'baseUp');
      const d = pick('downRatio', 'down', 'baseDown');
      const details = {
        mib: cfg.mib,
        medianRoundRatio: { upload: u.medianRoundRatio, download: d.medianRoundRatio },
        rounds: rounds.map((x) => ({ uploadMBps: mbps(x.up), baselineUploadMBps: mbps(x.baseUp), uploadRatio: round(x.upRatio), uploadFinishMs: round(x.finishMs), downloadMBps: mbps(x.down), baselineDownloadMBps: mbps(x.baseDown), downloadRatio: round(x.downRatio) })),
        note: `file-transfer: ${cfg.mib} MiB each way, ${cfg.rounds} round(s), each interleaving a plain loopback HTTP PUT/GET (the baseline; its file fsynced untimed; each side writes a new file per round, removed untimed before the next) with the appliance's upload/download through an emulated endpoint, which goes first alternating; value and baseline are each the best of the rounds (interference only adds time), the ratio is best ÷ best, and details have each round's own ratio; uploadFinish (SHA-256 compare, fsync, rename) counts in the upload time.`,
      };
      const base = (b) => ({ value: b, unit: 'MB/s', label: 'plain loopback HTTP' });
      const row = (metric, unit, value, target, extra = {}) => ({ name: 'file-transfer', metric, unit, value, target, details, ...extra });
      return [
        row(`upload ${cfg.mib} MiB (best of ${cfg.rounds})`, 'MB/s', u.value, { op: '>=', value: 70, on: 'ratio' }, { baseline: base(u.baseline), ratio: u.ratio }),
        row(`download ${cfg.mib} MiB (best of ${cfg.rounds})`, 'MB/s', d.value, { op: '>=', value: 70, on: 'ratio' }, { baseline: base(d.baseline), ratio: d.ratio }),
        row(`appliance RSS growth, ${cfg.mib} MiB upload`, 'MB', round(upGrowth * 1.048576), { op: '<=', value: 64 }),
        row(`appliance RSS growth, ${cfg.mib} MiB download`, 'MB', round(downGrowth * 1.048576), { op: '<=', value: 64 }),
      ];
    } finally {
      server?.stop();
      await app.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
