/**
 * The appliance's view of one connected agent as an Endpoint: session tools call openShell /
 * systemInfo / listFiles, and this proxies them over the agent protocol to the agent's socket (or
 * to an emulated agent in-process: same frames, same code).
 */
import {
  AGENT_SHELL_OUTPUT, unwrapShellOutput,
  CodedError, MAX_SHELL_CHUNK, agentEvents, agentMethods, applianceEvents, applianceMethods, type EndpointFileListing, type EndpointSystemInfo,
} from '../protocol/index.js';
import type { ConsentQuestion, Endpoint, EndpointPresence, ShellChannel } from '../domain/endpoints.js';
import type { ConsentAnswer } from '../protocol/index.js';
import type { EndpointElevationRequest } from '../domain/endpoints.js';
import type { InstalledSupportButton } from '../protocol/index.js';
import type { EndpointFiles } from '../domain/endpoint-files.js';
import type { Peer } from '../agent/peer.js';

export type ApplianceSidePeer = Peer<typeof agentMethods, typeof agentEvents, typeof applianceMethods, typeof applianceEvents>;

/** At most this many shells open on one endpoint at once. */
export const MAX_SHELLS_PER_ENDPOINT = 16;

class AgentShellChannel implements ShellChannel {
  private readonly dataListeners: ((data: string | Uint8Array) => void)[] = [];
  private readonly exitListeners: ((code: number | null) => void)[] = [];
  private ended = false;
  /**
   * Output that arrives before anyone listens: the shell's first prompt can come in the same read
   * as the answer to shell.open, before the awaiting code has attached its listener. Kept, not lost.
   */
  private early: (string | Uint8Array)[] | null = [];

  constructor(
    readonly channelId: number,
    private readonly peer: ApplianceSidePeer,
    private readonly forget: (id: number) => void,
  ) {}

  write(data: string): void {
    if (this.ended) return;
    for (let i = 0; i < data.length; i += MAX_SHELL_CHUNK) this.peer.event('shell.input', { channelId: this.channelId, data: data.slice(i, i + MAX_SHELL_CHUNK) });
  }

  resize(cols: number, rows: number): void {
    if (!this.ended) this.peer.event('shell.resize', { channelId: this.channelId, cols, rows });
  }

  pause(): void {
    if (!this.ended) this.peer.event('shell.pause', { channelId: this.channelId });
  }

  resume(): void {
    if (!this.ended) this.peer.event('shell.resume', { channelId: this.channelId });
  }

  close(): void {
    if (this.ended) return;
    this.peer.event('shell.close', { channelId: this.channelId });
    this.exited(null);
  }

  onData(listener: (data: string | Uint8Array) => void): void {
    this.dataListeners.push(listener);
    const early = this.early;
    this.early = null;
    if (early) for (const d of early) listener(d);
  }

  onExit(listener: (code: number | null) => void): void {
    if (this.ended) listener(null);
    else this.exitListeners.push(listener);
  }

  data(data: string | Uint8Array): void {
    if (this.ended) return;
    if (this.early) this.early.push(data);
    else for (const l of this.dataListeners) l(data);
  }

  exited(code: number | null): void {
    if (this.ended) return;
    this.ended = true;
    this.forget(this.channelId);
    for (const l of this.exitListeners.splice(0)) l(code);
    this.dataListeners.length = 0;
  }
}

export class AgentEndpoint implements Endpoint {
  private readonly channels = new Map<number, AgentShellChannel>();
  private nextChannel = 1;
  private presenceValue: EndpointPresence;
  /** File Transfer over this agent (set by the gateway: ws/agent-files.ts). */
  files?: EndpointFiles;

  constructor(
    private readonly peer: ApplianceSidePeer,
    readonly jumpItemId: number | null,
    readonly hostname: string,
    readonly kind: 'agent' | 'emulated',
    presence: EndpointPresence,
  ) {
    this.presenceValue = presence;
  }

  presence(): EndpointPresence {
    return this.presenceValue;
  }

  setPresence(p: EndpointPresence): void {
    this.presenceValue = p;
  }

  async openShell(size: { cols: number; rows: number }): Promise<ShellChannel> {
    if (!this.peer.open) throw new CodedError('E_ENDPOINT_OFFLINE');
    if (this.channels.size >= MAX_SHELLS_PER_ENDPOINT) throw new CodedError('E_SHELL_LIMIT');
    const channelId = this.nextChannel++;
    const channel = new AgentShellChannel(channelId, this.peer, (id) => this.channels.delete(id));
    this.channels.set(channelId, channel);
    try {
      // binary: an agent that can sends its output as bytes (protocol/shell-frames.ts); an emulated one sends text.
      await this.peer.request('shell.open', { channelId, cols: size.cols, rows: size.rows, binary: true });
    } catch (e) {
      this.channels.delete(channelId);
      throw e;
    }
    return channel;
  }

  systemInfo(): Promise<EndpointSystemInfo> {
    return this.peer.request('system.info', {});
  }

  listFiles(path: string): Promise<EndpointFileListing> {
    return this.peer.request('files.list', { path });
  }

  async elevate(request: EndpointElevationRequest): Promise<{ account: string }> {
    // A person may take a while to read a consent prompt.
    const r = await this.peer.request('endpoint.elevate', request, request.method === 'prompt' ? 120_000 : undefined);
    return { account: r.account };
  }

  async installSupportButton(button: InstalledSupportButton): Promise<void> {
    await this.peer.request('supportButton.install', button);
  }

  async removeSupportButton(buttonId: number): Promise<void> {
    await this.peer.request('supportButton.remove', { buttonId });
  }

  /** Jump Policy prompting: the agent asks its user; the answer must come within the policy's timeout (plus the round trip). */
  async askConsent(q: ConsentQuestion): Promise<ConsentAnswer> {
    const { answer } = await this.peer.request('consent.ask', q, q.timeoutSeconds * 1000 + 5000);
    return answer;
  }

  /** shell.output from the agent (text), or its binary output message (bytes). */
  shellOutput(channelId: number, data: string | Uint8Array): void {
    this.channels.get(channelId)?.data(data);
  }

  /** A binary message from the agent: shell output ("RSO1"), or refused. */
  binaryMessage(bytes: Uint8Array): void {
    const frame = unwrapShellOutput(AGENT_SHELL_OUTPUT, bytes);
    if (!frame) throw new CodedError('E_BAD_ENVELOPE', 'This binary message is not shell output.');
    this.shellOutput(frame.id, frame.data);
  }

  /** shell.exit from the agent. */
  shellExit(channelId: number, code: number | null): void {
    this.channels.get(channelId)?.exited(code);
  }

  /** The agent's connection dropped: every shell on it has ended. */
  dropped(): void {
    for (const c of [...this.channels.values()]) c.exited(null);
  }
}
