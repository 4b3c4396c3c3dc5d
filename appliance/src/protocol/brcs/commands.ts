/**
 * The client scripting command catalogue (FORMATS.md §Client scripting API): one zod schema per
 * documented action, keyed by the vendor's own parameter names so that a URL, a line of a `.brcs`
 * file and a parsed command read the same. `session.custom.<code>` parameters are gathered into
 * `custom`. `readBrcsCommand` turns decoded key/value pairs into a validated command; the `.brcs`
 * parser and `/api/client_script` both go through it, so they accept and refuse the same things.
 */
import { z } from 'zod';
import type { JumpMethod } from '../models.js';

export const BRCS_LIMITS = {
  /** Commands per script, the inserted `login` included. */
  commands: 10,
  /** Every parameter other than `session.custom.*`. */
  value: 255,
  customValue: 1024,
  /** All `session.custom.*` values together, the external key (`session.custom.external_key`) included. */
  customTotal: 10 * 1024,
} as const;

export const CUSTOM_PREFIX = 'session.custom.';

/** A parameter value: text of 1–255 characters. A missing required one says so. */
const text = () =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .min(1, 'must not be empty')
    .max(BRCS_LIMITS.value, `is longer than ${BRCS_LIMITS.value} characters`);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** Same code-name rule as `/api/start_session`. */
const CustomCode = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'is not a valid custom attribute code name (letters, digits, _ . -; at most 64)');

export const BrcsCustomFields = z
  .record(CustomCode, z.string().max(BRCS_LIMITS.customValue, `is longer than ${BRCS_LIMITS.customValue} characters`))
  .superRefine((fields, ctx) => {
    // Counted in characters, as /api/start_session counts them.
    const total = Object.values(fields).reduce((n, v) => n + v.length, 0);
    if (total > BRCS_LIMITS.customTotal) ctx.addIssue({ code: 'custom', message: 'The session.custom.* values together (external key included) are longer than 10 KB.' });
  })
  .default({});
export type BrcsCustomFields = z.output<typeof BrcsCustomFields>;

export const LOGIN_MECHANISMS = ['username_password', 'one_time_token'] as const;

const LoginParams = z
  .object({
    /** `username_password` (the vendor's) or `one_time_token` (ours, for the web→desktop hand-off: never a password). */
    mechanism: oneOf(LOGIN_MECHANISMS).optional(),
    username: text().optional(),
    password: text().optional(),
    token: text().optional(),
    /** With `one_time_token`: the site's address (http(s) origin) the token belongs to, so a console that never connected to it can ask first. */
    site: text().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.site !== undefined && p.mechanism !== 'one_time_token') ctx.addIssue({ code: 'custom', message: 'login takes a site only with mechanism=one_time_token.' });
    const given = (['mechanism', 'username', 'password', 'token'] as const).filter((k) => p[k] !== undefined);
    if (given.length === 0) return; // no credentials: the console uses its saved login, or asks
    if (p.mechanism === 'one_time_token') {
      if (p.token === undefined) ctx.addIssue({ code: 'custom', message: 'login with mechanism=one_time_token needs a token.' });
      if (p.username !== undefined || p.password !== undefined) ctx.addIssue({ code: 'custom', message: 'login with mechanism=one_time_token takes no username or password.' });
      return;
    }
    if (p.token !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'login takes a token only with mechanism=one_time_token.' });
      return;
    }
    const missing = (['mechanism', 'username', 'password'] as const).filter((k) => p[k] === undefined);
    if (missing.length) ctx.addIssue({ code: 'custom', message: `login needs mechanism, username and password together (missing: ${missing.join(', ')}).` });
  });

const GenerateSessionKeyParams = z.object({ public_portal_hostname: text().optional() });
const PushAndStartLocalParams = z.object({ hostname: text() });
const PushAndStartRemoteParams = z.object({ target: text(), jumpoint: text().optional() });

/** The vendor's Jump methods, in the order its documentation lists them. */
const JUMP_METHODS = ['push', 'local_push', 'pinned', 'rdp', 'vnc', 'shelljump'] as const satisfies readonly JumpMethod[];

/** The `client.*` criteria; `search_string` is needed only when none of these is given. */
export const CLIENT_CRITERIA = ['client.hostname', 'client.comments', 'client.tag', 'client.public_ip', 'client.private_ip'] as const;

const StartJumpItemSessionParams = z
  .object({
    'jump.method': oneOf(JUMP_METHODS).optional(),
    credential_id: text().optional(),
    search_string: text().optional(),
    'client.hostname': text().optional(),
    'client.comments': text().optional(),
    'client.tag': text().optional(),
    'client.public_ip': text().optional(),
    'client.private_ip': text().optional(),
  })
  .refine((p) => p.search_string !== undefined || CLIENT_CRITERIA.some((k) => p[k] !== undefined), {
    message: `start_jump_item_session needs search_string or at least one of ${CLIENT_CRITERIA.join(', ')}.`,
  });

const StartShellJumpSessionParams = z.object({
  target: text(),
  jumpoint: text().optional(),
  username: text().optional(),
  protocol: oneOf(['ssh', 'telnet']).default('ssh'),
  port: z
    .number({ error: 'must be a whole number from 1 to 65535' })
    .int('must be a whole number from 1 to 65535')
    .min(1, 'must be a whole number from 1 to 65535')
    .max(65535, 'must be a whole number from 1 to 65535')
    .default(22),
  terminal: oneOf(['xterm', 'vt100']).default('xterm'),
});

// `prefault`: where every parameter is optional, `params` may be left out and is validated as `{}`.
export const BrcsLogin = z.object({ action: z.literal('login'), params: LoginParams.prefault({}) });
export const BrcsGenerateSessionKey = z.object({ action: z.literal('generate_session_key'), params: GenerateSessionKeyParams.prefault({}), custom: BrcsCustomFields });
export const BrcsPushAndStartLocal = z.object({ action: z.literal('push_and_start_local'), params: PushAndStartLocalParams, custom: BrcsCustomFields });
export const BrcsPushAndStartRemote = z.object({ action: z.literal('push_and_start_remote'), params: PushAndStartRemoteParams, custom: BrcsCustomFields });
export const BrcsStartJumpItemSession = z.object({ action: z.literal('start_jump_item_session'), params: StartJumpItemSessionParams.prefault({}), custom: BrcsCustomFields });
export const BrcsStartShellJumpSession = z.object({ action: z.literal('start_shell_jump_session'), params: StartShellJumpSessionParams, custom: BrcsCustomFields });

export const BrcsCommand = z.discriminatedUnion('action', [
  BrcsLogin,
  BrcsGenerateSessionKey,
  BrcsPushAndStartLocal,
  BrcsPushAndStartRemote,
  BrcsStartJumpItemSession,
  BrcsStartShellJumpSession,
]);
/** A validated command, defaults filled in. */
export type BrcsCommand = z.output<typeof BrcsCommand>;
/** What a caller may hand to `generateBrcs`: defaults may be left out. */
export type BrcsCommandInput = z.input<typeof BrcsCommand>;
export type BrcsAction = BrcsCommand['action'];
export type BrcsCommandOf<A extends BrcsAction> = Extract<BrcsCommand, { action: A }>;

export type BrcsLogin = z.output<typeof BrcsLogin>;
export type BrcsGenerateSessionKey = z.output<typeof BrcsGenerateSessionKey>;
export type BrcsPushAndStartLocal = z.output<typeof BrcsPushAndStartLocal>;
export type BrcsPushAndStartRemote = z.output<typeof BrcsPushAndStartRemote>;
export type BrcsStartJumpItemSession = z.output<typeof BrcsStartJumpItemSession>;
export type BrcsStartShellJumpSession = z.output<typeof BrcsStartShellJumpSession>;

const PARAMS = {
  login: LoginParams,
  generate_session_key: GenerateSessionKeyParams,
  push_and_start_local: PushAndStartLocalParams,
  push_and_start_remote: PushAndStartRemoteParams,
  start_jump_item_session: StartJumpItemSessionParams,
  start_shell_jump_session: StartShellJumpSessionParams,
} as const satisfies Record<BrcsAction, z.ZodObject>;

/** Every documented action, in the order the vendor lists them. Nothing else is ever run. */
export const BRCS_ACTIONS = Object.keys(PARAMS) as BrcsAction[];

/** The actions that start (or prepare) a session, and so take `session.custom.*`. */
const TAKES_CUSTOM: ReadonlySet<BrcsAction> = new Set(BRCS_ACTIONS.filter((a) => a !== 'login'));

/** Parameters read as numbers, and enumerated ones matched without regard to case (lenient). */
const NUMERIC = new Set(['port']);
const CASE_INSENSITIVE = new Set(['jump.method', 'mechanism', 'protocol', 'terminal']);

export function isBrcsAction(name: string): name is BrcsAction {
  return Object.prototype.hasOwnProperty.call(PARAMS, name);
}

/** The parameter names an action documents (without `session.custom.*`), in schema order. */
export function brcsParamNames(action: BrcsAction): string[] {
  return Object.keys(PARAMS[action].shape);
}

export function takesCustomFields(action: BrcsAction): boolean {
  return TAKES_CUSTOM.has(action);
}

export type ReadCommandResult = { ok: true; command: BrcsCommand; warnings: string[] } | { ok: false; message: string };

/** Shortens a value quoted back in an error, so a 10 KB parameter does not make a 10 KB message. */
export function clip(s: string, max = 64): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * Builds a command from decoded `key=value` pairs (without `action`). Refuses an unknown action, a
 * repeated parameter and anything the schema refuses; ignores unknown parameters (a warning each).
 * An empty value counts as not given, except for `session.custom.*` where empty is a value.
 */
export function readBrcsCommand(action: string, pairs: readonly (readonly [string, string])[]): ReadCommandResult {
  if (!isBrcsAction(action)) return { ok: false, message: `Unknown action "${clip(action)}". The documented actions are ${BRCS_ACTIONS.join(', ')}.` };
  const known = new Set(brcsParamNames(action));
  const params: Record<string, string | number> = {};
  const custom: Record<string, string> = {};
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const [key, value] of pairs) {
    if (key === 'action' || seen.has(key)) return { ok: false, message: `The parameter "${clip(key)}" is given more than once.` };
    seen.add(key);
    if (key.startsWith(CUSTOM_PREFIX) && TAKES_CUSTOM.has(action)) custom[key.slice(CUSTOM_PREFIX.length)] = value;
    else if (!known.has(key)) warnings.push(`The parameter "${clip(key)}" is not used by ${action} and was ignored.`);
    else if (value === '') continue;
    else if (NUMERIC.has(key)) params[key] = /^\d{1,6}$/.test(value) ? Number(value) : value;
    else params[key] = CASE_INSENSITIVE.has(key) ? value.toLowerCase() : value;
  }
  const input = TAKES_CUSTOM.has(action) ? { action, params, custom } : { action, params };
  const parsed = BrcsCommand.safeParse(input);
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error.issues[0]!) };
  return { ok: true, command: parsed.data, warnings };
}

/** One zod issue as a sentence that names the parameter: "client.tag is longer than 255 characters." */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const [where, name] = issue.path;
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  if (typeof name !== 'string') return message;
  const param = where === 'custom' ? `${CUSTOM_PREFIX}${clip(name)}` : name;
  return `${param} ${message}.`;
}
