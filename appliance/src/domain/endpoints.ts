/**
 * The machines behind Jump Items and sessions, behind one interface: live agents (a remote
 * `rep-appliance jump-client` / `customer` process over /ws/agent) and the demo fleet's emulated
 * agents in-process. Session tools (shell, files, system info) talk to an Endpoint and never ask
 * which kind it is. The hub is in memory on purpose: which agent socket is connected to which
 * appliance process is process-local state, like the console sockets.
 */
import type { EndpointFileListing, EndpointSystemInfo } from '../protocol/index.js';
import type { ConsentAnswer } from '../protocol/index.js';
import type { EndpointFiles } from './endpoint-files.js';
import type { InstalledSupportButton } from '../protocol/index.js';

/** What the end user is asked before a Jump starts. */
export interface ConsentQuestion {
  repName: string;
  itemName: string;
  policyName: string;
  timeoutSeconds: number;
}

/** Whether someone is at the endpoint to answer a prompt (attended) — the agent reports it. */
export type EndpointPresence = 'present' | 'absent' | 'unknown';

/** One interactive shell on an endpoint. */
export interface ShellChannel {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
  /** Text, or bytes (UTF-8, a character possibly split between two calls) from an agent that sends binary output. */
  onData(listener: (data: string | Uint8Array) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Flow control: stop sending output until resume() (the rep's console is behind). */
  pause?(): void;
  resume?(): void;
}

export interface Endpoint {
  /** The Jump Item this endpoint answers for (null for a customer-client agent joined by key). */
  readonly jumpItemId: number | null;
  readonly hostname: string;
  /** 'agent' for a real process over the network, 'emulated' for the demo fleet. */
  readonly kind: 'agent' | 'emulated';
  /**
   * The customer client runs elevated (system service): set by Elevate, read by screen sharing
   * (privacy screen, disabling customer input, UAC dialogs). Absent = not elevated.
   */
  elevated?: boolean;
  presence(): EndpointPresence;
  openShell(size: { cols: number; rows: number }): Promise<ShellChannel>;
  /** System information (hostname, OS, CPU, memory, disks, network), where the endpoint offers it. */
  systemInfo?(): Promise<EndpointSystemInfo>;
  /** One directory within the endpoint's allowed paths ('' = its first root); outside them: E_PATH_NOT_ALLOWED. */
  listFiles?(path: string): Promise<EndpointFileListing>;
  /** File Transfer (domain/endpoint-files.ts), where the endpoint offers it. */
  files?: EndpointFiles;
  /** Asks the person at the endpoint to allow a Jump (Jump Policy prompting); 'none': nobody answered in time. */
  askConsent?(question: ConsentQuestion): Promise<ConsentAnswer>;
  /** Elevate: administrator consent from the person there, or credentials the endpoint checks (domain/elevation-service.ts). */
  elevate?(request: EndpointElevationRequest): Promise<{ account: string }>;
  /** Support Buttons: put one on the computer (it keeps the token) or take it off. */
  installSupportButton?(button: InstalledSupportButton): Promise<void>;
  removeSupportButton?(buttonId: number): Promise<void>;
  /**
   * Inject Credentials (FEATURES.md §F): log this user in at the login screen. Absent = the client
   * cannot (E_INJECT_UNSUPPORTED); emulated endpoints inject into their virtual desktop instead
   * (domain/credential-injection.ts). Refusals are CodedErrors and never echo the secret.
   */
  injectCredentials?(secret: import('./credential-sources.js').CredentialSecret): Promise<void>;
}

export type EndpointElevationRequest = { method: 'prompt'; requestedBy: string } | { method: 'specific_user'; username: string; password: string };

export interface EndpointHub {
  /** The connected endpoint behind a Jump Item, or null when nothing answers for it (Offline). */
  forJumpItem(jumpItemId: number): Endpoint | null;
  /** The endpoint a session is attached to, or null. */
  forSession(sessionId: string): Endpoint | null;
  /** Registers a connected endpoint; returns the function that removes it when it drops. */
  register(endpoint: Endpoint): () => void;
  bindSession(sessionId: string, endpoint: Endpoint): void;
  unbindSession(sessionId: string): void;
}

export class InMemoryEndpointHub implements EndpointHub {
  private readonly byItem = new Map<number, Endpoint>();
  private readonly bySession = new Map<string, Endpoint>();

  forJumpItem(jumpItemId: number): Endpoint | null {
    return this.byItem.get(jumpItemId) ?? null;
  }

  forSession(sessionId: string): Endpoint | null {
    return this.bySession.get(sessionId) ?? null;
  }

  register(endpoint: Endpoint): () => void {
    if (endpoint.jumpItemId !== null) this.byItem.set(endpoint.jumpItemId, endpoint);
    return () => {
      if (endpoint.jumpItemId !== null && this.byItem.get(endpoint.jumpItemId) === endpoint) this.byItem.delete(endpoint.jumpItemId);
      for (const [sid, e] of this.bySession) if (e === endpoint) this.bySession.delete(sid);
    };
  }

  bindSession(sessionId: string, endpoint: Endpoint): void {
    this.bySession.set(sessionId, endpoint);
  }

  unbindSession(sessionId: string): void {
    this.bySession.delete(sessionId);
  }
}
