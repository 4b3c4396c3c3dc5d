/**
 * The Command Shell tabs of one open session (SHELL 1, SHELL 2, …): each tab is a shell on the
 * session's endpoint and an xterm terminal that outlives the component showing it, so switching to
 * Screen Sharing and back keeps every shell and its scrollback. Output is written to the terminal and
 * acknowledged once written (`session.shell.ack`), which is what lets the appliance keep a flood of
 * output from piling up anywhere (flow control, shell-messages.ts). Shells are opened with `binary`:
 * output comes as bytes ("RSH1" messages, shell-frames.ts) that xterm decodes itself, and acks count
 * bytes.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { CONSOLE_SHELL_OUTPUT, MAX_SHELL_CHUNK, SHELL_ACK_EVERY_CHARS, recordingUrl, unwrapShellOutput } from '../../../../../appliance/src/protocol/index.js';
import { messageOf, type ConsoleClient } from '../../../../lib/client.js';
import { t } from '../../../../lib/i18n/index.svelte.js';

export type TabState = 'opening' | 'open' | 'exited' | 'failed';

let nextKey = 1;

export class ShellTab {
  readonly key = nextKey++;
  readonly term: Terminal;
  readonly fit = new FitAddon();
  shellId = $state<number | null>(null);
  state = $state<TabState>('opening');
  error = $state<string | null>(null);
  exitCode = $state<number | null>(null);
  recordingId = $state<number | null>(null);
  private toAck = 0;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly title: string,
    private readonly client: ConsoleClient,
  ) {
    this.term = new Terminal({
      cursorBlink: true,
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Consolas, Menlo, monospace',
      fontSize: 13,
      scrollback: 5000,
      theme: { background: '#111827', foreground: '#e5e7eb', cursor: '#93c5fd', selectionBackground: '#374151' },
    });
    this.term.loadAddon(this.fit);
    this.term.onData((data) => this.send(data));
    this.term.onResize(({ cols, rows }) => {
      if (this.shellId !== null && this.state === 'open') this.client.call('session.shell.resize', { shellId: this.shellId, cols, rows }).catch(() => undefined);
    });
  }

  get castUrl(): string | null {
    return this.recordingId === null ? null : recordingUrl(this.recordingId, 'cast');
  }

  get textUrl(): string | null {
    return this.recordingId === null ? null : recordingUrl(this.recordingId, 'txt');
  }

  /** Keystrokes and pasted text, in chunks the protocol carries. */
  send(data: string): void {
    if (this.shellId === null || this.state !== 'open') return;
    for (let i = 0; i < data.length; i += MAX_SHELL_CHUNK) {
      this.client.call('session.shell.input', { shellId: this.shellId, data: data.slice(i, i + MAX_SHELL_CHUNK) }).catch(() => undefined);
    }
  }

  /** Output from the shell: written, then acknowledged (in batches) so more may come. */
  output(data: string | Uint8Array): void {
    this.term.write(data, () => {
      this.toAck += data.length;
      if (this.toAck >= SHELL_ACK_EVERY_CHARS) this.flushAck();
      else this.ackTimer ??= setTimeout(() => this.flushAck(), 25);
    });
  }

  exited(code: number | null): void {
    this.flushAck();
    this.state = 'exited';
    this.exitCode = code;
    this.term.write(`\r\n\x1b[90m[${code !== null ? t('console.session.shell.closedCode', { code }) : t('console.session.shell.closed')}]\x1b[0m\r\n`);
  }

  private flushAck(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    const chars = this.toAck;
    this.toAck = 0;
    if (chars > 0 && this.shellId !== null && this.state === 'open') this.client.call('session.shell.ack', { shellId: this.shellId, chars }).catch(() => undefined);
  }

  dispose(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.term.dispose();
  }
}

export class ShellTabs {
  tabs = $state<ShellTab[]>([]);
  activeKey = $state<number | null>(null);
  private opened = 0;
  /** Output for a shell whose open answer has not arrived yet. */
  private early = new Map<number, (string | Uint8Array)[]>();
  private readonly off: (() => void)[];

  constructor(
    private readonly client: ConsoleClient,
    readonly sessionId: string,
  ) {
    this.off = [
      client.on('session.shell.output', (d) => this.output(d.shellId, d.data)),
      client.onBinary((bytes) => {
        const frame = unwrapShellOutput(CONSOLE_SHELL_OUTPUT, bytes);
        if (frame) this.output(frame.id, frame.data);
      }),
      client.on('session.shell.exit', (d) => this.byShell(d.shellId)?.exited(d.code)),
    ];
  }

  private output(shellId: number, data: string | Uint8Array): void {
    const tab = this.byShell(shellId);
    if (tab) tab.output(data);
    // Output can come before the answer to session.shell.open (the first prompt): kept for the tab.
    else if (this.tabs.some((t) => t.state === 'opening')) this.early.set(shellId, [...(this.early.get(shellId) ?? []), data]);
  }

  get active(): ShellTab | null {
    return this.tabs.find((t) => t.key === this.activeKey) ?? null;
  }

  /** Opens a new shell tab (SHELL n) sized like the pane. */
  async open(cols = 80, rows = 24): Promise<ShellTab> {
    const tab = new ShellTab(`SHELL ${++this.opened}`, this.client);
    tab.term.resize(cols, rows);
    this.tabs.push(tab);
    this.activeKey = tab.key;
    try {
      const r = await this.client.call('session.shell.open', { sessionId: this.sessionId, cols, rows, binary: true });
      tab.shellId = r.shellId;
      tab.recordingId = r.recordingId ?? null;
      tab.state = 'open';
      for (const d of this.early.get(r.shellId) ?? []) tab.output(d);
      this.early.delete(r.shellId);
      // The pane may have been resized while the shell was starting.
      if (tab.term.cols !== cols || tab.term.rows !== rows) void this.client.call('session.shell.resize', { shellId: r.shellId, cols: tab.term.cols, rows: tab.term.rows }).catch(() => undefined);
    } catch (e) {
      tab.state = 'failed';
      tab.error = messageOf(e);
    }
    return this.tabs.find((t) => t.key === tab.key) ?? tab;
  }

  /** Closes a tab (and its shell, when still open). */
  close(key: number): void {
    const i = this.tabs.findIndex((t) => t.key === key);
    const tab = this.tabs[i];
    if (!tab) return;
    if (tab.shellId !== null && tab.state === 'open') this.client.call('session.shell.close', { shellId: tab.shellId }).catch(() => undefined);
    tab.dispose();
    this.tabs.splice(i, 1);
    if (this.activeKey === key) this.activeKey = (this.tabs[i] ?? this.tabs[i - 1])?.key ?? null;
  }

  private byShell(shellId: number): ShellTab | undefined {
    return this.tabs.find((t) => t.shellId === shellId);
  }

  dispose(): void {
    for (const t of [...this.tabs]) this.close(t.key);
    for (const off of this.off) off();
  }
}

const perSession = new Map<string, ShellTabs>();

/** The session's shell tabs (kept while the console runs, so a tool switch loses nothing). */
export function shellTabsFor(client: ConsoleClient, sessionId: string): ShellTabs {
  let t = perSession.get(sessionId);
  if (!t) perSession.set(sessionId, (t = new ShellTabs(client, sessionId)));
  return t;
}
