/**
 * Screen sharing end to end inside one process: a demo appliance on a random port (real SQLite in a
 * temp dir, the emulated fleet), reps on real console WebSockets, binary frames decoded the way the
 * console's viewer does. Jumps go to MUENCHEN-POS-02 (Windows, logged in, no Jump Policy, a
 * customer display as second monitor) and MUENCHEN-IPAD-LAGER (iOS).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreenClient } from '../../../tests/helpers/screen-client.js';
import { createAppliance, type Appliance } from '../bootstrap.js';

let dataDir: string;
let app: Appliance;
let ana: ScreenClient;
let ben: ScreenClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'screen-stream-'));
  app = await createAppliance({ dataDir, port: 0, demo: true, logLevel: 'silent', demoCustomers: { perTeam: 0 } });
  [ana, ben] = await Promise.all([ScreenClient.login(app.url, 'ana'), ScreenClient.login(app.url, 'ben')]);
});
afterAll(async () => {
  ana?.close();
  ben?.close();
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function jump(c: ScreenClient, name: string): Promise<string> {
  const { items } = await c.call('jump.list', { search: name, pageSize: 50 });
  const item = items.find((i) => i.name === name)!;
  return (await c.call('jump.start', { itemId: item.id })).sessionId;
}

function events(sessionId: string): { kind: string; data: Record<string, unknown> }[] {
  const db = new Database(join(dataDir, 'site.db'), { readonly: true });
  try {
    return (db.prepare('SELECT kind, data FROM session_events WHERE session_id = ? ORDER BY id').all(sessionId) as { kind: string; data: string }[]).map((r) => ({ kind: r.kind, data: JSON.parse(r.data) }));
  } finally {
    db.close();
  }
}

/** Waits for the stream to go quiet (no frame for a while) and returns the number of frames so far. */
async function settle(c: ScreenClient, quietMs = 150): Promise<number> {
  let n = -1;
  while (n !== c.frames.length) {
    n = c.frames.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
  return n;
}

const key = (k: string, mods: { ctrl?: boolean } = {}) => ({ kind: 'key' as const, action: 'down' as const, key: k, ...mods });

describe('a screen stream of an emulated endpoint', () => {
  let sessionId: string;
  let streamId: number;

  it('starts with the endpoint’s monitors (primary first) and a keyframe of the primary at actual size', async () => {
    sessionId = await jump(ana, 'MUENCHEN-POS-02');
    const start = await ana.call('session.screen.start', { sessionId, colorMode: 'all-colors', scale: null });
    streamId = start.streamId;
    expect(start.hostname).toBe('MUC-POS-02');
    expect(start.monitors.map((m) => [m.name, m.width, m.height, m.primary])).toEqual([
      ['1', 1920, 1080, true],
      ['2', 1024, 768, false],
    ]);
    expect(start.monitorId).toBe('1');
    expect(start.status).toMatchObject({ control: false, viewOnly: false, elevated: false, restrictable: true, privacyScreen: false, state: 'desktop' });
    expect(start.specialActions.map((a) => a.label)).toContain('Task Manager');
    const first = await ana.until(() => ana.frames[0]);
    expect(first.streamId).toBe(streamId);
    expect(first.frame).toMatchObject({ keyframe: true, width: 1920, height: 1080, monitorId: '1', colorMode: 'all-colors' });
    expect(events(sessionId).map((e) => e.kind)).toContain('screen.start');
  });

  it('refuses input in view mode; in control mode typed text shows in Notepad on the next frame', async () => {
    expect(await ana.refusal(ana.call('session.screen.input', { streamId, events: [{ kind: 'text', text: 'x' }] }))).toBe('E_SCREEN_VIEW_ONLY');
    const status = await ana.call('session.screen.control', { streamId, control: true });
    expect(status.control).toBe(true);
    await settle(ana);
    // Notepad (the focused window) opens at 640,260, 760×500: its text area.
    const before = ana.region(650, 300, 700, 200);
    const n = ana.frames.length;
    await ana.call('session.screen.input', { streamId, events: [key('Enter'), { kind: 'text', text: 'Typed by the rep over screen sharing.' }] });
    const next = await ana.until(() => ana.frames[n]);
    expect(next.frame.keyframe).toBe(false);
    expect(next.frame.tiles.length).toBeGreaterThan(0);
    expect(next.frame.tiles.every((t) => t.x + t.w > 640 && t.x < 1400 && t.y + t.h > 260 && t.y < 760)).toBe(true);
    expect(ana.region(650, 300, 700, 200)).not.toBe(before);
    expect(events(sessionId).some((e) => e.kind === 'screen.control' && e.data['control'] === true)).toBe(true);
  });

  it('sends far fewer bytes in Black and White than in All Colors', async () => {
    const keyframeBytes = async (colorMode: 'all-colors' | 'black-and-white' | 'few-colors') => {
      const n = await settle(ana);
      await ana.call('session.screen.view', { streamId, colorMode, scale: null, keyframe: true });
      const f = await ana.until(() => ana.frames.slice(n).find((x) => x.frame.keyframe && x.frame.colorMode === colorMode));
      return f.bytes;
    };
    const all = await keyframeBytes('all-colors');
    const bw = await keyframeBytes('black-and-white');
    const few = await keyframeBytes('few-colors');
    expect(bw).toBeLessThan(all / 4);
    expect(few).toBeLessThan(all);
    expect(events(sessionId).some((e) => e.kind === 'screen.view' && e.data['colorMode'] === 'black-and-white')).toBe(true);
    await ana.call('session.screen.view', { streamId, colorMode: 'all-colors', scale: null, keyframe: true });
  });

  it('scales down on request and switches monitors', async () => {
    let n = await settle(ana);
    await ana.call('session.screen.view', { streamId, colorMode: 'all-colors', scale: { width: 960, height: 700 }, keyframe: true });
    const scaled = await ana.until(() => ana.frames.slice(n).find((f) => f.frame.keyframe));
    expect([scaled.frame.width, scaled.frame.height, scaled.frame.sourceWidth]).toEqual([960, 540, 1920]);
    n = await settle(ana);
    await ana.call('session.screen.view', { streamId, monitorId: '2', colorMode: 'all-colors', scale: null });
    const second = await ana.until(() => ana.frames.slice(n).find((f) => f.frame.monitorId === '2'));
    expect([second.frame.keyframe, second.frame.width, second.frame.height]).toEqual([true, 1024, 768]);
    expect(await ana.refusal(ana.call('session.screen.view', { streamId, monitorId: '7', colorMode: 'all-colors', scale: null }))).toBe('E_SCREEN_NO_MONITOR');
    await ana.call('session.screen.view', { streamId, monitorId: '1', colorMode: 'all-colors', scale: null });
  });

  it('never has more than two frames unacknowledged; changes meanwhile merge into the next frame', async () => {
    await settle(ana);
    ana.autoAck = false;
    const n = ana.frames.length;
    for (let i = 0; i < 30; i++) {
      await ana.call('session.screen.input', { streamId, events: [key('abcdefghij'[i % 10]!)] });
      await new Promise((r) => setTimeout(r, 40));
    }
    await settle(ana, 300);
    expect(ana.frames.length - n).toBe(2);
    // One ack: exactly one more frame, holding every keystroke since.
    ana.autoAck = true;
    const before = ana.region(650, 300, 700, 300);
    await ana.call('session.screen.ack', { streamId, seq: ana.frames[ana.frames.length - 1]!.frame.seq });
    await settle(ana, 300);
    expect(ana.frames.length - n).toBe(3);
    expect(ana.region(650, 300, 700, 300)).not.toBe(before);
  });

  it('Ctrl-Alt-Del shows the security screen and is logged; special actions run, system ones need elevation', async () => {
    await ana.call('session.screen.input', { streamId, events: [{ kind: 'ctrl-alt-del' }] });
    await ana.until(() => ana.events.find((e) => e.event === 'session.screen.status' && e.data.status.state === 'security'));
    await ana.call('session.screen.input', { streamId, events: [{ kind: 'ctrl-alt-del' }] });
    await ana.until(() => ana.events.filter((e) => e.event === 'session.screen.status').at(-1)?.data.status.state === 'desktop');
    expect(events(sessionId).filter((e) => e.kind === 'screen.ctrlAltDel')).toHaveLength(2);

    const n = await settle(ana);
    await ana.call('session.screen.specialAction', { streamId, actionId: 'task-manager' });
    await ana.until(() => ana.frames.slice(n).some((f) => f.frame.tiles.length > 0));
    expect(await ana.refusal(ana.call('session.screen.specialAction', { streamId, actionId: 'reboot' }))).toBe('E_SCREEN_NOT_ELEVATED');
    expect(await ana.refusal(ana.call('session.screen.specialAction', { streamId, actionId: 'no-such' }))).toBe('E_SCREEN_UNKNOWN_ACTION');
    expect(events(sessionId).some((e) => e.kind === 'screen.specialAction' && e.data['actionId'] === 'task-manager')).toBe(true);
  });

  it('privacy screen and disabling customer input need an elevated session', async () => {
    expect(await ana.refusal(ana.call('session.screen.restrict', { streamId, privacyScreen: true }))).toBe('E_SCREEN_NOT_ELEVATED');
    expect(await ana.refusal(ana.call('session.screen.restrict', { streamId, customerInputDisabled: true }))).toBe('E_SCREEN_NOT_ELEVATED');
  });

  it('two-way text clipboard: the rep’s text pastes there; a copy there comes back to the rep', async () => {
    await ana.call('session.screen.clipboard', { streamId, text: 'PASTED-FROM-REP' });
    // Back to Notepad (Task Manager took the focus): click its text area, paste, select all, copy.
    await ana.call('session.screen.input', {
      streamId,
      events: [
        { kind: 'pointer', monitorId: '1', action: 'down', x: 900, y: 600 },
        { kind: 'pointer', monitorId: '1', action: 'up', x: 900, y: 600 },
        key('v', { ctrl: true }),
        key('a', { ctrl: true }),
        key('c', { ctrl: true }),
      ],
    });
    const copied = await ana.until(() => ana.events.find((e) => e.event === 'session.screen.clipboard')?.data);
    expect(copied.streamId).toBe(streamId);
    expect(copied.text).toContain('PASTED-FROM-REP');
    expect(copied.text).toContain('Printer on 3rd floor keeps jamming.');
    const logged = events(sessionId).find((e) => e.kind === 'screen.clipboard.send')!;
    expect(logged.data).toMatchObject({ chars: 15 });
    expect(JSON.stringify(logged.data)).not.toContain('PASTED');
  });

  it('takes a full-resolution PNG screenshot and logs it', async () => {
    const shot = await ana.call('session.screen.screenshot', { streamId });
    const png = Buffer.from(shot.png, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1080);
    expect(shot.fileName).toMatch(/^MUC-POS-02-monitor-1-.*\.png$/);
    expect(events(sessionId).some((e) => e.kind === 'screen.screenshot')).toBe(true);
  });

  it('belongs to the rep who started it; someone outside the session cannot start one', async () => {
    expect(await ben.refusal(ben.call('session.screen.ack', { streamId, seq: 1 }))).toBe('E_SCREEN_STREAM_NOT_FOUND');
    expect(await ben.refusal(ben.call('session.screen.start', { sessionId, colorMode: 'all-colors', scale: null }))).toBe('E_SESSION_NOT_MEMBER');
  });

  it('stops: the stream is gone and the stop is logged', async () => {
    await ana.call('session.screen.stop', { streamId });
    expect(await ana.refusal(ana.call('session.screen.ack', { streamId, seq: 1 }))).toBe('E_SCREEN_STREAM_NOT_FOUND');
    const kinds = events(sessionId).map((e) => e.kind);
    expect(kinds).toContain('screen.stop');
    const n = await settle(ana);
    await new Promise((r) => setTimeout(r, 200));
    expect(ana.frames.length).toBe(n);
  });

  it('ends the stream and tells the console when the session ends', async () => {
    const { streamId: again } = await ana.call('session.screen.start', { sessionId, colorMode: 'few-colors', scale: null });
    await ana.call('session.end', { sessionId });
    const ended = await ana.until(() => ana.events.find((e) => e.event === 'session.screen.ended' && e.data.streamId === again)?.data);
    expect(ended.code).toBe('E_SESSION_ENDED');
  });
});

describe('mobile endpoints', () => {
  it('are view only', async () => {
    const sessionId = await jump(ana, 'MUENCHEN-IPAD-LAGER');
    const start = await ana.call('session.screen.start', { sessionId, colorMode: 'more-colors', scale: null });
    expect(start.status.viewOnly).toBe(true);
    expect(start.specialActions).toEqual([]);
    expect(start.monitors).toHaveLength(1);
    expect(await ana.refusal(ana.call('session.screen.control', { streamId: start.streamId, control: true }))).toBe('E_SCREEN_MOBILE_VIEW_ONLY');
    expect(await ana.refusal(ana.call('session.screen.start', { sessionId, control: true, colorMode: 'more-colors', scale: null }))).toBe('E_SCREEN_MOBILE_VIEW_ONLY');
    await ana.call('session.screen.stop', { streamId: start.streamId }).catch(() => undefined);
  });
});
