/**
 * Screen sharing: one stream per (session, rep) of the session's endpoint, frames to that rep's
 * console as binary WebSocket messages (protocol/screen-stream.ts), paced by the console's acks
 * (screen-flow.ts). Emulated endpoints show a VirtualDesktop (one per endpoint, shared by every rep
 * watching it); a real agent has no screen to stream and says so with E_SCREEN_UNAVAILABLE.
 * Every action is authorized in permissions.ts and written to the session log.
 */
import { CodedError, ERRORS, isErrorCode, line, type PromptKind, type SystemLine } from '../protocol/index.js';
import { packFrame, type ColorMode, type ScreenInput, type ScreenRefusal } from '../protocol/screen-frames.js';
import { wrapScreenFrame, type ScreenStart, type ScreenStatus } from '../protocol/screen-stream.js';
import type { AppContext } from '../context.js';
import { iso } from '../domain/clock.js';
import type { Endpoint } from '../domain/endpoints.js';
import { Narrator } from '../domain/narrator.js';
import { authorize, type Actor } from '../domain/permissions.js';
import { machineFor } from '../demo/emulated-agent.js';
import { ScreenRefusalError, VirtualDesktop, type DesktopEvent } from '../desktop/index.js';
import { desktopForMachine } from '../desktop/for-machine.js';
import type { ConsoleConnection } from './connection.js';
import { DEFAULT_FLOW, FrameFlow, type FlowOptions } from './screen-flow.js';

/** Clocks on the virtual desktops move, elevation and endpoint changes are noticed, this often. */
const TICK_MS = 2_000;

interface View {
  monitorId: string;
  colorMode: ColorMode;
  scale: { width: number; height: number } | null;
}

interface Stream {
  id: number;
  sessionId: string;
  userId: number;
  userName: string;
  conn: ConsoleConnection;
  endpoint: Endpoint;
  desk: VirtualDesktop;
  viewerId: string;
  view: View;
  flow: FrameFlow;
  keyframe: boolean;
  lastCursor: string;
  timer: NodeJS.Timeout | null;
  unsubscribe: () => void;
  ended: boolean;
}

/** Counters for tests and the benchmark. */
export interface StreamStats {
  framesSent: number;
  bytesSent: number;
  merged: number;
  heldBack: number;
  inFlight: number;
}

const CONTROL_PROMPT: PromptKind = 'screen_control';

export class ScreenStreams {
  private readonly streams = new Map<number, Stream>();
  private readonly desktops = new WeakMap<Endpoint, VirtualDesktop>();
  private readonly hooked = new WeakSet<ConsoleConnection>();
  private readonly narrator: Narrator;
  private ticker: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(
    private readonly app: AppContext,
    private readonly flow: FlowOptions = DEFAULT_FLOW,
  ) {
    this.narrator = new Narrator(app.repos, app.view, app.bus);
    app.bus.subscribe((e) => {
      if (e.type === 'customer.ended') this.endWhere((s) => s.sessionId === e.sessionId, 'E_SESSION_ENDED');
      else if (e.type === 'session.closed') {
        const ended = this.app.repos.sessions.byId(e.sessionId)?.status === 'ended';
        this.endWhere((s) => s.sessionId === e.sessionId && e.recipients.includes(s.userId), ended ? 'E_SESSION_ENDED' : 'E_SESSION_NOT_MEMBER');
      }
    });
  }

  // ── starting and stopping ────────────────────────────────────────────────────────────────

  start(actor: Actor, conn: ConsoleConnection, p: { sessionId: string; control: boolean; monitorId?: string | undefined; colorMode: ColorMode; scale: View['scale'] }): ScreenStart {
    const role = this.app.repos.members.role(p.sessionId, actor.user.id);
    authorize(actor, { kind: 'session.screen', role, control: false });
    if (p.control) this.mayControl(actor, p.sessionId);
    const endpoint = this.endpointFor(p.sessionId);
    if (endpoint.jumpItemId === null && !this.allowed(p.sessionId, ['screen_view', 'screen_control'])) throw new CodedError('E_SCREEN_PROMPT_REQUIRED');
    const desk = this.desktopFor(endpoint);
    if (p.control && desk.viewOnly) throw new CodedError('E_SCREEN_MOBILE_VIEW_ONLY');
    // One stream per session and rep: a second start (a reload, another console) replaces the first.
    this.endWhere((s) => s.sessionId === p.sessionId && s.userId === actor.user.id, 'E_SCREEN_STREAM_NOT_FOUND', false);
    const monitors = desk.monitors();
    const monitorId = monitors.some((m) => m.id === p.monitorId) ? p.monitorId! : (monitors.find((m) => m.primary) ?? monitors[0]!).id;
    const id = this.nextId++;
    const s: Stream = {
      id,
      sessionId: p.sessionId,
      userId: actor.user.id,
      userName: actor.user.publicDisplayName,
      conn,
      endpoint,
      desk,
      viewerId: `screen:${id}`,
      view: { monitorId, colorMode: p.colorMode, scale: p.scale },
      flow: new FrameFlow(this.flow),
      keyframe: true,
      lastCursor: '',
      timer: null,
      unsubscribe: () => undefined,
      ended: false,
    };
    this.syncElevation(s);
    if (p.control) this.check(desk.setControl(s.viewerId, true));
    this.streams.set(id, s);
    s.unsubscribe = desk.subscribe((e) => this.onDesktop(s, e));
    this.hook(conn);
    this.startTicker();
    this.log(s, 'screen.start', line('screen.started', { name: s.userName, host: endpoint.hostname, control: p.control ? 'yes' : 'no' }), { control: p.control, monitorId, colorMode: p.colorMode });
    s.flow.damage();
    this.schedule(s, 0);
    return {
      streamId: id,
      sessionId: p.sessionId,
      hostname: desk.spec.hostname,
      os: desk.os,
      monitors,
      monitorId,
      specialActions: desk.specialActions(),
      clipboard: desk.clipboard(),
      status: this.status(s),
    };
  }

  stop(actor: Actor, p: { streamId: number }): void {
    this.end(this.mine(actor, p.streamId), null);
  }

  /** Counters of a stream (tests, benchmark). */
  stats(streamId: number): StreamStats | null {
    const s = this.streams.get(streamId);
    if (!s) return null;
    return { framesSent: s.flow.sentSeq, bytesSent: s.flow.bytes, merged: s.flow.merged, heldBack: s.flow.heldBack, inFlight: s.flow.inFlight };
  }

  // ── what the viewer sees ─────────────────────────────────────────────────────────────────

  view(actor: Actor, p: { streamId: number; monitorId?: string | undefined; colorMode: ColorMode; scale: View['scale']; keyframe: boolean }): void {
    const s = this.mine(actor, p.streamId);
    const monitorId = p.monitorId ?? s.view.monitorId;
    if (!s.desk.monitors().some((m) => m.id === monitorId)) throw new CodedError('E_SCREEN_NO_MONITOR');
    const changed = monitorId !== s.view.monitorId || p.colorMode !== s.view.colorMode;
    if (changed) this.log(s, 'screen.view', null, { monitorId, colorMode: p.colorMode, before: { ...s.view, scale: undefined } });
    s.view = { monitorId, colorMode: p.colorMode, scale: p.scale };
    if (p.keyframe) {
      s.keyframe = true;
      s.flow.resync();
    } else s.flow.damage();
    this.schedule(s, 0);
  }

  ack(actor: Actor, p: { streamId: number; seq: number }): void {
    const s = this.mine(actor, p.streamId);
    if (s.flow.ack(p.seq)) this.schedule(s, 0);
  }

  // ── control ──────────────────────────────────────────────────────────────────────────────

  control(actor: Actor, p: { streamId: number; control: boolean }): ScreenStatus {
    const s = this.mine(actor, p.streamId);
    if (p.control) this.mayControl(actor, s.sessionId, s.endpoint);
    const before = s.desk.hasControl(s.viewerId);
    this.check(s.desk.setControl(s.viewerId, p.control));
    if (before !== p.control) {
      this.log(s, 'screen.control', line(p.control ? 'screen.tookControl' : 'screen.releasedControl', { name: s.userName, host: s.endpoint.hostname }), { control: p.control });
    }
    return this.status(s);
  }

  input(actor: Actor, p: { streamId: number; events: ScreenInput[] }): void {
    const s = this.mine(actor, p.streamId);
    this.mayControl(actor, s.sessionId, s.endpoint);
    this.syncElevation(s);
    for (const e of p.events) {
      this.check(s.desk.input(s.viewerId, e));
      if (e.kind === 'ctrl-alt-del') this.log(s, 'screen.ctrlAltDel', line('screen.ctrlAltDel', { name: s.userName, host: s.endpoint.hostname }));
    }
  }

  specialAction(actor: Actor, p: { streamId: number; actionId: string }): void {
    const s = this.mine(actor, p.streamId);
    this.mayControl(actor, s.sessionId, s.endpoint);
    this.syncElevation(s);
    const action = s.desk.specialActions().find((a) => a.id === p.actionId);
    this.check(s.desk.runSpecialAction(s.viewerId, p.actionId));
    this.log(s, 'screen.specialAction', line('screen.specialAction', { name: s.userName, action: action?.label ?? p.actionId, host: s.endpoint.hostname }), { actionId: p.actionId });
  }

  clipboard(actor: Actor, p: { streamId: number; text: string }): void {
    const s = this.mine(actor, p.streamId);
    this.mayControl(actor, s.sessionId, s.endpoint);
    this.check(s.desk.setClipboard(s.viewerId, p.text));
    // The text itself stays out of the log: clipboards carry passwords.
    this.log(s, 'screen.clipboard.send', null, { chars: p.text.length });
  }

  restrict(actor: Actor, p: { streamId: number; privacyScreen?: boolean | undefined; customerInputDisabled?: boolean | undefined }): ScreenStatus {
    const s = this.mine(actor, p.streamId);
    this.mayControl(actor, s.sessionId, s.endpoint);
    this.syncElevation(s);
    if (p.privacyScreen !== undefined) {
      const was = s.desk.status().privacyScreen;
      this.check(s.desk.setPrivacyScreen(p.privacyScreen));
      if (was !== p.privacyScreen) this.log(s, 'screen.privacy', line(p.privacyScreen ? 'screen.privacyOn' : 'screen.privacyOff', { name: s.userName, host: s.endpoint.hostname }), { on: p.privacyScreen });
    }
    if (p.customerInputDisabled !== undefined) {
      const was = s.desk.status().customerInputDisabled;
      this.check(s.desk.setCustomerInputDisabled(p.customerInputDisabled));
      if (was !== p.customerInputDisabled) {
        this.log(s, 'screen.customerInput', line(p.customerInputDisabled ? 'screen.inputDisabled' : 'screen.inputRestored', { name: s.userName }), { disabled: p.customerInputDisabled });
      }
    }
    return this.status(s);
  }

  screenshot(actor: Actor, p: { streamId: number; monitorId?: string | undefined }): { png: string; width: number; height: number; fileName: string } {
    const s = this.mine(actor, p.streamId);
    const monitorId = p.monitorId ?? s.view.monitorId;
    const m = s.desk.monitors().find((x) => x.id === monitorId);
    if (!m) throw new CodedError('E_SCREEN_NO_MONITOR');
    const png = s.desk.screenshotPng(monitorId, { colorMode: 'all-colors' });
    const stamp = iso(this.app.clock).replace(/[:.]/g, '-').slice(0, 19);
    const fileName = `${s.desk.spec.hostname.replace(/[^\w.-]+/g, '_')}-monitor-${m.name}-${stamp}.png`;
    this.log(s, 'screen.screenshot', null, { monitorId, fileName, bytes: png.length });
    return { png: png.toString('base64'), width: m.width, height: m.height, fileName };
  }

  // ── inside ───────────────────────────────────────────────────────────────────────────────

  private endpointFor(sessionId: string): Endpoint {
    const s = this.app.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    if (s.status !== 'active') throw new CodedError('E_SESSION_NOT_ACTIVE');
    const endpoint = this.app.endpoints.forSession(sessionId);
    if (!endpoint) throw new CodedError('E_ENDPOINT_OFFLINE');
    // A real agent (jump-client / customer) has no screen capture: say so instead of a black picture.
    if (endpoint.kind !== 'emulated') throw new CodedError('E_SCREEN_UNAVAILABLE', `Screen sharing is not available on this endpoint: the agent on ${endpoint.hostname} does not capture its screen.`);
    return endpoint;
  }

  private allowed(sessionId: string, kinds: PromptKind[]): boolean {
    return this.app.repos.prompts.list(sessionId).some((x) => kinds.includes(x.kind) && x.state === 'allowed');
  }

  /** Control needs screenControl and, on a customer's own machine, their "view and control" answer. */
  private mayControl(actor: Actor, sessionId: string, endpoint?: Endpoint): void {
    const role = this.app.repos.members.role(sessionId, actor.user.id);
    if (!actor.user.permissions.screenControl && role !== null) throw new CodedError('E_SCREEN_CONTROL_FORBIDDEN');
    authorize(actor, { kind: 'session.screen', role, control: true });
    const ep = endpoint ?? this.app.endpoints.forSession(sessionId);
    if (ep && ep.jumpItemId === null && !this.allowed(sessionId, [CONTROL_PROMPT])) throw new CodedError('E_SCREEN_PROMPT_REQUIRED', 'The customer allowed viewing only. Ask for permission to control their computer first.');
  }

  /** The emulated endpoint's desktop, made on first use and kept while the endpoint is connected (also Inject Credentials'). */
  desktopFor(endpoint: Endpoint): VirtualDesktop {
    let desk = this.desktops.get(endpoint);
    if (desk) return desk;
    const item = endpoint.jumpItemId === null ? null : this.app.repos.jump.byId(endpoint.jumpItemId);
    const machine = item ? machineFor(item) : null;
    desk = new VirtualDesktop(
      desktopForMachine({
        hostname: endpoint.hostname,
        os: item?.os ?? 'windows',
        name: item?.name ?? endpoint.hostname,
        comments: item?.comments ?? '',
        tag: item?.tag ?? '',
        user: machine ? machine.user : 'user',
      }),
    );
    this.desktops.set(endpoint, desk);
    return desk;
  }

  private mine(actor: Actor, streamId: number): Stream {
    const s = this.streams.get(streamId);
    if (!s || s.userId !== actor.user.id) throw new CodedError('E_SCREEN_STREAM_NOT_FOUND');
    return s;
  }

  private check(refusal: ScreenRefusal | null): void {
    if (refusal) throw new CodedError(refusal.code, refusal.message);
  }

  private status(s: Stream): ScreenStatus {
    const st = s.desk.status();
    return {
      control: s.desk.hasControl(s.viewerId),
      viewOnly: s.desk.viewOnly,
      elevated: st.elevated,
      restrictable: s.desk.os === 'windows' || s.desk.os === 'macos',
      privacyScreen: st.privacyScreen,
      customerInputDisabled: st.customerInputDisabled,
      state: st.uacShowing ? 'uac' : st.state,
    };
  }

  /** Elevate sets `elevated` on the endpoint; the desktop follows (privacy screen, UAC dialogs). */
  private syncElevation(s: Stream): void {
    const on = s.endpoint.elevated === true;
    if (s.desk.status().elevated !== on) s.desk.setElevated(on);
  }

  private onDesktop(s: Stream, e: DesktopEvent): void {
    if (s.ended) return;
    if (e.type === 'damage') {
      s.flow.damage();
      this.schedule(s, 0);
    } else if (e.type === 'status') {
      s.conn.sendEvent('session.screen.status', { streamId: s.id, sessionId: s.sessionId, status: this.status(s) });
    } else {
      s.conn.sendEvent('session.screen.clipboard', { streamId: s.id, text: e.text });
    }
  }

  /** Runs the pump soon (after the current batch of input, so one frame shows all of it). */
  private schedule(s: Stream, ms: number): void {
    if (s.ended || s.timer) return;
    s.timer = setTimeout(() => {
      s.timer = null;
      this.pump(s);
    }, ms);
  }

  private pump(s: Stream): void {
    if (s.ended) return;
    const socket = s.conn.socket;
    if (socket.readyState !== socket.OPEN) return this.end(s, 'E_ENDPOINT_OFFLINE');
    // Frames are paced from when they start, so the encoding time is part of the interval, not added to it.
    const now = performance.now();
    const d = s.flow.decide(now, socket.bufferedAmount);
    if (!d.send) {
      if (d.retryInMs !== null) this.schedule(s, d.retryInMs);
      return;
    }
    let frame;
    try {
      frame = s.desk.frame(s.viewerId, { monitor: s.view.monitorId, colorMode: s.view.colorMode, scale: s.view.scale, keyframe: s.keyframe });
    } catch (e) {
      if (e instanceof ScreenRefusalError) return this.end(s, e.code);
      throw e;
    }
    s.keyframe = false;
    const cursor = frame.cursor ? `${frame.cursor.x},${frame.cursor.y},${frame.cursor.shape}` : '-';
    if (!frame.tiles.length && !frame.keyframe && cursor === s.lastCursor) return s.flow.nothing();
    s.lastCursor = cursor;
    const packed = packFrame({ ...frame, seq: s.flow.sentSeq + 1 });
    s.flow.sent(now, packed.length);
    s.conn.sendBinary(wrapScreenFrame(s.id, packed));
  }

  private end(s: Stream, code: string | null, tell = true): void {
    if (s.ended) return;
    s.ended = true;
    this.streams.delete(s.id);
    if (s.timer) clearTimeout(s.timer);
    s.unsubscribe();
    s.desk.closeViewer(s.viewerId);
    if (this.streams.size === 0) this.stopTicker();
    if (code && tell && s.conn.actor?.user.id === s.userId) {
      const message = code === 'E_SESSION_ENDED' ? 'The session ended.' : code === 'E_SESSION_NOT_MEMBER' ? 'You are no longer in this session.' : code === 'E_ENDPOINT_OFFLINE' ? 'The remote computer disconnected.' : screenRefusalText(code);
      s.conn.sendEvent('session.screen.ended', { streamId: s.id, sessionId: s.sessionId, code, message });
    }
    this.log(s, 'screen.stop', code === null || code === 'E_SCREEN_STREAM_NOT_FOUND' ? line('screen.stopped', { name: s.userName }) : line('screen.ended', { host: s.endpoint.hostname }), { reason: code, frames: s.flow.sentSeq, bytes: s.flow.bytes });
  }

  private endWhere(pred: (s: Stream) => boolean, code: string, tell = true): void {
    for (const s of [...this.streams.values()]) if (pred(s)) this.end(s, code, tell);
  }

  /** Clocks move; a dropped endpoint or elevation change is noticed even while nobody types. */
  private startTicker(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      const ticked = new Set<VirtualDesktop>();
      for (const s of [...this.streams.values()]) {
        if (this.app.endpoints.forSession(s.sessionId) !== s.endpoint) {
          this.end(s, 'E_ENDPOINT_OFFLINE');
          continue;
        }
        this.syncElevation(s);
        if (!ticked.has(s.desk)) {
          ticked.add(s.desk);
          s.desk.tick();
        }
      }
    }, TICK_MS);
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  /** A console that goes away takes its streams with it. */
  private hook(conn: ConsoleConnection): void {
    if (this.hooked.has(conn)) return;
    this.hooked.add(conn);
    conn.socket.once('close', () => this.endWhere((s) => s.conn === conn, 'E_ENDPOINT_OFFLINE', false));
  }

  /** Writes the event to the session log, and a chat line when `line` is given. */
  private log(s: Stream, kind: string, said: SystemLine | null, extra: Record<string, unknown> = {}): void {
    try {
      this.narrator.record(s.sessionId, `rep:${s.userId}`, kind, { streamId: s.id, hostname: s.endpoint.hostname, ...extra }, said, iso(this.app.clock));
    } catch (err) {
      this.app.log.error({ err, sessionId: s.sessionId }, 'writing screen sharing to the session log failed');
    }
  }
}

function screenRefusalText(code: string): string {
  return isErrorCode(code) ? ERRORS[code] : 'Screen sharing stopped.';
}

const perApp = new WeakMap<AppContext, ScreenStreams>();

/** The appliance's one ScreenStreams (created on first use). */
export function screenStreams(app: AppContext): ScreenStreams {
  let t = perApp.get(app);
  if (!t) perApp.set(app, (t = new ScreenStreams(app)));
  return t;
}
