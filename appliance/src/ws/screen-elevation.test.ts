/**
 * Screen sharing and elevation: Elevate sets `elevated` on the session's endpoint; the stream's
 * desktop follows, privacy screen and disabling customer input work only then, and the console is
 * told. ScreenStreams runs here against small stand-ins for the store and the console socket.
 */
import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, type Actor } from '../domain/permissions.js';
import { InMemoryEndpointHub, type Endpoint } from '../domain/endpoints.js';
import { InProcessEventBus } from '../domain/event-bus.js';
import type { AppContext } from '../context.js';
import type { ConsoleConnection } from './connection.js';
import { ScreenStreams } from './screen-stream.js';

const SESSION = 'a'.repeat(32);

function world() {
  const logged: { kind: string; data: Record<string, unknown> }[] = [];
  const sent: { event: string; data: any }[] = [];
  const endpoint: Endpoint = {
    jumpItemId: 7,
    hostname: 'ws-9.corp.example',
    kind: 'emulated',
    presence: () => 'present',
    openShell: () => Promise.reject(new Error('no shell here')),
  };
  const endpoints = new InMemoryEndpointHub();
  endpoints.register(endpoint);
  endpoints.bindSession(SESSION, endpoint);
  const repos = {
    members: { role: () => 'owner' },
    sessions: {
      byId: () => ({ id: SESSION, status: 'active' }),
      addEvent: (_s: string, _a: string, kind: string, data: Record<string, unknown>) => logged.push({ kind, data }),
      chat: (sessionId: string, from: unknown, body: string) => ({ id: 1, sessionId, from, body }),
    },
    prompts: { list: () => [] },
    jump: { byId: () => ({ id: 7, name: 'WS-9', hostname: 'ws-9.corp.example', comments: '', tag: '', os: 'windows', privateIp: '', publicIp: '' }) },
    transaction: <T>(fn: () => T) => fn(),
  };
  const app = {
    repos,
    endpoints,
    bus: new InProcessEventBus(),
    view: { recipients: () => [1] },
    clock: { now: () => new Date('2026-11-23T10:00:00Z') },
    log: { error: () => undefined },
  } as unknown as AppContext;
  const socket = { OPEN: 1, readyState: 1, bufferedAmount: 0, send: () => undefined, once: () => undefined };
  const conn = { socket, actor: null as Actor | null, sendEvent: (event: string, data: unknown) => sent.push({ event, data }) } as unknown as ConsoleConnection;
  const actor = { user: { id: 1, publicDisplayName: 'Ana', permissions: ALL_PERMISSIONS, disabled: false, externalSessionId: null }, teams: [] } as unknown as Actor;
  (conn as { actor: Actor | null }).actor = actor;
  return { app, conn, actor, endpoint, logged, sent };
}

describe('privacy screen and customer input', () => {
  it('are refused until the endpoint is elevated, then switch and are logged', () => {
    const w = world();
    const streams = new ScreenStreams(w.app);
    const start = streams.start(w.actor, w.conn, { sessionId: SESSION, control: true, colorMode: 'all-colors', scale: null });
    expect(start.status).toMatchObject({ elevated: false, restrictable: true, control: true });
    expect(() => streams.restrict(w.actor, { streamId: start.streamId, privacyScreen: true })).toThrow(expect.objectContaining({ code: 'E_SCREEN_NOT_ELEVATED' }));

    // Elevate marks the endpoint; the next request sees it, and the console hears about it.
    w.endpoint.elevated = true;
    const on = streams.restrict(w.actor, { streamId: start.streamId, privacyScreen: true });
    expect(on).toMatchObject({ elevated: true, privacyScreen: true, customerInputDisabled: true });
    expect(w.sent.some((e) => e.event === 'session.screen.status' && e.data.status.elevated === true)).toBe(true);
    const off = streams.restrict(w.actor, { streamId: start.streamId, privacyScreen: false, customerInputDisabled: true });
    expect(off).toMatchObject({ privacyScreen: false, customerInputDisabled: true });
    expect(w.logged.filter((e) => e.kind === 'screen.privacy').map((e) => e.data['on'])).toEqual([true, false]);
    // Turning the privacy screen off gives input back; the same request then disables it on its own.
    expect(w.logged.filter((e) => e.kind === 'screen.customerInput').map((e) => e.data['disabled'])).toEqual([true]);

    // Elevation ends: the restrictions go with it.
    w.endpoint.elevated = false;
    const after = streams.restrict(w.actor, { streamId: start.streamId });
    expect(after).toMatchObject({ elevated: false, privacyScreen: false, customerInputDisabled: false });
    streams.stop(w.actor, { streamId: start.streamId });
  });

  it('control needs the screenControl permission', () => {
    const w = world();
    const viewer = { ...w.actor, user: { ...w.actor.user, permissions: { ...ALL_PERMISSIONS, screenControl: false } } } as Actor;
    const streams = new ScreenStreams(w.app);
    expect(() => streams.start(viewer, w.conn, { sessionId: SESSION, control: true, colorMode: 'all-colors', scale: null })).toThrow(expect.objectContaining({ code: 'E_SCREEN_CONTROL_FORBIDDEN' }));
    const start = streams.start(viewer, w.conn, { sessionId: SESSION, control: false, colorMode: 'all-colors', scale: null });
    expect(() => streams.control(viewer, { streamId: start.streamId, control: true })).toThrow(expect.objectContaining({ code: 'E_SCREEN_CONTROL_FORBIDDEN' }));
    expect(() => streams.input(viewer, { streamId: start.streamId, events: [{ kind: 'text', text: 'x' }] })).toThrow(expect.objectContaining({ code: 'E_SCREEN_CONTROL_FORBIDDEN' }));
    const noScreen = { ...w.actor, user: { ...w.actor.user, permissions: { ...ALL_PERMISSIONS, screenControl: false, screenView: false } } } as Actor;
    expect(() => streams.start(noScreen, w.conn, { sessionId: SESSION, control: false, colorMode: 'all-colors', scale: null })).toThrow(expect.objectContaining({ code: 'E_FORBIDDEN' }));
    streams.stop(viewer, { streamId: start.streamId });
  });
});
