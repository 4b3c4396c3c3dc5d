/**
 * The site's connected Endpoint Credential Managers, as one CredentialSource (kind 'ecm').
 * Up to 5 at a time; each request goes to the ECM connected longest, and if that one drops while
 * answering, to the next. A slow answer is E_ECM_TIMEOUT, an answer that does not parse is
 * E_ECM_BAD_ANSWER. Secrets pass through `fetchSecret` only — nothing here logs them.
 */
import { randomUUID } from 'node:crypto';
import { CodedError, type ErrorCode } from '../protocol/index.js';
import { EcmResult, type EcmClientInfo, type EcmHello, type EcmServerMessage } from '../protocol/ecm-messages.js';
import { CREDENTIAL_LIST_LIMITS, type CredentialQuery, type CredentialSecret, type CredentialSource, type CredentialSummary } from './credential-sources.js';
import { iso, type Clock } from './clock.js';
import type { Logger } from '../log.js';

export const MAX_ECMS_PER_SITE = 5;
export const DEFAULT_ECM_TIMEOUT_MS = 5_000;
const ID_PREFIX = 'ecm:';
const ECM_ACCOUNT_DELETED = 4401;

/** The socket behind one ECM, as the registry needs it. */
export interface EcmLink {
  send(msg: EcmServerMessage): void;
  close(code: number, reason: string): void;
}

interface Pending {
  resolve(r: EcmResult): void;
  reject(e: Error): void;
}

export interface EcmEntry {
  readonly info: EcmClientInfo;
  /** The ECM account it logged in with (deleting the account disconnects it). */
  readonly accountId: number;
  readonly link: EcmLink;
  readonly pending: Map<number, Pending>;
}

type EcmRequest = Extract<EcmServerMessage, { type: 'list' | 'fetch' }>;

/** Thrown inside the registry when the ECM asked went away: the request moves on to the next one. */
class EcmGone extends Error {}

export class EcmRegistry implements CredentialSource {
  readonly kind = 'ecm' as const;
  private readonly connected: EcmEntry[] = [];
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timeoutMs: () => number = () => Number(process.env.REP_ECM_TIMEOUT_MS) || DEFAULT_ECM_TIMEOUT_MS,
  ) {}

  /** A verified ECM joins the site, or E_ECM_LIMIT when 5 are already connected. */
  admit(hello: EcmHello, accountId: number, address: string, link: EcmLink): EcmEntry {
    if (this.connected.length >= MAX_ECMS_PER_SITE) throw new CodedError('E_ECM_LIMIT');
    const entry: EcmEntry = {
      info: { id: randomUUID(), name: hello.name, hostname: hello.hostname, address, version: hello.version, plugin: hello.plugin, connectedAt: iso(this.clock) },
      accountId,
      link,
      pending: new Map(),
    };
    this.connected.push(entry);
    this.log.info({ ecmId: entry.info.id, name: entry.info.name, address, plugin: entry.info.plugin, connected: this.connected.length }, 'ECM connected');
    return entry;
  }

  /** The ECM's socket closed: its open requests move on to the next ECM. */
  drop(entry: EcmEntry): void {
    const i = this.connected.indexOf(entry);
    if (i < 0) return;
    this.connected.splice(i, 1);
    for (const p of entry.pending.values()) p.reject(new EcmGone());
    entry.pending.clear();
    this.log.info({ ecmId: entry.info.id, name: entry.info.name, connected: this.connected.length }, 'ECM disconnected');
  }

  /** A frame from an ECM: the answer to one of its open requests, or garbage (which fails them). */
  receive(entry: EcmEntry, raw: string): void {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const id = typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'number' ? (data as { id: number }).id : null;
    const parsed = EcmResult.safeParse(data);
    const targets = id !== null && entry.pending.has(id) ? [id] : id === null ? [...entry.pending.keys()] : [];
    for (const t of targets) {
      const p = entry.pending.get(t)!;
      entry.pending.delete(t);
      if (parsed.success) p.resolve(parsed.data);
      else p.reject(new CodedError('E_ECM_BAD_ANSWER', `The Endpoint Credential Manager “${entry.info.name}” answered with something that is not a valid answer (${parsed.error.issues[0]?.path.join('.') || 'frame'}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`));
    }
    if (!parsed.success) this.log.warn({ ecmId: entry.info.id, name: entry.info.name, bytes: raw.length }, 'ECM sent an invalid answer');
  }

  /** Connected ECMs, longest-connected first (/login > Status > ECM Clients). */
  clients(): EcmClientInfo[] {
    return this.connected.map((e) => ({ ...e.info }));
  }

  /** The account was deleted: its ECMs are disconnected at once (they are refused when they try again). */
  disconnectAccount(accountId: number): void {
    for (const e of this.connected.filter((x) => x.accountId === accountId)) {
      e.link.close(ECM_ACCOUNT_DELETED, 'ECM account deleted');
      this.drop(e);
    }
  }

  /** Closes every ECM socket (appliance shutdown). */
  closeAll(): void {
    for (const e of [...this.connected]) {
      e.link.close(1001, 'appliance stopping');
      this.drop(e);
    }
  }

  async list(query: CredentialQuery, limit: number = CREDENTIAL_LIST_LIMITS.ecm): Promise<readonly CredentialSummary[]> {
    const cap = Math.max(0, Math.min(limit, CREDENTIAL_LIST_LIMITS.ecm));
    const r = await this.ask((id) => ({ type: 'list', id, limit: cap, ...(query.search ? { search: query.search } : {}), ...(query.hostname ? { hostname: query.hostname } : {}) }));
    if (!('credentials' in r)) throw new CodedError('E_ECM_BAD_ANSWER', 'The Endpoint Credential Manager answered a list request with something other than a list.');
    const needle = query.search?.toLowerCase() ?? '';
    return r.credentials
      .filter((c) => !needle || c.name.toLowerCase().includes(needle))
      .slice(0, cap)
      .map((c) => ({ id: ID_PREFIX + c.id, name: c.name, source: 'ecm' as const, ...(c.description ? { description: c.description } : {}) }));
  }

  async fetchSecret(id: string, query: CredentialQuery): Promise<CredentialSecret> {
    if (!id.startsWith(ID_PREFIX) || id.length === ID_PREFIX.length) throw new CodedError('E_ECM_CREDENTIAL_NOT_FOUND');
    const credentialId = id.slice(ID_PREFIX.length);
    const r = await this.ask((rid) => ({ type: 'fetch', id: rid, credentialId, ...(query.hostname ? { hostname: query.hostname } : {}) }));
    if (!('secret' in r)) throw new CodedError('E_ECM_BAD_ANSWER', 'The Endpoint Credential Manager answered a fetch request with something other than a credential.');
    const { username, password, domain } = r.secret;
    return domain ? { username, password, domain } : { username, password };
  }

  /** One request to the longest-connected ECM; when it drops before answering, the next one is asked. */
  private async ask(make: (id: number) => EcmRequest): Promise<Extract<EcmResult, { ok: true }>> {
    for (;;) {
      const entry = this.connected[0];
      if (!entry) throw new CodedError('E_ECM_NONE');
      try {
        const r = await this.askOne(entry, make(this.nextId++));
        if (!r.ok) throw new CodedError(r.code as ErrorCode, r.message || undefined);
        return r;
      } catch (e) {
        if (e instanceof EcmGone) {
          // Stale entry (its socket is gone): make sure the next loop asks someone else.
          if (this.connected[0] === entry) this.drop(entry);
          continue;
        }
        throw e;
      }
    }
  }

  private askOne(entry: EcmEntry, msg: EcmRequest): Promise<EcmResult> {
    return new Promise<EcmResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        entry.pending.delete(msg.id);
        this.log.warn({ ecmId: entry.info.id, name: entry.info.name, request: msg.type }, 'ECM did not answer in time');
        reject(new CodedError('E_ECM_TIMEOUT', `The Endpoint Credential Manager “${entry.info.name}” did not answer within ${Math.round(this.timeoutMs() / 100) / 10} s.`));
      }, this.timeoutMs());
      entry.pending.set(msg.id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      try {
        entry.link.send(msg);
      } catch {
        entry.pending.delete(msg.id);
        clearTimeout(timer);
        reject(new EcmGone());
      }
    });
  }
}
