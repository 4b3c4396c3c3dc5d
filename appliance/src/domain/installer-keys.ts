/**
 * Jump Client installers (Jump Clients > Mass Deployment Wizard). An installer is a random key plus
 * the defaults a new Jump Client takes (Jump Group or a user's personal list, tag, comments, Jump
 * Policy, install directory). A mass-deployment installer registers any number of computers until it
 * expires; a single-use one registers one. Validity: 10 minutes to 1 year. Keys are stored as hashes.
 */
import { randomBytes } from 'node:crypto';
import { CodedError, parseJumpGroupTarget, type JumpGroupTarget } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import { authorize, type Actor } from './permissions.js';
import type { JumpPolicyRepository, Repositories } from './ports.js';
import { hashToken } from './tokens.js';

/** What agent registration gets for a good installer key (domain/agents.ts consumes it). */
export interface InstallerGrant {
  installerId: number;
  jumpGroup: { kind: 'user'; username: string } | { kind: 'jumpgroup'; code: string } | null;
  tag: string;
  comments: string;
  jumpPolicyCode: string | null;
}

export interface InstallerKeyRecord {
  id: number;
  /** The key's first characters, to tell installers apart (the key itself is only stored hashed). */
  keyHint: string;
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
  /** `user:NAME` or `jumpgroup:CODE`, as on the command line; null: the agent must name one. */
  jumpGroup: string | null;
  tag: string;
  comments: string;
  jumpPolicyCode: string | null;
  installDir: string | null;
  massDeploy: boolean;
  /** null: any number of computers (mass deployment). */
  maxUses: number | null;
  uses: number;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type NewInstallerKey = Omit<InstallerKeyRecord, 'id' | 'uses' | 'lastUsedAt' | 'revokedAt'> & { keyHash: string };

export interface InstallerKeyRepository {
  create(rec: NewInstallerKey): InstallerKeyRecord;
  byId(id: number): InstallerKeyRecord | null;
  byKeyHash(hash: string): InstallerKeyRecord | null;
  /** Newest first. */
  list(limit: number): InstallerKeyRecord[];
  /** Counts one installation unless the installer is used up; false when it is. */
  use(id: number, now: string): boolean;
  /** false when it was already revoked (or does not exist). */
  revoke(id: number, now: string): boolean;
}

export type InstallerStatus = 'active' | 'expired' | 'revoked' | 'used';

/** "This installer is valid for": 10 minutes to 1 year, in seconds. */
export const MIN_VALIDITY_SECONDS = 600;
export const MAX_VALIDITY_SECONDS = 31_536_000;
export const MAX_TAG = 255;
export const MAX_COMMENTS = 1000;
/** Windows' MAX_PATH. */
export const MAX_INSTALL_DIR = 260;
/** How many installers the list shows, newest first. */
export const LIST_LIMIT = 200;

export interface NewInstaller {
  jumpGroup: JumpGroupTarget | null;
  tag: string;
  comments: string;
  validitySeconds: number;
  massDeploy: boolean;
  jumpPolicyCode?: string | null;
  installDir?: string | null;
}

const KEY_PATTERN = /^[a-z2-7]{48}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 240 random bits as 48 lower-case base32 characters: safe in file names, URLs and command lines unquoted. */
export function newInstallerKey(): string {
  const bytes = randomBytes(30);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** What a person pastes: surrounding spaces and upper case forgiven; null when it cannot be a key. */
export function normalizeInstallerKey(input: string): string | null {
  const key = input.trim().toLowerCase();
  return KEY_PATTERN.test(key) ? key : null;
}

export const formatJumpGroup = (t: JumpGroupTarget | null): string | null => (t === null ? null : t.kind === 'user' ? `user:${t.username}` : `jumpgroup:${t.code}`);

// Control characters would break the command lines and the downloaded scripts these values go into.
const CONTROL = /[\u0000-\u001f\u007f]/;

function text(value: string, label: string, max: number): string {
  if (CONTROL.test(value)) throw new CodedError('E_BAD_PARAMS', `${label} cannot contain line breaks or other control characters.`);
  if (value.length > max) throw new CodedError('E_BAD_PARAMS', `${label} can be at most ${max} characters long.`);
  return value;
}

export class InstallerKeyService {
  constructor(
    private readonly installers: InstallerKeyRepository,
    private readonly repos: Pick<Repositories, 'users' | 'jump'> & { jumpPolicies?: Pick<JumpPolicyRepository, 'byCode'> },
    private readonly clock: Clock,
  ) {}

  /** Creates an installer; the key is returned once, here (only its hash is kept). */
  create(actor: Actor, o: NewInstaller): { installer: InstallerKeyRecord; key: string } {
    authorize(actor, { kind: 'jumpClient.deploy' });
    if (!Number.isInteger(o.validitySeconds) || o.validitySeconds < MIN_VALIDITY_SECONDS || o.validitySeconds > MAX_VALIDITY_SECONDS) {
      throw new CodedError('E_INSTALLER_VALIDITY');
    }
    if (o.jumpGroup) this.checkJumpGroup(o.jumpGroup);
    const tag = text(o.tag.trim(), 'The tag', MAX_TAG);
    const comments = text(o.comments.trim(), 'The comments', MAX_COMMENTS);
    const installDir = text(o.installDir?.trim() ?? '', 'The install directory', MAX_INSTALL_DIR) || null;
    if (installDir?.includes('"')) throw new CodedError('E_BAD_PARAMS', 'The install directory cannot contain double quotes.');
    const jumpPolicyCode = text(o.jumpPolicyCode?.trim() ?? '', 'The Jump Policy', 64) || null;
    // The policy store arrives with the Jump Policies work; until then any code is taken as given.
    if (jumpPolicyCode && this.repos.jumpPolicies && !this.repos.jumpPolicies.byCode(jumpPolicyCode)) {
      throw new CodedError('E_BAD_PARAMS', `There is no Jump Policy with the code “${jumpPolicyCode}”.`);
    }
    for (let attempt = 0; ; attempt++) {
      const key = newInstallerKey();
      try {
        const installer = this.installers.create({
          keyHash: hashToken(key),
          keyHint: key.slice(0, 6),
          createdBy: actor.user.id,
          createdAt: iso(this.clock),
          expiresAt: iso(this.clock, o.validitySeconds * 1000),
          jumpGroup: formatJumpGroup(o.jumpGroup),
          tag,
          comments,
          jumpPolicyCode,
          installDir,
          massDeploy: o.massDeploy,
          maxUses: o.massDeploy ? null : 1,
        });
        return { installer, key };
      } catch (e) {
        // A hash collision with another installer's key: draw again (240 random bits: never, in practice).
        if (attempt > 3) throw e;
      }
    }
  }

  /** The site's installers, newest first. */
  list(actor: Actor): InstallerKeyRecord[] {
    authorize(actor, { kind: 'jumpClient.deploy' });
    return this.installers.list(LIST_LIMIT);
  }

  /** Stops an installer from registering any more Jump Clients (those it installed stay). */
  revoke(actor: Actor, id: number): InstallerKeyRecord {
    authorize(actor, { kind: 'jumpClient.deploy' });
    if (!this.installers.byId(id)) throw new CodedError('E_INSTALLER_NOT_FOUND');
    this.installers.revoke(id, iso(this.clock));
    return this.installers.byId(id)!;
  }

  statusOf(rec: InstallerKeyRecord): InstallerStatus {
    if (rec.revokedAt) return 'revoked';
    if (rec.expiresAt <= iso(this.clock)) return 'expired';
    if (rec.maxUses !== null && rec.uses >= rec.maxUses) return 'used';
    return 'active';
  }

  /** The installer a key belongs to, if it may still install (downloads): refuses like redeem, uses nothing. */
  lookup(key: string): InstallerKeyRecord {
    const k = normalizeInstallerKey(key);
    const rec = k ? this.installers.byKeyHash(hashToken(k)) : null;
    if (!rec) throw new CodedError('E_INSTALLER_KEY_INVALID');
    switch (this.statusOf(rec)) {
      case 'revoked':
        throw new CodedError('E_INSTALLER_KEY_INVALID', 'That Jump Client installer was revoked by an administrator. Ask your administrator for a new installer.');
      case 'expired':
        throw new CodedError('E_INSTALLER_KEY_EXPIRED');
      case 'used':
        throw new CodedError('E_INSTALLER_KEY_USED');
      case 'active':
        return rec;
    }
  }

  /**
   * Registration of one Jump Client: counts the installation and returns what it joins. Called inside
   * the registration's transaction, so a registration refused later does not use the key up.
   */
  redeem(key: string): InstallerGrant {
    const rec = this.lookup(key);
    if (!this.installers.use(rec.id, iso(this.clock))) throw new CodedError('E_INSTALLER_KEY_USED');
    return {
      installerId: rec.id,
      jumpGroup: rec.jumpGroup === null ? null : parseJumpGroupTarget(rec.jumpGroup),
      tag: rec.tag,
      comments: rec.comments,
      jumpPolicyCode: rec.jumpPolicyCode,
    };
  }

  private checkJumpGroup(t: JumpGroupTarget): void {
    if (t.kind === 'jumpgroup') {
      if (!this.repos.jump.groups().some((g) => g.code === t.code)) {
        throw new CodedError('E_JUMP_GROUP_NOT_FOUND', `There is no Jump Group with the code “${t.code}”.`);
      }
      return;
    }
    const user = this.repos.users.byUsername(t.username);
    if (!user || user.externalSessionId !== null) throw new CodedError('E_JUMP_GROUP_NOT_FOUND', `There is no user named “${t.username}”.`);
  }
}
