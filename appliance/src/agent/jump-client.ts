/**
 * `rep-appliance jump-client`: installs this machine as a Jump Client of a site. The first start
 * trades the installer key for an identity saved in the install directory; every later start says
 * hello with it (no key needed). It stays connected, reconnecting with backoff, and gives the rep a
 * real shell, the files within the allowed paths, and real system information. Logs go to stderr.
 */
import { hostname } from 'node:os';
import { CodedError } from '../protocol/index.js';
import type { JumpClientArgs } from './args.js';
import { rmSync } from 'node:fs';
import { configPath, readConfig, sameSite, writeConfig, type JumpClientConfig } from './config.js';
import { AgentRunner, type AgentSidePeer } from './connection.js';
import { consentResponder, defaultConsentMode } from './consent.js';
import { resolveRoots } from './files.js';
import { endpointOs, privateIp } from './sysinfo.js';

/** Refusals a retry cannot fix: the agent stops and says why. */
export const JUMP_CLIENT_FATAL = [
  'E_AGENT_AUTH_INVALID',
  'E_INSTALLER_KEY_INVALID',
  'E_INSTALLER_KEY_EXPIRED',
  'E_INSTALLER_KEY_USED',
  'E_JUMP_GROUP_NOT_FOUND',
  'E_JUMP_GROUP_REQUIRED',
  'E_BAD_PARAMS',
] as const;

export function stderrLog(prefix: string): (line: string) => void {
  return (line) => process.stderr.write(`${new Date().toISOString()} ${prefix}: ${line}\n`);
}

/** Someone is at this computer when the agent runs in a desktop or terminal session. */
export function detectPresence(env: NodeJS.ProcessEnv = process.env): 'present' | 'absent' {
  if (process.stdin.isTTY || env.DISPLAY || env.WAYLAND_DISPLAY || process.platform === 'win32' || process.platform === 'darwin') return 'present';
  return 'absent';
}

export interface RunningAgent {
  done: Promise<number>;
  stop(): void;
}

export async function startJumpClient(args: JumpClientArgs, log = stderrLog('jump-client')): Promise<RunningAgent> {
  let config: JumpClientConfig | null = readConfig(args.installDir);
  if (config && !sameSite(config.site, args.site)) {
    throw new CodedError('E_BAD_PARAMS', `${configPath(args.installDir)} belongs to ${config.site}, not ${args.site}: use another --install-dir.`);
  }
  if (!config && !args.key) throw new CodedError('E_BAD_PARAMS', `This Jump Client is not installed yet (${configPath(args.installDir)} is missing): pass --key with an installer key.`);
  const roots = await resolveRoots(args.allowPaths);
  const host = hostname();
  const presence = args.presence ?? detectPresence();
  const consentMode = args.consent ?? defaultConsentMode();

  const register = async (peer: AgentSidePeer) => {
    const r = await peer.request('agent.register', {
      installerKey: args.key!,
      hostname: host,
      os: endpointOs(),
      privateIp: privateIp(),
      presence,
      ...(args.jumpGroup ? { jumpGroup: args.jumpGroup } : {}),
      ...(args.tag !== null ? { tag: args.tag } : {}),
      ...(args.comments !== null ? { comments: args.comments } : {}),
    });
    config = { site: args.site, agentId: r.agentId, secret: r.secret, jumpItemId: r.jumpItemId, registeredAt: new Date().toISOString() };
    writeConfig(args.installDir, config);
    log(`registered with ${args.site} as Jump Item ${r.jumpItemId}; identity saved in ${configPath(args.installDir)}`);
  };

  const runner = new AgentRunner({
    site: args.site,
    roots,
    log,
    fatalCodes: JUMP_CLIENT_FATAL,
    consent: consentResponder(consentMode, log),
    onUninstalled: () => {
      rmSync(configPath(args.installDir), { force: true });
      config = null;
    },
    identify: async (peer) => {
      if (!config) return register(peer);
      try {
        await peer.request('agent.hello', { agentId: config.agentId, secret: config.secret, presence, hostname: host, privateIp: privateIp() });
        log(`connected to ${args.site} as Jump Item ${config.jumpItemId}`);
      } catch (e) {
        // Uninstalled on the site (its Jump Item deleted): with a key at hand, install again.
        if (e instanceof CodedError && e.code === 'E_AGENT_AUTH_INVALID' && args.key) {
          log('the site no longer knows this Jump Client: registering again with the installer key');
          config = null;
          return register(peer);
        }
        throw e;
      }
    },
  });
  log(`allowed folders: ${roots.join(', ')}`);
  return { done: runner.run().finally(() => runner.shells.closeAll()), stop: () => runner.stop() };
}
