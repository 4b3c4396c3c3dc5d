/**
 * The demo fleet's Jump Clients, emulated in-process. Each speaks the real agent protocol (agent.hello,
 * agent.presence, shell.*, files.list, system.info) over an in-memory transport to the same /ws/agent
 * gateway code a `rep-appliance jump-client` reaches over the network, so their Jump Items are Active
 * because an agent is connected, exactly like a real one's. They answer with a small emulated shell,
 * a synthetic home folder and synthetic but consistent system information.
 */
import {
  CodedError, agentEvents, agentMethods, applianceEvents, applianceMethods, type ApplianceResult, type EndpointFileListing, type EndpointSystemInfo, type JumpItem,
} from '../protocol/index.js';
import type { AgentService } from '../domain/agents.js';
import type { Repositories } from '../domain/ports.js';
import type { Logger } from '../log.js';
import { Peer, type Transport } from '../agent/peer.js';
import { EmulatedShell, HOME_ENTRIES, homeDir, shortHostname, type EmulatedMachine } from './emulated-shell.js';
import { DEMO_FLEET } from './fleet.js';
import { emulatedSystemInfo } from './emulated-sysinfo.js';
import { emulatedEndpointHandlers } from './emulated-elevation.js';
import type { DataDialer } from '../agent/file-dialer.js';
import { fileHandlers } from '../agent/file-handlers.js';
import { FileStore } from '../agent/file-store.js';
import { sandboxVolumes } from './file-volumes.js';

/** Refuses data links (an emulated fleet started without the appliance's dialer). */
const NO_DIALER: DataDialer = {
  pull: () => Promise.reject(new CodedError('E_ENDPOINT_UNSUPPORTED')),
  push: () => Promise.reject(new CodedError('E_ENDPOINT_UNSUPPORTED')),
};

type AgentSidePeer = Peer<typeof applianceMethods, typeof applianceEvents, typeof agentMethods, typeof agentEvents>;

/** Who sits at a demo machine, from its Jump Item: servers run unattended, the reception PC waits at its login screen. */
export function machineFor(item: JumpItem): EmulatedMachine & { present: boolean } {
  const atLoginScreen = /login screen/i.test(item.comments);
  const server = /server|controller|sql|file-srv|web-|build|core-sw|fw-/i.test(`${item.name} ${item.hostname}`);
  const person = /–\s*([A-Z])\.\s*([A-Za-z]+)/.exec(item.name);
  let user: string | null;
  if (atLoginScreen) user = null;
  else if (person) user = `${person[1]!.toLowerCase()}${person[2]!.toLowerCase()}`;
  else if (item.os === 'windows') user = server ? 'Administrator' : 'support';
  else if (item.os === 'macos') user = 'designer';
  else user = server ? 'admin' : 'dev';
  return {
    hostname: item.hostname,
    os: item.os,
    user,
    domain: item.hostname.split('.')[1]?.toUpperCase() ?? 'WORKGROUP',
    privateIp: item.privateIp || '10.0.0.2',
    publicIp: item.publicIp,
    present: !server && !atLoginScreen,
  };
}

/**
 * A Jump Policy's prompt on a demo machine: whoever is logged in reads it and clicks Allow after a few
 * seconds (REP_DEMO_CONSENT_MS, default 2 s, plus up to 1 s that differs per machine); a machine at its
 * login screen has nobody to ask.
 */
export function demoConsent(machine: { hostname: string; user: string | null }, env: NodeJS.ProcessEnv = process.env): Promise<{ answer: 'allow' | 'none' }> {
  if (machine.user === null) return Promise.resolve({ answer: 'none' });
  const base = Number(env.REP_DEMO_CONSENT_MS ?? 2000);
  const jitter = base > 0 ? [...machine.hostname].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1000, 7) : 0;
  return new Promise((res) => setTimeout(() => res({ answer: 'allow' }), Math.max(0, base) + jitter).unref());
}

export class EmulatedAgent {
  readonly peer: AgentSidePeer;
  private readonly shells = new Map<number, EmulatedShell>();

  constructor(
    transport: Transport,
    private readonly machine: EmulatedMachine & { present: boolean },
    private readonly log?: Logger,
    /** Where the machines' sandbox directories live (their shells' files). */
    private readonly sandboxRoot?: string,
    /** File Transfer's data links (the appliance's in-process dialer); without one, transfers are refused. */
    dialer: DataDialer = NO_DIALER,
  ) {
    this.peer = new Peer(transport, {
      accepts: { methods: applianceMethods, events: applianceEvents },
      asks: agentMethods,
      handlers: {
        'shell.open': (p) => {
          if (this.machine.os === 'ios') throw new CodedError('E_ENDPOINT_UNSUPPORTED', 'An iOS device has no command shell.');
          if (this.shells.has(p.channelId)) throw new CodedError('E_BAD_PARAMS', 'That channel is already open.');
          const shell = new EmulatedShell(
            this.machine,
            (data) => this.peer.event('shell.output', { channelId: p.channelId, data }),
            (code) => {
              this.shells.delete(p.channelId);
              this.peer.event('shell.exit', { channelId: p.channelId, code });
            },
            { ...(this.sandboxRoot ? { sandboxRoot: this.sandboxRoot } : {}) },
          );
          this.shells.set(p.channelId, shell);
          // After the answer to shell.open, so the banner arrives on an open channel.
          setImmediate(() => shell.start());
          return {};
        },
        'files.list': (p) => this.listFiles(p.path),
        'system.info': () => emulatedSystemInfo(this.machine),
        'consent.ask': () => demoConsent(this.machine),
        ...emulatedEndpointHandlers(this.machine),
        ...fileHandlers(new FileStore(sandboxVolumes(this.sandboxRoot, machine)), dialer),
      },
      events: {
        'shell.input': (d) => this.shells.get(d.channelId)?.input(d.data),
        'shell.resize': () => undefined,
        'shell.close': (d) => {
          this.shells.get(d.channelId)?.stop();
          this.shells.delete(d.channelId);
        },
        'shell.pause': (d) => this.shells.get(d.channelId)?.pause(),
        'shell.resume': (d) => this.shells.get(d.channelId)?.resume(),
      },
      onInternalError: (err, method) => this.log?.error({ err, method, hostname: machine.hostname }, 'emulated agent failed'),
    });
  }

  /** Says hello with the identity the appliance provisioned for this machine. */
  async hello(identity: { agentId: number; secret: string }): Promise<void> {
    await this.peer.request('agent.hello', { ...identity, presence: this.machine.present ? 'present' : 'absent', hostname: this.machine.hostname });
  }

  private listFiles(path: string): ApplianceResult<'files.list'> {
    const m = this.machine;
    const home = homeDir(m);
    const win = m.os === 'windows';
    const norm = (p: string) => (win ? p.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase() : p.replace(/\/+$/, ''));
    const target = path.trim() === '' || path === '~' ? home : path;
    if (/(^|[\\/])\.\.([\\/]|$)/.test(target)) throw new CodedError('E_PATH_NOT_ALLOWED');
    const rel = norm(target).startsWith(norm(home)) ? norm(target).slice(norm(home).length) : null;
    if (rel === null || (rel !== '' && !/^[\\/]/.test(rel))) throw new CodedError('E_PATH_NOT_ALLOWED');
    const at = '2026-11-18T09:12:00.000Z';
    const sep = win ? '\\' : '/';
    let entries: EndpointFileListing['entries'];
    if (rel === '') {
      entries = HOME_ENTRIES.map((e) => ({ name: e.name, kind: e.dir ? 'dir' : 'file', size: e.size, modifiedAt: at, hidden: false }));
      entries.push({ name: win ? 'AppData' : '.config', kind: 'dir', size: 0, modifiedAt: at, hidden: true });
    } else {
      const first = rel.slice(1).split(/[\\/]/)[0]!;
      const known = HOME_ENTRIES.find((e) => e.dir && (win ? e.name.toLowerCase() === first : e.name === first));
      if (!known || rel.slice(1).split(/[\\/]/).length > 1) throw new CodedError('E_PATH_NOT_FOUND');
      entries = known.name === 'Documents' ? [{ name: 'Quarterly report.xlsx', kind: 'file', size: 48_211, modifiedAt: at, hidden: false }, { name: 'Printer setup.pdf', kind: 'file', size: 190_553, modifiedAt: at, hidden: false }] : [];
    }
    return { path: rel === '' ? home : `${home}${sep}${rel.slice(1)}`, roots: [home], entries };
  }

}

/**
 * Connects the demo site's online Jump Clients (pinned items the demo fleet lists as Active) through
 * `connect()` — the gateway's in-memory connection. Resolves once every one has said hello.
 */
export async function startEmulatedFleet(
  repos: Pick<Repositories, 'jump'>,
  agents: AgentService,
  connect: () => Transport,
  log: Logger,
  sandboxRoot?: string,
  dialer?: DataDialer,
): Promise<{ count: number; stop: () => void }> {
  const online = new Set(DEMO_FLEET.filter((f) => f.method === 'pinned' && f.status === 'active').map((f) => f.hostname));
  const { items } = repos.jump.search({ search: '', groupId: null, visibleGroupIds: null, ownerIds: [], offset: 0, limit: 10_000 });
  const started: EmulatedAgent[] = [];
  for (const item of items) {
    if (item.method !== 'pinned' || !online.has(item.hostname)) continue;
    const agent = new EmulatedAgent(connect(), machineFor(item), log, sandboxRoot, dialer);
    try {
      await agent.hello(agents.provisionEmulated(item.id));
      started.push(agent);
    } catch (err) {
      log.warn({ err, jumpItemId: item.id }, 'emulated Jump Client could not connect');
      agent.peer.close();
    }
  }
  return { count: started.length, stop: () => started.forEach((a) => a.peer.close(1001, 'stopping')) };
}
