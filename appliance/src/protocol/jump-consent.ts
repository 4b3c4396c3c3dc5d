/**
 * Jumps that wait for the person at the endpoint, Jump Policies as /login edits them, and the forced
 * end a session's Jump Policy schedules. Spread into `methods` / `events` (console protocol) and
 * `applianceMethods` (agent protocol).
 *
 * A Jump whose Jump Policy prompts the end user: `jump.request` answers at once — started, or
 * waiting (until `expiresAt`) — and the outcome follows as a `jump.consent` event on the same
 * console. `jump.start` does the same in one call (it answers when the end user has), for scripts.
 */
import { z } from 'zod';
import { ClockTime, JumpPolicy, JumpPromptRule, Weekday } from './models.js';
import { SessionId } from './session-models.js';
import { SystemLine } from './system-lines.js';

const JumpItemId = z.number().int().positive();

/** session.custom.* of a client script: each value at most 1024 characters, all of them at most 10 KB. */
export const MAX_CUSTOM_VALUE = 1024;
export const MAX_CUSTOM_TOTAL = 10 * 1024;

export const JumpRequestParams = z.object({
  itemId: JumpItemId,
  override: z.boolean().default(false),
  password: z.string().min(1).max(256).optional(),
  customAttributes: z.record(z.string().max(64), z.string().max(MAX_CUSTOM_VALUE)).default({}),
});
export type JumpRequestParams = z.output<typeof JumpRequestParams>;

/** A Jump waiting for the person at the endpoint to allow it. */
export const JumpWait = z.object({
  requestId: z.string(),
  itemId: z.number().int(),
  /** ISO instant: no answer by then and the Jump is refused (nobody there to allow it). */
  expiresAt: z.string(),
  message: z.string(),
  /** The message's key and arguments ("jump.waiting"), for consoles that word it themselves. */
  line: SystemLine.optional(),
});
export type JumpWait = z.infer<typeof JumpWait>;

/** What the person at the endpoint answered (none: nobody answered in time, or nobody is logged in). */
export const ConsentAnswer = z.enum(['allow', 'deny', 'none']);
export type ConsentAnswer = z.infer<typeof ConsentAnswer>;

/** How a waiting Jump ended: started (sessionId), or refused / cancelled with a coded reason. */
export const JumpConsentOutcome = z.object({
  requestId: z.string(),
  itemId: z.number().int(),
  outcome: z.enum(['started', 'denied', 'nobody', 'cancelled', 'failed']),
  sessionId: SessionId.nullable(),
  code: z.string().nullable(),
  message: z.string(),
});
export type JumpConsentOutcome = z.infer<typeof JumpConsentOutcome>;

/** When a Jump session's Jump Policy ends it ("force session to end"). */
export const JumpSessionEnd = z.object({
  endsAt: z.string(),
  /** "November 29, 2026 06:00 AM (Europe/Paris)". */
  endsAtText: z.string(),
  policyName: z.string(),
  timeZone: z.string(),
});
export type JumpSessionEnd = z.infer<typeof JumpSessionEnd>;

export const jumpConsentMethods = {
  /** Jump: started at once, or waiting for the end user (the outcome arrives as jump.consent). */
  'jump.request': {
    params: JumpRequestParams,
    result: z.object({ sessionId: SessionId.nullable(), waiting: JumpWait.nullable() }),
  },
  /** Stop waiting for the end user: the prompt is withdrawn, nothing starts. */
  'jump.cancel': { params: z.object({ requestId: z.string().min(1).max(64) }), result: z.object({}).strict() },
  /** When this Jump session's Jump Policy ends it, or null. */
  'jump.sessionEnd': { params: z.object({ sessionId: SessionId }), result: z.object({ end: JumpSessionEnd.nullable() }) },
} as const;

export const jumpConsentEvents = {
  /** A waiting Jump ended: started, refused by the end user, nobody there, cancelled. */
  'jump.consent': JumpConsentOutcome,
} as const;

/** The agent protocol: the appliance asks the person at the endpoint to allow a Jump. */
export const consentApplianceMethods = {
  'consent.ask': {
    params: z.object({
      repName: z.string().max(200),
      itemName: z.string().max(300),
      policyName: z.string().max(200),
      timeoutSeconds: z.number().int().min(1).max(600),
    }),
    result: z.object({ answer: ConsentAnswer }),
  },
} as const;

// ── Jump Policies as /login > Jump Policies edits them ─────────────────────────────────────────

const Text = (max: number) => z.string().max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

/** A policy as the administrator submits it (code: letters, digits, dashes and underscores; fixed once created). */
export const JumpPolicyInput = z.object({
  name: Text(100).pipe(z.string().trim().min(1, 'A Jump Policy needs a name.')),
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'The code name may use letters, digits, - and _ (at most 64).'),
  description: Text(500).default(''),
  scheduleEnabled: z.boolean(),
  timeZone: z.string().min(1).max(64),
  windows: z.array(z.object({ days: z.array(Weekday).min(1, 'Choose at least one day.').max(7), start: ClockTime, end: ClockTime })).max(50),
  forceEnd: z.boolean(),
  presentPrompt: JumpPromptRule,
  notPresentPrompt: JumpPromptRule,
  promptTimeoutSeconds: z.number().int().min(10).max(600),
}).strict();
export type JumpPolicyInput = z.output<typeof JumpPolicyInput>;

/** A row of the Jump Policies page: the policy, its schedule in words, and what uses it. */
export const JumpPolicyRow = JumpPolicy.extend({
  summary: z.string(),
  openNow: z.boolean(),
  nextStartText: z.string().nullable(),
  jumpItems: z.number().int(),
  installers: z.number().int(),
});
export type JumpPolicyRow = z.infer<typeof JumpPolicyRow>;
