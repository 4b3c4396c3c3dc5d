import type { ChatAudience, ChatMessage, QueueId, SessionStatus, SessionSummary, SystemLine } from '../protocol/index.js';
import type { NewSession, SessionRepository } from '../domain/ports.js';
import type { Db } from './db.js';

interface SessionRow {
  id: string;
  lseq: number;
  type: SessionSummary['type'];
  browser: number;
  customer_name: string;
  company: string;
  computer: string;
  issue: string;
  details: string;
  custom: string;
  queue_id: QueueId;
  status: SessionStatus;
  owner_id: number | null;
  owner_name: string | null;
  created_at: string;
  queued_at: string;
  jump_item_id: number | null;
}

const toSummary = (r: SessionRow): SessionSummary => ({
  id: r.id,
  lseq: r.lseq,
  type: r.type,
  browser: r.browser === 1,
  customerName: r.customer_name,
  company: r.company,
  computer: r.computer,
  issue: r.issue,
  details: r.details,
  customAttributes: JSON.parse(r.custom) as Record<string, string>,
  queueId: r.queue_id,
  status: r.status,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  createdAt: r.created_at,
  queuedAt: r.queued_at,
  jumpItemId: r.jump_item_id,
});

const SELECT = 'SELECT s.*, u.display_name AS owner_name FROM sessions s LEFT JOIN users u ON u.id = s.owner_id';

export class SqliteSessionRepository implements SessionRepository {
  constructor(private readonly db: Db) {}

  create(s: NewSession, now: string): SessionSummary {
    const lseq = ((this.db.prepare('SELECT MAX(lseq) AS m FROM sessions').get() as { m: number | null }).m ?? 0) + 1;
    this.db
      .prepare(
        `INSERT INTO sessions (id, lseq, type, browser, customer_name, company, computer, issue, details, custom, queue_id, status, customer_token_hash, created_at, queued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)`,
      )
      .run(s.id, lseq, s.type, s.browser ? 1 : 0, s.customerName, s.company, s.computer, s.issue, s.details, JSON.stringify(s.customAttributes), s.queueId, s.customerTokenHash, now, now);
    return this.byId(s.id)!;
  }

  byId(id: string): SessionSummary | null {
    const r = this.db.prepare<[string], SessionRow>(`${SELECT} WHERE s.id = ?`).get(id);
    return r ? toSummary(r) : null;
  }

  byCustomerTokenHash(hash: string): SessionSummary | null {
    const r = this.db.prepare<[string], SessionRow>(`${SELECT} WHERE s.customer_token_hash = ?`).get(hash);
    return r ? toSummary(r) : null;
  }

  openInQueues(queueIds: readonly QueueId[]): SessionSummary[] {
    if (!queueIds.length) return [];
    return this.db
      .prepare<string[], SessionRow>(`${SELECT} WHERE s.status != 'ended' AND s.queue_id IN (${queueIds.map(() => '?').join(',')}) ORDER BY s.queued_at, s.lseq`)
      .all(...queueIds)
      .map(toSummary);
  }

  waitingPosition(id: string): number | null {
    // The order of openInQueues (queued_at, then lseq), counted instead of listed: a waiting page
    // asks for it on every poll, and listing the whole queue made that O(queue length).
    const r = this.db
      .prepare<[string], { n: number | null }>(
        `SELECT CASE WHEN s.status = 'waiting' THEN (
           SELECT COUNT(*) FROM sessions w
           WHERE w.status = 'waiting' AND w.queue_id = s.queue_id AND (w.queued_at < s.queued_at OR (w.queued_at = s.queued_at AND w.lseq <= s.lseq))
         ) END AS n FROM sessions s WHERE s.id = ?`,
      )
      .get(id);
    return r?.n ?? null;
  }

  countOpen(status: SessionStatus): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE status = ?').get(status) as { n: number }).n;
  }

  setStatus(id: string, status: SessionStatus, now: string): SessionSummary | null {
    this.db.prepare(`UPDATE sessions SET status = ?, ended_at = CASE WHEN ? = 'ended' THEN ? ELSE ended_at END WHERE id = ?`).run(status, status, now, id);
    return this.byId(id);
  }

  claim(id: string, ownerId: number): boolean {
    return this.db.prepare("UPDATE sessions SET status = 'active', owner_id = ? WHERE id = ? AND status = 'waiting'").run(ownerId, id).changes === 1;
  }

  moveTo(id: string, queueId: QueueId, status: SessionStatus, ownerId: number | null, now: string): void {
    this.db.prepare('UPDATE sessions SET queue_id = ?, status = ?, owner_id = ?, queued_at = ? WHERE id = ?').run(queueId, status, ownerId, now, id);
  }

  setOwner(id: string, ownerId: number | null): void {
    this.db.prepare('UPDATE sessions SET owner_id = ? WHERE id = ?').run(ownerId, id);
  }

  addEvent(sessionId: string, actor: string, kind: string, data: Record<string, unknown>, now: string): number {
    const info = this.db.prepare('INSERT INTO session_events (session_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)').run(sessionId, now, actor, kind, JSON.stringify(data));
    return Number(info.lastInsertRowid);
  }

  chat(sessionId: string, from: ChatMessage['from'], body: string, audience: ChatAudience, now: string, line?: SystemLine): ChatMessage {
    const actor = from.kind === 'rep' ? `rep:${from.id}` : from.kind;
    const id = this.addEvent(sessionId, actor, 'chat.message', line ? { from, body, audience, line } : { from, body, audience }, now);
    return line ? { id, sessionId, at: now, from, body, audience, line } : { id, sessionId, at: now, from, body, audience };
  }

  messages(sessionId: string, customerView: boolean): ChatMessage[] {
    return this.db
      .prepare<[string], { id: number; at: string; data: string }>("SELECT id, at, data FROM session_events WHERE session_id = ? AND kind = 'chat.message' ORDER BY id")
      .all(sessionId)
      .map((r) => {
        const d = JSON.parse(r.data) as { from: ChatMessage['from']; body: string; audience: ChatAudience; line?: SystemLine };
        const m: ChatMessage = { id: r.id, sessionId, at: r.at, from: d.from, body: d.body, audience: d.audience };
        return d.line ? { ...m, line: d.line } : m;
      })
      .filter((m) => !customerView || m.audience === 'all');
  }

  unreadCount(sessionId: string, afterEventId: number, readerId: number): number {
    return (
      this.db
        .prepare("SELECT COUNT(*) AS n FROM session_events WHERE session_id = ? AND kind = 'chat.message' AND id > ? AND actor != ?")
        .get(sessionId, afterEventId, `rep:${readerId}`) as { n: number }
    ).n;
  }

  lastEventId(sessionId: string): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM session_events WHERE session_id = ?').get(sessionId) as { m: number }).m;
  }

  openSimulated(): SessionSummary[] {
    return this.db.prepare<[], SessionRow>(`${SELECT} WHERE s.status != 'ended' AND s.customer_token_hash IS NULL ORDER BY s.lseq`).all().map(toSummary);
  }

  ownedBy(userId: number): SessionSummary[] {
    return this.db.prepare<[number], SessionRow>(`${SELECT} WHERE s.owner_id = ? AND s.status != 'ended' ORDER BY s.lseq`).all(userId).map(toSummary);
  }

  events(sessionId: string) {
    return this.db
      .prepare<[string], { at: string; actor: string; kind: string; data: string }>('SELECT at, actor, kind, data FROM session_events WHERE session_id = ? ORDER BY id')
      .all(sessionId)
      .map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
  }

  setCustomerAddress(id: string, address: { publicIp?: string; privateIp?: string }): void {
    if (address.publicIp) this.db.prepare('UPDATE sessions SET customer_public_ip = ? WHERE id = ?').run(address.publicIp.slice(0, 64), id);
    if (address.privateIp) this.db.prepare('UPDATE sessions SET customer_private_ip = ? WHERE id = ?').run(address.privateIp.slice(0, 64), id);
  }
}
