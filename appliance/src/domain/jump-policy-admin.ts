/**
 * /login > Jump Policies: administrators (and users allowed to override Jump Policy schedules) list,
 * create, edit and delete Jump Policies — a schedule of weekly entries in an IANA time zone, "force
 * session to end", and whether the person at the endpoint is prompted (with how long they have to
 * answer). A policy's code name is fixed once created: installers name their policy by it.
 */
import { CodedError, type JumpPolicy, type JumpPolicyInput, type JumpPolicyRow } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import { describeSchedule, formatInZone, isOpen, isValidTimeZone, nextOpening } from './jump-schedule.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

type Repos = Pick<Repositories, 'jumpPolicies' | 'transaction'>;

export class JumpPolicyAdmin {
  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
  ) {}

  /** Every policy with its schedule in words, whether it is open now, and how many Jump Items use it. */
  list(actor: Actor): JumpPolicyRow[] {
    authorize(actor, { kind: 'jumpPolicy.edit' });
    const counts = this.repos.jumpPolicies.itemCounts();
    return this.repos.jumpPolicies.list().map((p) => this.row(p, counts.get(p.id) ?? 0));
  }

  create(actor: Actor, input: JumpPolicyInput): JumpPolicyRow {
    authorize(actor, { kind: 'jumpPolicy.edit' });
    const clean = validate(input);
    return this.repos.transaction(() => {
      if (this.repos.jumpPolicies.byCode(input.code)) throw new CodedError('E_JUMP_POLICY_EXISTS', `A Jump Policy with the code name "${input.code}" already exists.`);
      return this.row(this.repos.jumpPolicies.create({ ...clean, code: input.code }, iso(this.clock)), 0);
    });
  }

  /** Saves a policy's settings; the code name cannot change (installers refer to it). */
  update(actor: Actor, id: number, input: JumpPolicyInput): JumpPolicyRow {
    authorize(actor, { kind: 'jumpPolicy.edit' });
    const clean = validate(input);
    return this.repos.transaction(() => {
      const current = this.repos.jumpPolicies.byId(id);
      if (!current) throw new CodedError('E_JUMP_POLICY_NOT_FOUND');
      if (current.code !== input.code) throw new CodedError('E_JUMP_POLICY_INVALID', 'The code name of a Jump Policy cannot change: installers refer to it. Create a new policy instead.');
      const saved = this.repos.jumpPolicies.update(id, clean, iso(this.clock))!;
      return this.row(saved, this.repos.jumpPolicies.itemCounts().get(id) ?? 0);
    });
  }

  /** Deletes a policy: its Jump Items are then without a policy (no schedule, no prompting). */
  remove(actor: Actor, id: number): void {
    authorize(actor, { kind: 'jumpPolicy.edit' });
    if (!this.repos.jumpPolicies.remove(id)) throw new CodedError('E_JUMP_POLICY_NOT_FOUND');
  }

  private row(p: JumpPolicy, jumpItems: number): JumpPolicyRow {
    const now = this.clock.now();
    const open = !p.scheduleEnabled || isOpen(p, now);
    const next = open ? null : nextOpening(p, now);
    return {
      ...p,
      summary: p.scheduleEnabled ? describeSchedule(p) : 'No schedule: sessions may start at any time',
      openNow: open,
      nextStartText: next ? formatInZone(next, p.timeZone) : null,
      jumpItems,
      installers: 0,
    };
  }
}

/** The rules the schema cannot say: a known time zone, and a schedule that has at least one entry. */
function validate(input: JumpPolicyInput): Omit<JumpPolicy, 'id' | 'code'> {
  if (!isValidTimeZone(input.timeZone)) throw new CodedError('E_JUMP_POLICY_INVALID', `"${input.timeZone}" is not a time zone this site knows. Use an IANA name such as Europe/Paris.`);
  if (input.scheduleEnabled && input.windows.length === 0) throw new CodedError('E_JUMP_POLICY_INVALID', 'A schedule needs at least one entry (days, start and end time). Add one, or turn the schedule off.');
  if (input.forceEnd && !input.scheduleEnabled) throw new CodedError('E_JUMP_POLICY_INVALID', '"Force session to end" needs a schedule: turn the schedule on, or the option off.');
  const { code: _code, ...rest } = input;
  return { ...rest, windows: rest.windows.map((w) => ({ ...w, days: [...new Set(w.days)] })) };
}
