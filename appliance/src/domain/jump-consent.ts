/**
 * Jumps that wait for the person at the endpoint. When the Jump Policy's Customer Present Session
 * Policy prompts, the endpoint asks its user (a real agent: its --consent answer or its terminal; the
 * demo fleet: the logged-in user clicks Allow after a few seconds). Allowed: the checks run again (the
 * item may have gone offline meanwhile) and the session starts. Denied: E_JUMP_CONSENT_DENIED. No
 * answer within the policy's prompt timeout, or nobody logged in: E_JUMP_NOBODY_PRESENT. Nothing is
 * written until the answer is yes. The rep may cancel while waiting.
 */
import { randomBytes } from 'node:crypto';
import { CodedError, line, type ConsentAnswer, type JumpConsentOutcome, type JumpWait, type Params } from '../protocol/index.js';
import type { Clock } from './clock.js';
import type { GraceTimers } from './grace.js';
import type { JumpPlan, JumpSessions } from './jump-sessions.js';
import type { Actor } from './permissions.js';
import { worded } from './system-line-text.js';

/** A rep may wait on this many Jumps at once. */
export const MAX_WAITING_PER_REP = 10;

interface Waiting {
  userId: number;
  itemId: number;
  settle: (answer: ConsentAnswer | 'cancelled') => void;
}

export class JumpConsent {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly sessions: Pick<JumpSessions, 'prepare' | 'begin'>,
    private readonly timers: GraceTimers,
    private readonly clock: Clock,
  ) {}

  /** Starts a Jump, waiting for the end user when the policy prompts; resolves once started, rejects with the coded refusal. */
  async start(actor: Actor, p: Params<'jump.start'>): Promise<{ sessionId: string }> {
    const plan = this.sessions.prepare(actor, p);
    if (!plan.needsConsent) return this.sessions.begin(actor, plan, p, null);
    return this.wait(actor, plan, p).done;
  }

  /** The console's Jump: started at once, or waiting (the outcome goes to `notify`). */
  request(actor: Actor, p: Params<'jump.start'>, notify: (o: JumpConsentOutcome) => void): { sessionId: string | null; waiting: JumpWait | null } {
    const plan = this.sessions.prepare(actor, p);
    if (!plan.needsConsent) return { sessionId: this.sessions.begin(actor, plan, p, null).sessionId, waiting: null };
    const { requestId, expiresAt, done } = this.wait(actor, plan, p);
    const itemId = plan.item.id;
    done.then(
      ({ sessionId }) => notify({ requestId, itemId, outcome: 'started', sessionId, code: null, message: `The end user at ${plan.item.name} allowed the session.` }),
      (e: unknown) => {
        const code = e instanceof CodedError ? e.code : 'E_INTERNAL';
        const outcome = code === 'E_JUMP_CONSENT_DENIED' ? 'denied' : code === 'E_JUMP_NOBODY_PRESENT' ? 'nobody' : code === 'E_JUMP_CANCELLED' ? 'cancelled' : 'failed';
        notify({ requestId, itemId, outcome, sessionId: null, code, message: e instanceof Error ? e.message : String(e) });
      },
    );
    const policy = plan.policy!;
    return {
      sessionId: null,
      waiting: {
        requestId,
        itemId,
        expiresAt,
        ...worded(line('jump.waiting', { item: plan.item.name, policy: policy.name, seconds: policy.promptTimeoutSeconds })),
      },
    };
  }

  /** The rep stops waiting: the Jump is refused with E_JUMP_CANCELLED. */
  cancel(actor: Actor, requestId: string): void {
    const w = this.waiting.get(requestId);
    if (!w || w.userId !== actor.user.id) throw new CodedError('E_JUMP_REQUEST_NOT_FOUND');
    w.settle('cancelled');
  }

  /** How many Jumps wait for an answer (all reps). */
  get size(): number {
    return this.waiting.size;
  }

  private wait(actor: Actor, plan: JumpPlan, p: Params<'jump.start'>): { requestId: string; expiresAt: string; done: Promise<{ sessionId: string }> } {
    const mine = [...this.waiting.values()].filter((w) => w.userId === actor.user.id).length;
    if (mine >= MAX_WAITING_PER_REP) throw new CodedError('E_RATE_LIMITED', 'You are already waiting on too many end users to answer. Wait for them, or cancel some.');
    const policy = plan.policy!;
    const requestId = randomBytes(12).toString('hex');
    const startedAt = this.clock.now().getTime();
    const timeoutMs = policy.promptTimeoutSeconds * 1000;
    const expiresAt = new Date(startedAt + timeoutMs).toISOString();

    const answered = new Promise<ConsentAnswer | 'cancelled'>((resolve) => {
      let settled = false;
      const settle = (a: ConsentAnswer | 'cancelled') => {
        if (settled) return;
        settled = true;
        this.timers.cancel(`jump-consent:${requestId}`);
        this.waiting.delete(requestId);
        resolve(a);
      };
      this.waiting.set(requestId, { userId: actor.user.id, itemId: plan.item.id, settle });
      this.timers.start(`jump-consent:${requestId}`, timeoutMs, () => settle('none'));
      const ask = plan.endpoint?.askConsent;
      if (!ask) {
        // An endpoint that cannot show a prompt has nobody to allow the session.
        settle('none');
        return;
      }
      ask
        .call(plan.endpoint, { repName: actor.user.publicDisplayName || actor.user.displayName, itemName: plan.item.name, policyName: policy.name, timeoutSeconds: policy.promptTimeoutSeconds })
        .then(settle, () => settle('none'));
    });

    const done = answered.then((answer) => {
      const name = plan.item.name;
      if (answer === 'cancelled') throw new CodedError('E_JUMP_CANCELLED', `You cancelled the Jump to ${name} before the end user answered.`);
      if (answer === 'deny') throw new CodedError('E_JUMP_CONSENT_DENIED', `The end user at ${name} denied the session.`);
      if (answer === 'none') {
        throw new CodedError(
          'E_JUMP_NOBODY_PRESENT',
          `The Jump Policy "${policy.name}" requires the person at ${name} to allow the session, and nobody is there to allow it (no answer within ${policy.promptTimeoutSeconds} seconds).`,
        );
      }
      // Allowed: everything is checked again (the item may have gone offline, the rep lost access).
      const again = this.sessions.prepare(actor, p, true);
      return this.sessions.begin(actor, again, p, { answer: 'allow', waitedMs: this.clock.now().getTime() - startedAt });
    });
    return { requestId, expiresAt, done };
  }
}
