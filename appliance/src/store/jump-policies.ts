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

  create(p: Omit<JumpPolicy, 'id'>): JumpPolicy {
    const info = this.db
      .prepare('INSERT INTO jump_policies (name, code, description, schedule_enabled, time_zone, force_end, present_prompt, not_present_prompt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(p.name, p.code, p.description, p.scheduleEnabled ? 1 : 0, p.timeZone, p.forceEnd ? 1 : 0, p.presentPrompt, p.notPresentPrompt);
    const id = Number(info.lastInsertRowid);
    const win = this.db.prepare('INSERT INTO jump_policy_windows (policy_id, days, start_minute, end_minute) VALUES (?, ?, ?, ?)');
    for (const w of p.windows) win.run(id, toMask(w.days), minutes(w.start), minutes(w.end));
    return this.byId(id)!;
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
    return this.db.prepare<[], PolicyRow>('SELECT * FROM jump_policies ORDER BY name').all().map((r) => this.toPolicy(r));
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
    };
  }
}
