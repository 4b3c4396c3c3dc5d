/**
 * Session reports: the Reports tab's filters (an LSID or sequence number stands alone; a date
 * range; the customer; rep participation), the result rows, and a session's full detail —
 * transcript, files, permissions, events, people and recordings. /api/reporting reads the same.
 */
import { CodedError, SystemLine } from '../protocol/index.js';
import { ReportFilterInput, type ReportRecording, type ReportRow, type SessionReport } from '../protocol/report-models.js';
import { iso, type Clock } from './clock.js';
import { zonedInstant } from './site-time.js';
import { authorize, type Actor } from './permissions.js';
import { fileAction, PERMISSION_LABELS, toReportEvent, type Cast, type StoredEvent } from './report-events.js';

export type RepFilter = { kind: 'all' } | { kind: 'any' } | { kind: 'none' } | { kind: 'rep'; userId: number };

/** A validated search. Times are ISO instants; `before` bounds are exclusive. */
export interface ReportQuery {
  lsids?: string[];
  lseq?: number;
  startFrom?: string;
  startBefore?: string;
  endFrom?: string;
  endBefore?: string;
  /** Only sessions that ended. */
  endedOnly?: boolean;
  customer?: string;
  rep: RepFilter;
  limit: number;
}

/** A session row as the store reads it. */
export interface StoredSession {
  id: string;
  lseq: number;
  type: string;
  status: string;
  customerName: string;
  company: string;
  computer: string;
  issue: string;
  details: string;
  custom: Record<string, string>;
  ownerId: number | null;
  ownerName: string | null;
  createdAt: string;
  endedAt: string | null;
  publicIp: string;
  privateIp: string;
  os: string;
  jumpItem: string | null;
}

export interface StoredMember {
  userId: number;
  username: string;
  displayName: string;
  publicDisplayName: string;
  role: 'owner' | 'participant' | 'external';
  joinedAt: string;
  leftAt: string | null;
  invitedBy: number | null;
}

export interface StoredPrompt {
  kind: string;
  state: 'pending' | 'allowed' | 'refused' | 'cancelled';
  askedBy: string;
  at: string;
  answeredAt: string | null;
}

export interface ReportRepository {
  search(q: ReportQuery): StoredSession[];
  session(id: string): StoredSession | null;
  /** Every membership the session ever had (left ones too), in join order. */
  members(sessionId: string): StoredMember[];
  /** Members of many sessions at once (the result table's Representatives column). */
  memberNames(sessionIds: readonly string[]): Map<string, string[]>;
  events(sessionId: string): StoredEvent[];
  prompts(sessionId: string): StoredPrompt[];
}

/** Command-shell recordings of a session, with the addresses /login fetches them from. */
export interface RecordingLister {
  forSession(sessionId: string): ReportRecording[];
}

/** Where a recording's bytes are, once the reports page may see the session. */
export interface RecordingFiles {
  /** The asciicast file of the recording if it belongs to that session, else null. */
  castPath(sessionId: string, recordingId: number): string | null;
}

const LSID = /^[0-9a-f]{32}$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A form's date: with a zone as given; without one, on the site's wall clock. */
function instant(value: string, timeZone: string): string {
  if (!ISO.test(value) || Number.isNaN(Date.parse(value))) throw new CodedError('E_REPORT_BAD_DATE');
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const d = zoned ? new Date(value) : zonedInstant(value, timeZone);
  if (Number.isNaN(d.getTime())) throw new CodedError('E_REPORT_BAD_DATE');
  return d.toISOString();
}

/** The Reports form → a query; the LSID / sequence number alone, or any mix of the other filters. */
export function parseReportFilter(raw: unknown, limit: number, timeZone = 'UTC'): ReportQuery {
  const f = ReportFilterInput.parse(raw ?? {});
  const rep: RepFilter = f.rep === 'all' || f.rep === 'any' || f.rep === 'none' ? { kind: f.rep } : { kind: 'rep', userId: Number(f.rep) };
  if (f.session) {
    if (f.from || f.to || f.customer || rep.kind !== 'all') throw new CodedError('E_REPORT_FILTER_CONFLICT');
    const s = f.session.toLowerCase();
    if (LSID.test(s)) return { lsids: [s], rep, limit };
    if (/^\d{1,12}$/.test(s)) return { lseq: Number(s), rep, limit };
    throw new CodedError('E_REPORT_BAD_LSID');
  }
  const q: ReportQuery = { rep, limit };
  if (f.from) q.startFrom = instant(f.from, timeZone);
  if (f.to) q.startBefore = instant(f.to, timeZone);
  if (q.startFrom && q.startBefore && q.startBefore <= q.startFrom) throw new CodedError('E_REPORT_BAD_DATE');
  if (f.customer) q.customer = f.customer;
  return q;
}

const seconds = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

export class ReportService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly recordings: RecordingLister,
    private readonly clock: Clock,
  ) {}

  /** The Reports tab's result table. */
  /** `timeZone`: the site's, in which the form's dates without a zone are read. */
  search(actor: Actor, raw: unknown, limit: number, timeZone = 'UTC'): ReportRow[] {
    authorize(actor, { kind: 'reports.view' });
    return this.rows(parseReportFilter(raw, limit, timeZone));
  }

  detail(actor: Actor, lsid: string): SessionReport {
    authorize(actor, { kind: 'reports.view' });
    const r = LSID.test(lsid) ? this.report(lsid) : null;
    if (!r) throw new CodedError('E_SESSION_NOT_FOUND');
    return r;
  }

  /** Rows for a query already validated and authorised (the reporting API's listing). */
  rows(q: ReportQuery): ReportRow[] {
    const found = this.repo.search(q);
    const names = this.repo.memberNames(found.map((s) => s.id));
    const now = iso(this.clock);
    return found.map((s) => this.row(s, names.get(s.id) ?? [], now));
  }

  /** Full reports for a query (the reporting API's SupportSession). */
  reports(q: ReportQuery): SessionReport[] {
    return this.repo.search(q).map((s) => this.build(s));
  }

  report(lsid: string): SessionReport | null {
    const s = this.repo.session(lsid);
    return s ? this.build(s) : null;
  }

  private row(s: StoredSession, reps: string[], now: string): ReportRow {
    return {
      lsid: s.id,
      lseq: s.lseq,
      type: s.type,
      status: s.status,
      startedAt: s.createdAt,
      endedAt: s.endedAt,
      durationSeconds: seconds(s.createdAt, s.endedAt ?? now),
      customerName: s.customerName,
      company: s.company,
      computer: s.computer,
      publicIp: s.publicIp,
      privateIp: s.privateIp,
      issue: s.issue,
      ownerName: s.ownerName,
      reps,
    };
  }

  private build(s: StoredSession): SessionReport {
    const now = iso(this.clock);
    const end = s.endedAt ?? now;
    const members = this.repo.members(s.id);
    const events = this.repo.events(s.id);

    // Report numbers: the customer is 1, reps follow in the order they first joined.
    const gs = new Map<number, number>();
    for (const m of members) if (!gs.has(m.userId)) gs.set(m.userId, gs.size + 2);
    const byUser = new Map<number, StoredMember[]>();
    for (const m of members) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
    // The owner: who owns it now, else the last rep who was owner.
    const ownerId = s.ownerId ?? [...members].reverse().find((m) => m.role === 'owner')?.userId ?? null;
    const primaryId = members.find((m) => m.role === 'owner')?.userId ?? members[0]?.userId ?? null;

    const repList = [...byUser.entries()].map(([userId, ms]) => {
      const first = ms[0]!;
      const involved = ms.reduce((t, m) => t + seconds(m.joinedAt, m.leftAt ?? end), 0);
      return {
        gsnumber: gs.get(userId)!,
        userId,
        username: first.username,
        displayName: first.displayName,
        publicDisplayName: first.publicDisplayName,
        owner: userId === ownerId,
        primary: userId === primaryId,
        invited: ms.some((m) => m.invitedBy !== null),
        external: ms.some((m) => m.role === 'external'),
        joinedAt: first.joinedAt,
        leftAt: ms.some((m) => m.leftAt === null) ? null : ms[ms.length - 1]!.leftAt,
        secondsInvolved: involved,
      };
    });

    const cast: Cast = {
      rep: (id) => {
        const r = repList.find((x) => x.userId === id);
        return r ? { name: r.displayName, gsnumber: r.gsnumber } : null;
      },
      customer: { name: s.customerName, gsnumber: 1 },
    };
    const names = new Map(repList.map((r) => [r.userId, r.displayName]));

    const transcript = events
      .filter((e) => e.kind === 'chat.message')
      .map((e) => {
        const from = (e.data.from ?? {}) as { kind?: 'rep' | 'customer' | 'system'; id?: number | null; name?: string };
        const said = SystemLine.safeParse(e.data.line);
        return { at: e.at, fromKind: from.kind ?? 'system', fromName: from.name ?? 'System', body: String(e.data.body ?? ''), repsOnly: e.data.audience === 'reps', ...(said.success ? { line: said.data } : {}) };
      });

    const files = events
      .filter((e) => fileAction(e.kind))
      .map((e) => ({
        at: e.at,
        by: toReportEvent(e, cast).performedBy.name,
        action: fileAction(e.kind)!,
        path: String(e.data.path ?? e.data.name ?? e.data.from ?? ''),
        size: typeof e.data.size === 'number' ? e.data.size : typeof e.data.bytes === 'number' ? e.data.bytes : null,
      }));
    const count = (...actions: string[]) => files.filter((f) => actions.includes(f.action)).length;

    const permissions = this.repo.prompts(s.id).map((p) => ({
      kind: p.kind,
      label: PERMISSION_LABELS[p.kind] ?? p.kind,
      askedBy: /^rep:(\d+)$/.test(p.askedBy) ? (names.get(Number(p.askedBy.slice(4))) ?? p.askedBy) : p.askedBy,
      askedAt: p.at,
      state: p.state,
      answeredAt: p.answeredAt,
    }));

    const owner = ownerId === null ? null : (names.get(ownerId) ?? null);
    return {
      lsid: s.id,
      lseq: s.lseq,
      type: s.type,
      status: s.status,
      startedAt: s.createdAt,
      endedAt: s.endedAt,
      durationSeconds: seconds(s.createdAt, end),
      customerName: s.customerName,
      company: s.company,
      computer: s.computer,
      publicIp: s.publicIp,
      privateIp: s.privateIp,
      issue: s.issue,
      ownerName: owner,
      reps: repList.map((r) => r.displayName),
      details: s.details,
      externalKey: s.custom['external_key'] ?? '',
      customAttributes: Object.fromEntries(Object.entries(s.custom).filter(([k]) => k !== 'external_key')),
      jumpItem: s.jumpItem,
      customerOs: s.os,
      repList,
      transcript,
      files,
      fileCounts: { transfer: count('upload', 'download'), move: count('move', 'rename'), delete: count('delete') },
      permissions,
      events: events.map((e) => toReportEvent(e, cast)),
      recordings: this.recordings.forSession(s.id),
    };
  }
}
