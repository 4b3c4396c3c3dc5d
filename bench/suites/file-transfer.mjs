/**
 * file-transfer: File Transfer throughput against a plain loopback HTTP stream measured in the same
 * run, and the appliance's memory while 1 GiB goes through it.
 *
 * Baseline: a bare Node HTTP server in its own process (no framework) that writes a PUT body to a
 * file and streams a file back on GET. The same client code then uploads the same file to an
 * emulated endpoint of a demo appliance (rep console HTTP PUT → appliance → the endpoint's data link
 * → its sandbox; SHA-256 on the way, fsync and rename at uploadFinish, whose time counts) and
 * downloads it back (endpoint → appliance → console HTTP GET; the whole file's SHA-256 on the way).
 * Both downloads are read and discarded by the client. RSS: the appliance's VmRSS sampled every
 * 50 ms during each transfer, minus VmRSS just before it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppliance } from '../lib/appliance.mjs';
import { repConsole } from '../lib/clients.mjs';
import { jumpTo } from '../lib/screen-wire.mjs';
import { round } from '../lib/stats.mjs';

const FULL = { mib: 1024 };
const QUICK = { mib: 64 };
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

const BASELINE_SERVER = `
const http = require('node:http'); const fs = require('node:fs');
const [dest, src] = process.argv.slice(1);
http.createServer((req, res) => {
  if (req.method === 'PUT') { const out = fs.createWriteStream(dest); req.pipe(out); out.on('finish', () => res.writeHead(204).end()); }
  else { const st = fs.statSync(src); res.writeHead(200, { 'content-length': st.size }); fs.createReadStream(src).pipe(res); }
}).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;

async function baseline(dest, src) {
  const child = spawn(process.execPath, ['-e', BASELINE_SERVER, dest, src], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((res) => child.stdout.on('data', (b) => { const m = /port (\d+)/.exec(b.toString()); if (m) res(Number(m[1])); }));
  try {
    const base = `http://127.0.0.1:${port}/f`;
    let t = performance.now();
    await put(base, src);
    const up = performance.now() - t;
    t = performance.now();
    await get(base);
    const down = performance.now() - t;
    return { up, down };
  } finally {
    child.kill();
  }
}

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
    const cfg = { ...(quick ? QUICK : FULL), ...(options.mib ? { mib: Number(options.mib) } : {}) };
    const size = cfg.mib * MiB;
    const work = mkdtempSync(join(tmpdir(), 'rep-bench-ft-'));
    const app = await startAppliance({ args: ['--demo'] });
    try {
      const src = join(work, 'source.bin');
      const sha256 = generate(src, size);
      log(`  baseline: plain HTTP PUT/GET of ${cfg.mib} MiB over loopback`);
      // Warm the page cache and the disk the same way for both runs.
      const base = await baseline(join(work, 'baseline.bin'), src);
      rmSync(join(work, 'baseline.bin'), { force: true });

      const rep = await repConsole(app.url, 'admin', 'password');
      const sessionId = await jumpTo(rep, 'DC01 – Domain Controller');
      log(`  appliance: upload ${cfg.mib} MiB to an emulated endpoint, then download it back`);
      const [up, upGrowth] = await sampled(app, async () => {
        const t = performance.now();
        const { transferId, url } = await rep.call('session.files.upload', { sessionId, path: 'Downloads', name: 'bench.bin', size, key: `bench-${Date.now()}` });
        await put(app.url + url + '?offset=0', src);
        const finish = performance.now();
        const r = await rep.call('session.files.uploadFinish', { transferId, sha256 });
        if (r.sha256 !== sha256) throw new Error('hash mismatch');
        return { ms: performance.now() - t, finishMs: performance.now() - finish };
      });
      const [down, downGrowth] = await sampled(app, async () => {
        const t = performance.now();
        const { url } = await rep.call('session.files.download', { sessionId, path: 'Downloads/bench.bin' });
        const n = await get(app.url + url);
        if (n !== size) throw new Error(`downloaded ${n} of ${size} bytes`);
        return { ms: performance.now() - t };
      });
      rep.close();

      const mbps = (ms) => round(size / 1e6 / (ms / 1000));
      const details = {
        mib: cfg.mib,
        baselineUploadMBps: mbps(base.up),
        baselineDownloadMBps: mbps(base.down),
        uploadMBps: mbps(up.ms),
        uploadFinishMs: round(up.finishMs),
        downloadMBps: mbps(down.ms),
        note: 'uploadFinish (SHA-256 compare, fsync, rename) counts in the upload time',
      };
      const row = (metric, unit, value, target) => ({ name: 'file-transfer', metric, unit, value, target, details });
      return [
        row('upload throughput vs plain HTTP', '%', round((100 * base.up) / up.ms), { op: '>=', value: 70 }),
        row('download throughput vs plain HTTP', '%', round((100 * base.down) / down.ms), { op: '>=', value: 70 }),
        row('upload throughput', 'MB/s', mbps(up.ms), null),
        row('download throughput', 'MB/s', mbps(down.ms), null),
        row(`appliance RSS growth, ${cfg.mib} MiB upload`, 'MB', round(upGrowth * 1.048576), { op: '<=', value: 64 }),
        row(`appliance RSS growth, ${cfg.mib} MiB download`, 'MB', round(downGrowth * 1.048576), { op: '<=', value: 64 }),
      ];
    } finally {
      await app.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
