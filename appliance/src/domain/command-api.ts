/**
 * What the command API (/api/command) may change, with its rules: session attributes (a missing
 * attribute keeps its value, an empty one clears it; ≤ 1024 characters each, ≤ 10 KB together),
 * transfer to a queue, terminate, and session keys. The adapter has already checked the API
 * account's access (domain/permissions.ts `apiAllows`).
 */
import { CodedError, GENERAL_QUEUE_NAME, line, type QueueId, type SessionSummary } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import type { KeyService } from './keys.js';
import type { Repositories } from './ports.js';
import type { SessionService } from './sessions.js';

export const MAX_ATTRIBUTE_CHARS = 1024;
export const MAX_ATTRIBUTES_BYTES = 10 * 1024;
const CODE = /^[A-Za-z0-9_]{1,64}$/;

export interface SessionAttributeStore {
  setCustom(sessionId: string, custom: Record<string, string>): void;
}

/** A queue named the vendor's way: general, rep:<id>, rep_username:<name>, team:<id>, issue:<code>. */
export type ApiQueue = { queueId: QueueId; repId: number | null; label: string };

type Repos = Pick<Repositories, 'sessions' | 'users' | 'teams' | 'issues' | 'members' | 'transaction'>;

export class CommandApi {
  constructor(
    private readonly repos: Repos,
    private readonly attributes: SessionAttributeStore,
    private readonly sessions: SessionService,
    private readonly keys: KeyService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  resolveQueue(value: string): ApiQueue {
    const v = value.trim();
    if (v === 'general') return { queueId: 'general', repId: null, label: GENERAL_QUEUE_NAME };
    const m = /^(rep|team|rep_username|issue):(.+)$/.exec(v);
    if (!m) throw new CodedError('E_API_BAD_QUEUE');
    const [, kind, arg] = m as unknown as [string, string, string];
    if (kind === 'rep' || kind === 'rep_username') {
      const u = kind === 'rep' ? (/^\d+$/.test(arg) ? this.repos.users.byId(Number(arg)) : null) : this.repos.users.byUsername(arg);
      if (!u || u.disabled || u.externalSessionId) throw new CodedError('E_TARGET_NOT_FOUND');
      return { queueId: `personal:${u.id}`, repId: u.id, label: u.displayName };
    }
    if (kind === 'team') {
      const t = /^\d+$/.test(arg) ? this.repos.teams.byId(Number(arg)) : (this.repos.teams.list().find((x) => x.code === arg) ?? null);
      if (!t) throw new CodedError('E_TARGET_NOT_FOUND');
      return { queueId: `team:${t.id}`, repId: null, label: t.name };
    }
    const issue = this.repos.issues.list().find((i) => i.codeName === arg);
    if (!issue) throw new CodedError('E_TARGET_NOT_FOUND');
    return { queueId: `team:${issue.teamId}`, repId: null, label: issue.teamName };
  }

  session(lsid: string): SessionSummary {
    const s = /^[0-9a-f]{32}$/.test(lsid) ? this.repos.sessions.byId(lsid) : null;
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    return s;
  }

  /** `session.custom.<code>` parameters onto the session's attributes; `external_key` is one of them. */
  setAttributes(lsid: string, params: Record<string, string>, by: string): Record<string, string> {
    const s = this.session(lsid);
    const next = { ...s.customAttributes };
    let given = 0;
    for (const [k, v] of Object.entries(params)) {
      if (!k.startsWith('session.custom.')) continue;
      const code = k.slice('session.custom.'.length);
      if (!CODE.test(code)) throw new CodedError('E_BAD_PARAMS', `"${code.slice(0, 64)}" is not a custom attribute code name (letters, digits and _, at most 64).`);
      if (v.length > MAX_ATTRIBUTE_CHARS) throw new CodedError('E_BAD_PARAMS', `The value of session.custom.${code} is longer than ${MAX_ATTRIBUTE_CHARS} characters.`);
      given++;
      if (v === '') delete next[code];
      else next[code] = v;
    }
    if (!given) throw new CodedError('E_BAD_PARAMS', 'Give at least one session.custom.<code_name> parameter.');
    const bytes = Object.entries(next).reduce((t, [k, v]) => t + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (bytes > MAX_ATTRIBUTES_BYTES) throw new CodedError('E_BAD_PARAMS', 'The custom attributes together are larger than 10 KB.');
    this.repos.transaction(() => {
      this.attributes.setCustom(lsid, next);
      this.repos.sessions.addEvent(lsid, `api:${by}`, 'api.attributes', { attributes: Object.keys(params).filter((k) => k.startsWith('session.custom.')).join(', ') }, iso(this.clock));
    });
    const updated = this.repos.sessions.byId(lsid);
    if (updated && updated.status !== 'ended') this.bus.publish({ type: 'session.changed', session: updated });
    return next;
  }

  /** Moves an open session to a queue; the reps in it leave it, as when a rep's connection is lost. */
  transfer(lsid: string, queue: ApiQueue, by: string): void {
    const s = this.session(lsid);
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    const now = iso(this.clock);
    const members = this.repos.members.active(lsid);
    this.repos.transaction(() => {
      this.repos.sessions.addEvent(lsid, `api:${by}`, 'api.transfer', { to: queue.label, queueId: queue.queueId }, now);
      this.repos.sessions.moveTo(lsid, queue.queueId, 'waiting', null, now);
    });
    this.bus.publish({ type: 'session.removed', sessionId: lsid, queueId: s.queueId });
    for (const m of members) this.sessions.removeMember(lsid, m.userId, line('session.transferred', { queue: queue.label }), line('session.transferredByApi', { queue: queue.label }));
    this.bus.publish({ type: 'session.changed', session: this.repos.sessions.byId(lsid)! });
  }

  terminate(lsid: string, by: string): void {
    const s = this.session(lsid);
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    this.sessions.close(lsid, `api:${by}`, line('session.endedByAdmin'));
  }

  /** A support key into the named queue: a rep's personal queue (issued as that rep), a team's, or general. */
  sessionKey(queue: ApiQueue, minutes: number, custom: Record<string, string>, baseUrl: string) {
    if (queue.repId !== null) return this.keys.issue({ kind: 'support', issuerId: queue.repId, sessionId: null, minutes, custom, external: {}, baseUrl });
    return this.keys.issue({ kind: 'support', issuerId: null, queueId: queue.queueId, sessionId: null, minutes, custom, external: {}, baseUrl });
  }
}
