/**
 * screen-frames: how fast an emulated endpoint's virtual desktop renders and encodes screen-sharing
 * frames, and how many bytes each colour mode sends.
 *
 * Drives appliance/src/desktop directly (bundled from source with esbuild into out/bench/, as the
 * seed script is): a 1920×1080 Windows desktop, one viewer, and a scripted scene — the rep drags the
 * Notepad window back and forth by its title bar while typing into it — one frame per step. A frame
 * is the full path a live viewer gets: input applied, dirty rectangles repainted, changed tiles
 * found, quantized to the colour mode, deflated, packed into the binary frame.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot, startAppliance } from '../lib/appliance.mjs';
import { WireConsole, jumpTo, wireRun } from '../lib/screen-wire.mjs';
import { round, summarize } from '../lib/stats.mjs';

const FULL = { frames: 300, width: 1920, height: 1080, keyframes: 5, wireSeconds: 6 };
const QUICK = { frames: 40, width: 1920, height: 1080, keyframes: 2, wireSeconds: 1.5 };
/** The emulated endpoint the wire runs Jump to: Windows, logged in, no Jump Policy, 1920×1080 primary. */
const WIRE_ITEM = 'MUENCHEN-POS-02';
/** The wire runs' input: one step (a 6 px drag + a keystroke) every this many ms. */
const WIRE_STEP_MS = 15;
const MODES = ['all-colors', 'video-optimized', 'more-colors', 'few-colors', 'black-and-white'];
const LABELS = { 'all-colors': 'All Colors', 'video-optimized': 'Video Optimized', 'more-colors': 'More Colors', 'few-colors': 'Few Colors', 'black-and-white': 'Black and White' };
const TEXT = 'The printer on the third floor jams on every second page. ';

/** Bundles the desktop module and the frame format once per run (per process, so runs never race). */
async function loadDesktop() {
  const outfile = join(repoRoot, `out/bench/screen-frames.${process.pid}.mjs`);
  await build({
    stdin: {
      contents: [
        "export { VirtualDesktop, demoDesktop } from './appliance/src/desktop/index.ts';",
        "export { packFrame, unpackFrame, paintTiles } from './appliance/src/protocol/screen-frames.ts';",
      ].join('\n'),
      resolveDir: repoRoot,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  });
  try {
    return await import(`${outfile}?${Date.now()}`);
  } finally {
    rmSync(outfile, { force: true });
  }
}

export default {
  name: 'screen-frames',
  description: "Virtual desktop 1920×1080, in-process and over the console WebSocket: ≥ 20 fps in All Colors; Black and White ≤ ¼ of its bytes",

  async run({ quick, options, log }) {
    const cfg = { ...(quick ? QUICK : FULL) };
    for (const k of Object.keys(cfg)) {
      if (options[k] === undefined) continue;
      cfg[k] = Number(options[k]);
      if (!(cfg[k] > 0) || (k !== 'wireSeconds' && !Number.isInteger(cfg[k]))) throw new Error(`--${k} must be a positive ${k === 'wireSeconds' ? 'number' : 'whole number'}`);
    }
    const lib = await loadDesktop();
    const newDesktop = () => {
      const spec = lib.demoDesktop('windows', 'BENCH-WS', 'ana', { monitors: [{ width: cfg.width, height: cfg.height }], now: () => new Date(2025, 2, 4, 10, 42) });
      return new lib.VirtualDesktop(spec);
    };

    const perMode = {};
    for (const mode of MODES) {
      perMode[mode] = scripted(lib, newDesktop(), mode, cfg, {}, mode === 'all-colors');
      const r = perMode[mode];
      log(`  ${LABELS[mode].padEnd(16)} ${r.fps.toFixed(1).padStart(7)} fps  ${String(Math.round(r.bytesPerFrame)).padStart(7)} B/frame  keyframe ${r.keyframeBytes} B`);
    }
    const scaledW = Math.round(cfg.width * 2 / 3);
    const scaledH = Math.round(cfg.height * 2 / 3);
    const scaled = scripted(lib, newDesktop(), 'all-colors', cfg, { scale: { width: scaledW, height: scaledH } }, false);
    log(`  All Colors scaled to ${scaledW}×${scaledH}: ${scaled.fps.toFixed(1)} fps, ${Math.round(scaled.bytesPerFrame)} B/frame`);
    const key = keyframes(lib, newDesktop(), cfg);
    log(`  All Colors keyframe: ${key.ms.p50.toFixed(1)} ms, ${key.bytes} B`);

    const all = perMode['all-colors'];
    const bw = perMode['black-and-white'];
    const ratio = bw.bytesPerFrame / all.bytesPerFrame;

    // The same scene over the real path: appliance process, console WebSocket, binary frames, acks.
    log(`  over the console WebSocket (appliance process, ${WIRE_ITEM}, ${cfg.wireSeconds} s per mode):`);
    const wire = await wireModes(cfg);
    for (const mode of MODES) {
      const r = wire.perMode[mode];
      log(`  ${LABELS[mode].padEnd(16)} ${r.fps.toFixed(1).padStart(7)} fps  ${String(Math.round(r.bytesPerFrame)).padStart(7)} B/frame  ${(r.bytesPerSecond / 1024).toFixed(0).padStart(6)} KiB/s  keyframe ${r.keyframeBytes} B  CPU appliance ${Math.round(r.applianceCpu * 100)} %, bench ${Math.round(r.benchCpu * 100)} %`);
    }
    const wAll = wire.perMode['all-colors'];
    const wBw = wire.perMode['black-and-white'];
    const wireRatio = wBw.bytesPerFrame / wAll.bytesPerFrame;
    const wireMethod =
      `A demo appliance process (rep-appliance serve --demo); the bench logs in as ana over /ws/console, Jumps to ${WIRE_ITEM} (emulated, 1920×1080 primary) and, per colour mode, ` +
      `starts a stream in control mode, waits for its keyframe, then for ${cfg.wireSeconds} s sends one session.screen.input every ${WIRE_STEP_MS} ms (open loop): ` +
      'the Notepad window dragged 6 px by its title bar and one keystroke. Every binary frame is acked (session.screen.ack) on arrival. ' +
      'fps = frames received ÷ seconds; bytes = whole binary WebSocket messages (8-byte stream prefix + packed frame). The appliance paces frames to ≤ 30 fps and ≤ 2 unacknowledged.';
    const method =
      `${cfg.frames} frames per colour mode on a fresh ${cfg.width}×${cfg.height} desktop after a keyframe and 10 warm-up frames; each frame: ` +
      'drag the Notepad window 6 px by its title bar (back and forth), type one character into it (Enter every 60), then frame() + packFrame(). ' +
      'Bytes are packed frame sizes (header + tile rects + deflated tiles). In-process: no network, no viewer.';
    const row = (metric, unit, value, target = null, details = {}) => ({ name: 'screen-frames', metric, unit, value, target, details });
    return [
      row('fps, All Colors (typing + moving window)', 'fps', round(all.fps), { op: '>=', value: 20 }, {
        frameMs: all.frameMs,
        viewerDecodeMsPerFrame: all.decodeMs,
        tilesPerFrame: round(all.tilesPerFrame),
        cpuMsPerFrame: round(all.cpuMsPerFrame),
        method,
        note:
          `screen-frames: ${cfg.width}×${cfg.height} virtual desktop, ${cfg.frames} scripted frames per colour mode in the bench process ` +
          `(desktop module bundled from source; no appliance process, no network). All Colors ${round(all.fps)} fps ` +
          `(frame p95 ${all.frameMs.p95} ms); the viewer's own decoding (inflate + paint) took ${all.decodeMs.p50} ms a frame (p50).`,
      }),
      row('frame time p95, All Colors', 'ms', all.frameMs.p95, null, { frameMs: all.frameMs }),
      ...MODES.map((m) => row(`bytes/frame, ${LABELS[m]}`, 'B', Math.round(perMode[m].bytesPerFrame), null, {
        fps: round(perMode[m].fps),
        keyframeBytes: perMode[m].keyframeBytes,
        tilesPerFrame: round(perMode[m].tilesPerFrame),
        frameMs: perMode[m].frameMs,
      })),
      row('bytes Black and White ÷ All Colors', 'ratio', round(ratio), { op: '<=', value: 0.25 }, {
        blackAndWhiteBytesPerFrame: Math.round(bw.bytesPerFrame),
        allColorsBytesPerFrame: Math.round(all.bytesPerFrame),
        keyframeRatio: round(bw.keyframeBytes / all.keyframeBytes),
      }),
      row('fps over WebSocket, All Colors', 'fps', round(wAll.fps), { op: '>=', value: 20 }, {
        method: wireMethod,
        frames: wAll.frames,
        inputSteps: wAll.steps,
        inputRefusals: wAll.failures,
        applianceCpuShare: round(wAll.applianceCpu),
        benchCpuShare: round(wAll.benchCpu),
        frameGapMs: mapValues(summarize(wAll.gaps), round),
        bytesPerSecond: Math.round(wAll.bytesPerSecond),
        note:
          `screen-frames over the wire: ${WIRE_ITEM} through a demo appliance process and the console WebSocket, frames acked as they arrive; ` +
          `All Colors ${round(wAll.fps)} fps at ${Math.round(wAll.bytesPerSecond / 1024)} KiB/s, Black and White ${round(wBw.fps)} fps at ${Math.round(wBw.bytesPerSecond / 1024)} KiB/s. ` +
          `Frames go as binary messages; the same frames as base64 in JSON events would be ${Math.round(wAll.base64Overhead * 100)} % larger.`,
      }),
      ...MODES.map((m) => row(`bytes/frame over WebSocket, ${LABELS[m]}`, 'B', Math.round(wire.perMode[m].bytesPerFrame), null, {
        fps: round(wire.perMode[m].fps),
        bytesPerSecond: Math.round(wire.perMode[m].bytesPerSecond),
        keyframeBytes: wire.perMode[m].keyframeBytes,
      })),
      row('bytes over WebSocket Black and White ÷ All Colors', 'ratio', round(wireRatio), { op: '<=', value: 0.25 }, {
        blackAndWhiteBytesPerFrame: Math.round(wBw.bytesPerFrame),
        allColorsBytesPerFrame: Math.round(wAll.bytesPerFrame),
        blackAndWhiteBytesPerSecond: Math.round(wBw.bytesPerSecond),
        allColorsBytesPerSecond: Math.round(wAll.bytesPerSecond),
        keyframeRatio: round(wBw.keyframeBytes / wAll.keyframeBytes),
      }),
      row('base64-in-JSON size ÷ binary frames', 'ratio', round(1 + wAll.base64Overhead), null, {
        meaning: 'What sending the All Colors frames as base64 strings inside JSON events would cost, relative to the binary messages used.',
      }),
      row(`fps, All Colors scaled to ${scaledW}×${scaledH}`, 'fps', round(scaled.fps), null, { bytesPerFrame: Math.round(scaled.bytesPerFrame), frameMs: scaled.frameMs }),
      row('keyframe time, All Colors', 'ms', round(key.ms.p50), null, { bytes: key.bytes, ms: key.ms, count: cfg.keyframes }),
    ];
  },
};

/** Every colour mode over the console WebSocket of one demo appliance process. */
async function wireModes(cfg) {
  const app = await startAppliance({ args: ['--demo'] });
  let c;
  try {
    c = await WireConsole.login(app.url, 'ana', 'Support-Demo-1');
    const sessionId = await jumpTo(c, WIRE_ITEM);
    const perMode = {};
    // All Colors last as well as first would favour it; one pass in menu order, All Colors first.
    for (const mode of ['all-colors', ...MODES.filter((m) => m !== 'all-colors')]) {
      const cpu0 = app.cpuSeconds();
      const bench0 = process.cpuUsage();
      perMode[mode] = await wireRun(c, sessionId, mode, { seconds: cfg.wireSeconds, stepMs: WIRE_STEP_MS });
      const b = process.cpuUsage(bench0);
      // Share of one core over the run (includes the keyframe wait and stop, ~0.5 s).
      perMode[mode].applianceCpu = (app.cpuSeconds() - cpu0) / (cfg.wireSeconds + 0.5);
      perMode[mode].benchCpu = (b.user + b.system) / 1e6 / (cfg.wireSeconds + 0.5);
    }
    return { perMode };
  } finally {
    c?.close();
    await app.stop();
  }
}

/** Runs the scripted scene in one colour mode; returns throughput, frame times and bytes. */
function scripted(lib, desk, mode, cfg, extra, decode) {
  const monitor = '1';
  desk.setControl('bench', true);
  const req = { monitor, colorMode: mode, ...extra };
  const keyframe = lib.packFrame(desk.frame('bench', req));
  const win = desk.windows().find((w) => w.app === 'notepad');
  const grabX = win.x + 200;
  const grabY = win.y + 12;
  desk.input('bench', { kind: 'pointer', monitorId: monitor, action: 'down', x: grabX, y: grabY });
  let typed = 0;
  const step = (i) => {
    const swing = i % 200 < 100 ? i % 100 : 100 - (i % 100);
    desk.input('bench', { kind: 'pointer', monitorId: monitor, action: 'move', x: grabX - swing * 6, y: grabY + swing * 2 });
    typed++;
    desk.input('bench', { kind: 'key', action: 'down', key: typed % 60 === 0 ? 'Enter' : TEXT[typed % TEXT.length] });
    return lib.packFrame(desk.frame('bench', req));
  };
  for (let i = 0; i < 10; i++) step(i);
  const times = [];
  const decodeTimes = [];
  let bytes = 0;
  let tiles = 0;
  const image = { width: 0, height: 0, data: new Uint8Array(0) };
  const cpu0 = process.cpuUsage();
  for (let i = 10; i < 10 + cfg.frames; i++) {
    const s = performance.now();
    const packed = step(i);
    times.push(performance.now() - s);
    bytes += packed.length;
    if (decode) {
      const d0 = performance.now();
      const f = lib.unpackFrame(packed);
      if (image.width !== f.width || image.height !== f.height) Object.assign(image, { width: f.width, height: f.height, data: new Uint8Array(f.width * f.height * 4) });
      if (f.tiles.length) lib.paintTiles(f, inflateRawSync(f.data), image);
      decodeTimes.push(performance.now() - d0);
      tiles += f.tiles.length;
    } else tiles += lib.unpackFrame(packed).tiles.length;
  }
  const cpu = process.cpuUsage(cpu0);
  desk.input('bench', { kind: 'pointer', monitorId: monitor, action: 'up', x: grabX, y: grabY });
  desk.closeViewer('bench');
  return {
    fps: (cfg.frames * 1000) / times.reduce((a, b) => a + b, 0),
    frameMs: mapValues(summarize(times), round),
    decodeMs: decode ? mapValues(summarize(decodeTimes), round) : null,
    bytesPerFrame: bytes / cfg.frames,
    tilesPerFrame: tiles / cfg.frames,
    keyframeBytes: keyframe.length,
    cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / cfg.frames,
  };
}

/** Full keyframes of an unchanged All Colors desktop (a new viewer, a monitor switch). */
function keyframes(lib, desk, cfg) {
  const req = { monitor: '1', colorMode: 'all-colors' };
  let bytes = lib.packFrame(desk.frame('warm', req)).length;
  const times = [];
  for (let i = 0; i < cfg.keyframes; i++) {
    const s = performance.now();
    bytes = lib.packFrame(desk.frame('warm', { ...req, keyframe: true })).length;
    times.push(performance.now() - s);
  }
  return { ms: mapValues(summarize(times), round), bytes };
}

const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'count' ? v : f(v)]));
