/** Jump Policies and their weekly schedule windows (days as a bit mask, wall-clock minutes). */
import type { JumpPolicy, JumpScheduleWindow, Weekday } from '../protocol/index.js';
import type { JumpPolicyRepository } from '../domain/ports.js';
import type { Db } from './db.js';

interface PolicyRow {
  id: number;
  name: string;
  code: string;
  description: string;
  schedule_enabled: number;
  time_zone: string;
  force_end: number;
  present_prompt: JumpPolicy['presentPrompt'];
  not_present_prompt: JumpPolicy['notPresentPrompt'];
  prompt_timeout_seconds: number;
}

interface WindowRow {
  policy_id: number;
  days: number;
  start_minute: number;
  end_minute: number;
}

/** Bit i of the mask is WEEKDAYS[i] (bit 0 = Sunday). */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toMask = (days: readonly Weekday[]) => days.reduce((m, d) => m | (1 << WEEKDAYS.indexOf(d)), 0);
const fromMask = (mask: number): Weekday[] => WEEKDAYS.filter((_, i) => mask & (1 << i));

const toWindow = (w: WindowRow): JumpScheduleWindow => ({ days: fromMask(w.days), start: hhmm(w.start_minute), end: hhmm(w.end_minute) });

export class SqliteJumpPolicyRepository implements JumpPolicyRepository {
  constructor(private readonly db: Db) {}

  create(p: Omit<JumpPolicy, 'id'>, now: string | null = null): JumpPolicy {
    const info = this.db
      .prepare(
        'INSERT INTO jump_policies (name, code, description, schedule_enabled, time_zone, force_end, present_prompt, not_present_prompt, prompt_timeout_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(p.name, p.code, p.description, p.scheduleEnabled ? 1 : 0, p.timeZone, p.forceEnd ? 1 : 0, p.presentPrompt, p.notPresentPrompt, p.promptTimeoutSeconds, now);
    const id = Number(info.lastInsertRowid);
    this.writeWindows(id, p.windows);
    return this.byId(id)!;
  }

  update(id: number, p: Omit<JumpPolicy, 'id' | 'code'>, now: string): JumpPolicy | null {
    const changed = this.db
      .prepare(
        'UPDATE jump_policies SET name = ?, description = ?, schedule_enabled = ?, time_zone = ?, force_end = ?, present_prompt = ?, not_present_prompt = ?, prompt_timeout_seconds = ?, updated_at = ? WHERE id = ?',
      )
      .run(p.name, p.description, p.scheduleEnabled ? 1 : 0, p.timeZone, p.forceEnd ? 1 : 0, p.presentPrompt, p.notPresentPrompt, p.promptTimeoutSeconds, now, id).changes;
    if (!changed) return null;
    this.db.prepare('DELETE FROM jump_policy_windows WHERE policy_id = ?').run(id);
    this.writeWindows(id, p.windows);
    return this.byId(id);
  }

  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM jump_policies WHERE id = ?').run(id).changes === 1;
  }

  itemCounts(): Map<number, number> {
    const rows = this.db.prepare<[], { id: number; n: number }>('SELECT policy_id AS id, COUNT(*) AS n FROM jump_items WHERE policy_id IS NOT NULL GROUP BY policy_id').all();
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  byId(id: number): JumpPolicy | null {
    const r = this.db.prepare<[number], PolicyRow>('SELECT * FROM jump_policies WHERE id = ?').get(id);
    return r ? this.toPolicy(r) : null;
  }

  byCode(code: string): JumpPolicy | null {
    const r = this.db.prepare<[string], PolicyRow>('SELECT * FROM jump_policies WHERE code = ?').get(code);
    return r ? this.toPolicy(r) : null;
  }

  list(): JumpPolicy[] {
    return this.db.prepare<[], PolicyRow>('SELECT * FROM jump_policies ORDER BY name COLLATE NOCASE, id').all().map((r) => this.toPolicy(r));
  }

  private writeWindows(policyId: number, windows: readonly JumpScheduleWindow[]): void {
    const win = this.db.prepare('INSERT INTO jump_policy_windows (policy_id, days, start_minute, end_minute) VALUES (?, ?, ?, ?)');
    for (const w of windows) win.run(policyId, toMask(w.days), minutes(w.start), minutes(w.end));
  }

  private toPolicy(r: PolicyRow): JumpPolicy {
    const windows = this.db.prepare<[number], WindowRow>('SELECT * FROM jump_policy_windows WHERE policy_id = ? ORDER BY id').all(r.id).map(toWindow);
    return {
      id: r.id,
      name: r.name,
      code: r.code,
      description: r.description,
      scheduleEnabled: r.schedule_enabled === 1,
      timeZone: r.time_zone,
      windows,
      forceEnd: r.force_end === 1,
      presentPrompt: r.present_prompt,
      notPresentPrompt: r.not_present_prompt,
      promptTimeoutSeconds: r.prompt_timeout_seconds,
    };
  }
}
