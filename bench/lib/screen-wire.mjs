/**
 * The screen-sharing path over the real console WebSocket, for screen-frames: a rep console (plain
 * `ws`) on a demo appliance process Jumps to an emulated endpoint, starts a stream in control mode,
 * drives a scripted scene through `session.screen.input` and acknowledges every binary frame the
 * moment it arrives (a console that keeps up), counting frames and bytes as they come off the wire.
 */
import WebSocket from 'ws';

const MAGIC = 0x31535352; // "RSS1"
const TEXT = 'The printer on the third floor jams on every second page. ';

/** A console socket that answers JSON requests and hands binary frames to `onFrame`. */
class WireConsole {
  #nextId = 1;
  #pending = new Map();
  onFrame = () => {};

  constructor(ws) {
    this.ws = ws;
    ws.on('message', (buf, isBinary) => {
      if (isBinary) return this.onFrame(buf, performance.now());
      const msg = JSON.parse(buf.toString());
      const p = typeof msg.id === 'number' ? this.#pending.get(msg.id) : undefined;
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.t === 'res') p.resolve(msg.result);
      else p.reject(Object.assign(new Error(`${msg.code}: ${msg.message}`), { code: msg.code }));
    });
    ws.on('error', () => {});
  }

  static async login(baseUrl, username, password) {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/ws/console', { perMessageDeflate: false });
    await new Promise((res, rej) => {
      ws.once('open', res);
      ws.once('error', rej);
    });
    const c = new WireConsole(ws);
    await c.call('auth.login', { username, password, console: 'web' });
    return c;
  }

  call(method, params = {}) {
    const id = this.#nextId++;
    this.ws.send(JSON.stringify({ t: 'req', id, method, params }));
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  close() {
    this.ws.close();
  }
}

/** Reads what the bench needs from a binary message: stream, seq, keyframe, tile count. */
function parse(buf) {
  if (buf.length < 44 || buf.readUInt32LE(0) !== MAGIC) return null;
  return { streamId: buf.readUInt32LE(4), keyframe: (buf[13] & 1) === 1, seq: buf.readUInt32LE(16), tiles: buf.readUInt16LE(34) };
}

/** Jumps to `itemName` as the demo rep and returns the session id. */
export async function jumpTo(c, itemName) {
  const { items } = await c.call('jump.list', { search: itemName, pageSize: 50 });
  const item = items.find((i) => i.name === itemName);
  if (!item) throw new Error(`no Jump Item named ${itemName}`);
  return (await c.call('jump.start', { itemId: item.id })).sessionId;
}

/**
 * One colour mode over the wire: start a stream, take the keyframe, then for `seconds` drag the
 * Notepad window back and forth by its title bar while typing into it, one step every `stepMs`
 * (open loop). Returns frames a second, bytes a frame, the keyframe's size, and what the same
 * frames would have cost as base64 inside JSON events.
 */
export async function wireRun(c, sessionId, colorMode, { seconds, stepMs }) {
  const frames = [];
  let streamId = 0;
  c.onFrame = (buf, at) => {
    const f = parse(buf);
    if (!f || f.streamId !== streamId) return;
    frames.push({ ...f, bytes: buf.length, at });
    c.call('session.screen.ack', { streamId, seq: f.seq }).catch(() => {});
  };
  const start = await c.call('session.screen.start', { sessionId, control: true, colorMode, scale: null });
  streamId = start.streamId;
  const deadline = performance.now() + 10_000;
  while (!frames.some((f) => f.keyframe)) {
    if (performance.now() > deadline) throw new Error('no keyframe within 10 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 300));
  const keyframeBytes = frames.find((f) => f.keyframe).bytes;
  // Notepad opens at 640,260 on the demo desktop: grab its title bar.
  const grabX = 840;
  const grabY = 272;
  const input = (events) => c.call('session.screen.input', { streamId, events });
  await input([{ kind: 'pointer', monitorId: start.monitorId, action: 'down', x: grabX, y: grabY }]);
  const from = frames.length;
  const t0 = performance.now();
  let i = 0;
  let failures = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const swing = i % 200 < 100 ? i % 100 : 100 - (i % 100);
    i++;
    input([
      { kind: 'pointer', monitorId: start.monitorId, action: 'move', x: grabX - swing * 6, y: grabY + swing * 2 },
      { kind: 'key', action: 'down', key: i % 60 === 0 ? 'Enter' : TEXT[i % TEXT.length] },
    ]).catch(() => failures++);
    const due = t0 + i * stepMs;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  const elapsed = (performance.now() - t0) / 1000;
  const measured = frames.slice(from).filter((f) => f.at - t0 <= elapsed * 1000);
  // Put the window back where it was, so the next run grabs it at the same place.
  await input([
    { kind: 'pointer', monitorId: start.monitorId, action: 'move', x: grabX, y: grabY },
    { kind: 'pointer', monitorId: start.monitorId, action: 'up', x: grabX, y: grabY },
  ]);
  await c.call('session.screen.stop', { streamId });
  const bytes = measured.reduce((n, f) => n + f.bytes, 0);
  // The alternative: each frame base64 inside a JSON event ({"t":"evt","event":"session.screen.frame","data":{"streamId":…,"frame":"…"}}).
  const base64Bytes = measured.reduce((n, f) => n + Math.ceil(f.bytes / 3) * 4 + 80, 0);
  const gaps = measured.slice(1).map((f, k) => f.at - measured[k].at);
  return {
    fps: measured.length / elapsed,
    frames: measured.length,
    steps: i,
    failures,
    bytesPerFrame: measured.length ? bytes / measured.length : 0,
    bytesPerSecond: bytes / elapsed,
    keyframeBytes,
    base64Overhead: bytes ? base64Bytes / bytes - 1 : 0,
    gaps,
  };
}

export { WireConsole };
