/**
 * In-session tools that reach the session's endpoint: the command shell (open, keystrokes, resize,
 * close, output back to the rep's console), system information and the file listing. Each call is
 * authorized in permissions.ts; opening and closing a shell is written to the session log. The
 * endpoint is whatever the hub binds to the session (a Jump Client's agent after a Jump, or the
 * customer's own machine attached by `rep-appliance customer`).
 */
import { CodedError, type EndpointFileListing, type EndpointSystemInfo, type PromptKind } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { iso } from '../domain/clock.js';
import type { Endpoint, ShellChannel } from '../domain/endpoints.js';
import { Narrator } from '../domain/narrator.js';
import { authorize, isAllowed, type Action, type Actor } from '../domain/permissions.js';
import type { ConsoleConnection } from './connection.js';
import { ShellFlow } from '../shell/flow.js';
import { ShellOutputPump } from '../shell/output-pump.js';
import { toShellRecording, type StartedRecording } from '../shell/recordings.js';
import { line, SHELL_WINDOW_CHARS, type ShellRecording, type SystemLine } from '../protocol/index.js';

/** At most this many shells open in one session at once. */
export const MAX_SHELLS_PER_SESSION = 8;

interface OpenShell {
  shellId: number;
  sessionId: string;
  userId: number;
  userName: string;
  conn: ConsoleConnection;
  channel: ShellChannel;
  hostname: string;
  flow: ShellFlow;
  recording: StartedRecording | null;
}

/** Bytes queued on the console's socket, and for the recording's files, before a shell is paused / resumed (shell/flow.ts). */
const BACKLOG = { socketHigh: 2 * 1024 * 1024, socketLow: 512 * 1024, filesHigh: 8 * 1024 * 1024, filesLow: 2 * 1024 * 1024 };

export class SessionTools {
  private readonly shells = new Map<number, OpenShell>();
  private readonly hooked = new WeakSet<ConsoleConnection>();
  private readonly narrator: Narrator;
  private nextShell = 1;

  constructor(private readonly app: AppContext) {
    this.narrator = new Narrator(app.repos, app.view, app.bus);
    app.bus.subscribe((e) => {
      // The session ended: every shell in it closes. A rep left or was removed: their shells close.
      if (e.type === 'customer.ended') this.closeWhere((s) => s.sessionId === e.sessionId);
      else if (e.type === 'session.closed') this.closeWhere((s) => s.sessionId === e.sessionId && e.recipients.includes(s.userId));
    });
  }

  async openShell(actor: Actor, conn: ConsoleConnection, p: { sessionId: string; cols: number; rows: number; binary?: boolean }): Promise<{ shellId: number; recordingId: number | null }> {
    const endpoint = this.endpointFor(actor, p.sessionId, (role) => ({ kind: 'session.shell', role }), 'command_shell');
    if ([...this.shells.values()].filter((s) => s.sessionId === p.sessionId).length >= MAX_SHELLS_PER_SESSION) throw new CodedError('E_SHELL_LIMIT');
    const channel = await endpoint.openShell({ cols: p.cols, rows: p.rows });
    // The console went away while the endpoint was starting the shell: nobody would ever close it.
    if (conn.socket.readyState !== conn.socket.OPEN || conn.actor?.user.id !== actor.user.id) {
      channel.close();
      throw new CodedError('E_SHELL_NOT_FOUND');
    }
    let recording: StartedRecording | null = null;
    try {
      recording = this.app.recordings?.start({ sessionId: p.sessionId, userId: actor.user.id, hostname: endpoint.hostname, cols: p.cols, rows: p.rows }) ?? null;
    } catch (err) {
      channel.close();
      this.app.log.error({ err, sessionId: p.sessionId }, 'the shell recording could not be created');
      throw new CodedError('E_INTERNAL', 'The command shell could not be recorded, so it was not opened.');
    }
    const backlog = { socket: () => conn.socket.bufferedAmount, files: () => recording?.recorder.pending() ?? 0 };
    const flow = new ShellFlow({ window: SHELL_WINDOW_CHARS, low: SHELL_WINDOW_CHARS / 4, ...BACKLOG }, backlog, {
      pause: () => channel.pause?.(),
      resume: () => channel.resume?.(),
    });
    const shell: OpenShell = {
      shellId: this.nextShell++,
      sessionId: p.sessionId,
      userId: actor.user.id,
      userName: actor.user.publicDisplayName,
      conn,
      channel,
      hostname: endpoint.hostname,
      flow,
      recording,
    };
    this.shells.set(shell.shellId, shell);
    this.hook(conn);
    // Output to the console (bytes or text, as it asked) and the recording: shell/output-pump.ts.
    const pump = new ShellOutputPump({
      shellId: shell.shellId,
      binary: p.binary ?? false,
      recorder: () => (recording?.recorder.recording ? recording.recorder : null),
      sendBytes: (message) => {
        if (conn.actor?.user.id === shell.userId) conn.sendBinary(message);
      },
      sendJson: (json) => {
        if (conn.actor?.user.id === shell.userId) conn.sendEventJson('session.shell.output', `{"shellId":${shell.shellId},"data":${json}}`);
      },
      sent: (units) => flow.sent(units),
    });
    channel.onData((data) => pump.push(data));
    channel.onExit((code) => {
      pump.flush(); // the last output goes before the exit
      this.ended(shell, code);
    });
    this.log(shell, 'shell.open', line('shell.opened', { name: shell.userName, host: shell.hostname }));
    return { shellId: shell.shellId, recordingId: recording?.record.id ?? null };
  }

  /** The console wrote `chars` more characters (bytes, for a binary console) of this shell's output to its terminal. */
  ack(actor: Actor, p: { shellId: number; chars: number }): void {
    this.mine(actor, p.shellId).flow.acked(p.chars);
  }

  /** The session's recordings this rep may download: their own shells', or all with View Reports. */
  recordings(actor: Actor, sessionId: string): ShellRecording[] {
    authorize(actor, { kind: 'session.member', role: this.app.repos.members.role(sessionId, actor.user.id) });
    const all = this.app.recordings?.forSession(sessionId) ?? [];
    return all.filter((r) => isAllowed(actor, { kind: 'recording.view', own: r.userId === actor.user.id })).map(toShellRecording);
  }

  input(actor: Actor, p: { shellId: number; data: string }): void {
    this.mine(actor, p.shellId).channel.write(p.data);
  }

  resize(actor: Actor, p: { shellId: number; cols: number; rows: number }): void {
    const s = this.mine(actor, p.shellId);
    s.channel.resize(p.cols, p.rows);
    s.recording?.recorder.resize(p.cols, p.rows);
  }

  close(actor: Actor, p: { shellId: number }): void {
    this.mine(actor, p.shellId).channel.close();
  }

  async systemInfo(actor: Actor, sessionId: string): Promise<EndpointSystemInfo> {
    const endpoint = this.endpointFor(actor, sessionId, (role) => ({ kind: 'session.systemInfo', role }), 'system_info');
    if (!endpoint.systemInfo) throw new CodedError('E_ENDPOINT_UNSUPPORTED');
    const info = await endpoint.systemInfo();
    this.app.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'systeminfo.view', { hostname: endpoint.hostname }, iso(this.app.clock));
    return info;
  }

  async listFiles(actor: Actor, sessionId: string, path: string): Promise<EndpointFileListing> {
    const endpoint = this.endpointFor(actor, sessionId, (role) => ({ kind: 'session.files', role }), 'file_transfer');
    if (!endpoint.listFiles) throw new CodedError('E_ENDPOINT_UNSUPPORTED');
    return endpoint.listFiles(path);
  }

  /** The session's endpoint, once the actor may use this tool on it (and the customer allowed it, on their own machine). */
  private endpointFor(actor: Actor, sessionId: string, action: (role: ReturnType<AppContext['repos']['members']['role']>) => Action, prompt: PromptKind): Endpoint {
    authorize(actor, action(this.app.repos.members.role(sessionId, actor.user.id)));
    const s = this.app.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    if (s.status !== 'active') throw new CodedError('E_SESSION_NOT_ACTIVE');
    const endpoint = this.app.endpoints.forSession(sessionId);
    if (!endpoint) throw new CodedError('E_ENDPOINT_OFFLINE');
    // A customer's own machine (joined by key, no Jump Item): the customer must have said yes.
    if (endpoint.jumpItemId === null && !this.app.repos.prompts.list(sessionId).some((x) => x.kind === prompt && x.state === 'allowed')) {
      throw new CodedError(prompt === 'command_shell' ? 'E_SHELL_PROMPT_REQUIRED' : 'E_FORBIDDEN', prompt === 'command_shell' ? undefined : 'The customer has not allowed this. Ask for permission first.');
    }
    return endpoint;
  }

  private mine(actor: Actor, shellId: number): OpenShell {
    const s = this.shells.get(shellId);
    if (!s || s.userId !== actor.user.id) throw new CodedError('E_SHELL_NOT_FOUND');
    return s;
  }

  private ended(shell: OpenShell, code: number | null): void {
    if (!this.shells.delete(shell.shellId)) return;
    shell.flow.dispose();
    if (shell.conn.actor?.user.id === shell.userId) shell.conn.sendEvent('session.shell.exit', { shellId: shell.shellId, code });
    this.log(shell, 'shell.close', line('shell.closed', { host: shell.hostname }), { code });
    const started = shell.recording;
    if (!started || !this.app.recordings) return;
    this.app.recordings.finish(started, code).then(
      (r) => this.event(shell, 'shell.recording', { recordingId: r.id, castUrl: toShellRecording(r).castUrl, textUrl: toShellRecording(r).textUrl, castBytes: r.castBytes, textBytes: r.textBytes, truncated: r.truncated }),
      (err: unknown) => this.app.log.error({ err, recordingId: started.record.id }, 'finishing a shell recording failed'),
    );
  }

  /** A session-log event without a chat line. */
  private event(shell: OpenShell, kind: string, data: Record<string, unknown>): void {
    try {
      if (this.app.repos.sessions.byId(shell.sessionId)) this.app.repos.sessions.addEvent(shell.sessionId, `rep:${shell.userId}`, kind, { shellId: shell.shellId, ...data }, iso(this.app.clock));
    } catch (err) {
      this.app.log.error({ err, sessionId: shell.sessionId }, 'writing to the session log failed');
    }
  }

  private log(shell: OpenShell, kind: string, said: SystemLine, extra: Record<string, unknown> = {}): void {
    try {
      const data = { shellId: shell.shellId, hostname: shell.hostname, recordingId: shell.recording?.record.id ?? null, ...extra };
      this.narrator.record(shell.sessionId, `rep:${shell.userId}`, kind, data, said, iso(this.app.clock));
    } catch (err) {
      this.app.log.error({ err, sessionId: shell.sessionId }, 'writing the shell to the session log failed');
    }
  }

  private closeWhere(pred: (s: OpenShell) => boolean): void {
    for (const s of [...this.shells.values()]) if (pred(s)) s.channel.close();
  }

  /** A console that goes away takes its shells with it. */
  private hook(conn: ConsoleConnection): void {
    if (this.hooked.has(conn)) return;
    this.hooked.add(conn);
    conn.socket.once('close', () => this.closeWhere((s) => s.conn === conn));
  }
}

const perApp = new WeakMap<AppContext, SessionTools>();

/** The appliance's one SessionTools (created on first use). */
export function sessionTools(app: AppContext): SessionTools {
  let t = perApp.get(app);
  if (!t) perApp.set(app, (t = new SessionTools(app)));
  return t;
}
