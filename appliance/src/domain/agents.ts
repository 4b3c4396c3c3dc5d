/**
 * Jump Client agents: registration with an installer key (which becomes a pinned Jump Item in the
 * installer's Jump Group or a rep's personal list), the saved identity an agent says hello with
 * afterwards, and the Jump Item's status following the agent's connection (Active / Offline).
 */
import { timingSafeEqual } from 'node:crypto';
import { CodedError, type AgentParams, type EndpointOs, type JumpGroupTarget, type JumpItem, type JumpItemStatus } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { InstallerGrant, InstallerKeyService } from './installer-keys.js';
import type { NewJumpItem, Repositories } from './ports.js';
import { hashToken, newToken } from './tokens.js';

export interface AgentRecord {
  id: number;
  jumpItemId: number;
  secretHash: string;
  hostname: string;
  os: EndpointOs;
  installerId: number | null;
  emulated: boolean;
  registeredAt: string;
  lastSeenAt: string | null;
}

export interface AgentRepository {
  create(rec: { jumpItemId: number; secretHash: string; hostname: string; os: EndpointOs; installerId: number | null; emulated: boolean }, now: string): AgentRecord;
  byId(id: number): AgentRecord | null;
  byJumpItem(jumpItemId: number): AgentRecord | null;
  setSecret(id: number, secretHash: string): void;
  seen(id: number, now: string, hostname?: string): void;
  /** The Jump Items that have an agent behind them. */
  jumpItemIds(): number[];
}

/** What agents need of the Jump Item store: create (registration), read, and keep the status current. */
export interface AgentJumpStore {
  create(item: NewJumpItem, now: string): JumpItem;
  byId(id: number): JumpItem | null;
  groups(): { id: number; name: string; code: string }[];
  setStatus(itemId: number, status: JumpItemStatus): void;
}

/** The installer-key side as agents use it (InstallerKeyService implements it). */
export type InstallerRedeemer = Pick<InstallerKeyService, 'redeem'>;

export interface AgentIdentity {
  agent: AgentRecord;
  item: JumpItem;
}

/** Tells consoles a Jump Item's status changed. */
export type JumpStatusListener = (item: JumpItem) => void;

export class AgentService {
  constructor(
    private readonly agents: AgentRepository,
    private readonly jump: AgentJumpStore,
    private readonly repos: Pick<Repositories, 'users' | 'transaction'> & { jumpPolicies?: Pick<Repositories['jumpPolicies'], 'byCode'> },
    private readonly installers: () => InstallerRedeemer | null,
    private readonly clock: Clock,
    private readonly onStatus: JumpStatusListener,
  ) {}

  /**
   * Trades an installer key for an identity and a pinned Jump Item. Command-line flags win over the
   * installer's defaults. One transaction: a refused registration does not use up the key.
   */
  register(p: AgentParams<'agent.register'>, remoteAddress: string): AgentIdentity & { secret: string } {
    const installers = this.installers();
    if (!installers) throw new CodedError('E_INTERNAL', 'This appliance does not accept Jump Client installations.');
    const now = iso(this.clock);
    const secret = newToken();
    const identity = this.repos.transaction(() => {
      const grant: InstallerGrant = installers.redeem(p.installerKey);
      const target = p.jumpGroup ?? grant.jumpGroup;
      if (!target) throw new CodedError('E_JUMP_GROUP_REQUIRED');
      const place = this.resolve(target);
      const item = this.jump.create(
        {
          name: p.hostname,
          method: 'pinned',
          groupId: place.groupId,
          ownerUserId: place.ownerUserId,
          hostname: p.hostname,
          comments: p.comments ?? grant.comments,
          tag: p.tag ?? grant.tag,
          publicIp: p.publicIp ?? publicAddress(remoteAddress),
          privateIp: p.privateIp ?? '',
          os: p.os,
          status: 'active',
          policyId: grant.jumpPolicyCode ? (this.repos.jumpPolicies?.byCode(grant.jumpPolicyCode)?.id ?? null) : null,
        },
        now,
      );
      const agent = this.agents.create({ jumpItemId: item.id, secretHash: hashToken(secret), hostname: p.hostname, os: p.os, installerId: grant.installerId, emulated: false }, now);
      this.agents.seen(agent.id, now);
      return { agent, item };
    });
    this.onStatus(identity.item);
    return { ...identity, secret };
  }

  /** The saved identity of an agent coming back; E_AGENT_AUTH_INVALID when it no longer holds. */
  authenticate(agentId: number, secret: string): AgentIdentity {
    const agent = this.agents.byId(agentId);
    if (!agent || !sameHash(agent.secretHash, hashToken(secret))) throw new CodedError('E_AGENT_AUTH_INVALID');
    const item = this.jump.byId(agent.jumpItemId);
    if (!item) throw new CodedError('E_AGENT_AUTH_INVALID');
    return { agent, item };
  }

  /** The agent's connection is up: its Jump Item turns Active (one commit), then consoles are told. */
  connected(agent: AgentRecord, hostname?: string): void {
    this.follow(agent, 'active', hostname);
  }

  /** The agent's connection dropped: its Jump Item turns Offline. */
  disconnected(agent: AgentRecord): void {
    this.follow(agent, 'offline');
  }

  /** At startup nobody is connected yet: every agent's Jump Item is Offline until its agent says hello. */
  markAllOffline(): number {
    const ids = this.agents.jumpItemIds();
    return this.repos.transaction(() => {
      let n = 0;
      for (const id of ids) {
        const item = this.jump.byId(id);
        if (item?.status === 'active') {
          this.jump.setStatus(id, 'offline');
          n++;
        }
      }
      return n;
    });
  }

  /** A demo fleet machine emulated in-process: an agent identity for its Jump Item, with a fresh secret each start. */
  provisionEmulated(jumpItemId: number): { agentId: number; secret: string } {
    const item = this.jump.byId(jumpItemId);
    if (!item) throw new CodedError('E_NOT_FOUND');
    const secret = newToken();
    const now = iso(this.clock);
    const existing = this.agents.byJumpItem(jumpItemId);
    if (existing) {
      this.agents.setSecret(existing.id, hashToken(secret));
      return { agentId: existing.id, secret };
    }
    const agent = this.agents.create({ jumpItemId, secretHash: hashToken(secret), hostname: item.hostname, os: item.os, installerId: null, emulated: true }, now);
    return { agentId: agent.id, secret };
  }

  private follow(agent: AgentRecord, status: JumpItemStatus, hostname?: string): void {
    const item = this.repos.transaction(() => {
      this.agents.seen(agent.id, iso(this.clock), hostname);
      const current = this.jump.byId(agent.jumpItemId);
      if (current && current.status !== status) this.jump.setStatus(current.id, status);
      return current;
    });
    if (item) this.onStatus({ ...item, status });
  }

  private resolve(target: JumpGroupTarget): { groupId: number | null; ownerUserId: number | null } {
    if (target.kind === 'user') {
      const user = this.repos.users.byUsername(target.username);
      if (!user || user.disabled || user.externalSessionId !== null) throw new CodedError('E_JUMP_GROUP_NOT_FOUND', `There is no user named "${target.username}" to pin this Jump Client for.`);
      return { groupId: null, ownerUserId: user.id };
    }
    const group = this.jump.groups().find((g) => g.code === target.code);
    if (!group) throw new CodedError('E_JUMP_GROUP_NOT_FOUND', `There is no Jump Group with the code name "${target.code}".`);
    return { groupId: group.id, ownerUserId: null };
  }
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The address the appliance saw the agent connect from, without the IPv4-mapped prefix. */
function publicAddress(remote: string): string {
  return remote.replace(/^::ffff:/, '').slice(0, 64);
}
