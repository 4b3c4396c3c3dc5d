/** Shared data shapes: what the appliance shows a console about users, queues, sessions and Jump Items. */
import { z } from 'zod';
import { UI_LANGUAGES } from './ui-languages.js';

export const Permissions = z.object({
  administrator: z.boolean(),
  viewReports: z.boolean(),
  jumpClient: z.boolean(),
  localJump: z.boolean(),
  remoteJump: z.boolean(),
  shellJump: z.boolean(),
  localRdp: z.boolean(),
  jumpStartAll: z.boolean(),
  jumpManage: z.boolean(),
  screenView: z.boolean(),
  screenControl: z.boolean(),
  annotations: z.boolean(),
  fileUpload: z.boolean(),
  fileDownload: z.boolean(),
  commandShell: z.boolean(),
  systemInfo: z.boolean(),
  elevation: z.boolean(),
  pinJumpClients: z.boolean(),
  supportButtons: z.boolean(),
  generateSessionKeys: z.boolean(),
  shareNonTeam: z.boolean(),
  inviteExternal: z.boolean(),
  transfer: z.boolean(),
  overrideJumpPolicy: z.boolean(),
  /** Inject Credentials and Vault check-out (FEATURES.md §F); absent on accounts made before it existed = off. */
  injectCredentials: z.boolean().optional(),
});
export type Permissions = z.infer<typeof Permissions>;
export type PermissionName = keyof Permissions;

export const TeamRole = z.enum(['member', 'lead', 'manager']);
export type TeamRole = z.infer<typeof TeamRole>;

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  publicDisplayName: z.string(),
  isAdmin: z.boolean(),
  permissions: Permissions,
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), role: TeamRole })),
  /** The user's interface language (My Account, Languages); null: never chosen, the browser's applies. */
  uiLanguage: z.enum(UI_LANGUAGES).nullable().optional(),
});
export type Me = z.infer<typeof Me>;

export const QueueKind = z.enum(['personal', 'team', 'general']);
export type QueueKind = z.infer<typeof QueueKind>;

/** A queue id is `personal:<userId>`, `team:<teamId>` or `general`. */
export const QueueId = z.string().regex(/^(personal:\d+|team:\d+|general)$/);
export type QueueId = z.infer<typeof QueueId>;

export const Queue = z.object({
  id: QueueId,
  kind: QueueKind,
  name: z.string(),
  favourite: z.boolean(),
  /** Team queues: team chat lines from others the rep has not read (the orange bubble). */
  unreadChat: z.number().int().nonnegative(),
});
export type Queue = z.infer<typeof Queue>;

/** A line of team chat: reps of one team talking among themselves, outside any session. */
export const TeamChatMessage = z.object({
  id: z.number().int().positive(),
  teamId: z.number().int().positive(),
  /** ISO timestamp of when the appliance stored it. */
  at: z.string(),
  from: z.object({ id: z.number().int(), name: z.string() }),
  body: z.string(),
});
export type TeamChatMessage = z.infer<typeof TeamChatMessage>;

export const SessionStatus = z.enum(['waiting', 'active', 'held', 'ended']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SessionType = z.enum(['support', 'jump']);
export type SessionType = z.infer<typeof SessionType>;

export const SessionSummary = z.object({
  /** LSID: 32 lowercase hex characters, the vendor's session identifier. */
  id: z.string().regex(/^[0-9a-f]{32}$/),
  lseq: z.number().int(),
  type: SessionType,
  /** Click-to-chat sessions run in the customer's browser; the table prefixes them with [Browser]. */
  browser: z.boolean(),
  customerName: z.string(),
  company: z.string(),
  computer: z.string(),
  issue: z.string(),
  details: z.string(),
  customAttributes: z.record(z.string(), z.string()),
  queueId: QueueId,
  status: SessionStatus,
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  /** ISO timestamp of when the session entered the appliance. */
  createdAt: z.string(),
  /** ISO timestamp of when it entered its current queue (waiting time counts from here). */
  queuedAt: z.string(),
  /** The Jump Item the session is with (a Jump, or a session pinned as a Jump Client). */
  jumpItemId: z.number().int().nullable().optional(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const JumpMethod = z.enum(['pinned', 'local_push', 'push', 'shelljump', 'rdp', 'vnc']);
export type JumpMethod = z.infer<typeof JumpMethod>;

export const JumpItemStatus = z.enum(['active', 'offline', 'unusable']);
export type JumpItemStatus = z.infer<typeof JumpItemStatus>;

export const EndpointOs = z.enum(['windows', 'macos', 'linux', 'ios', 'android']);
export type EndpointOs = z.infer<typeof EndpointOs>;

export const JumpItem = z.object({
  id: z.number().int(),
  name: z.string(),
  method: JumpMethod,
  groupId: z.number().int().nullable(),
  groupName: z.string(),
  hostname: z.string(),
  comments: z.string(),
  tag: z.string(),
  publicIp: z.string(),
  privateIp: z.string(),
  os: EndpointOs,
  status: JumpItemStatus,
  lastAccessed: z.string().nullable(),
});
export type JumpItem = z.infer<typeof JumpItem>;

export const JumpGroup = z.object({ id: z.number().int(), name: z.string(), code: z.string() });
export type JumpGroup = z.infer<typeof JumpGroup>;

// ── Jump Policies, Jump Group roles and what the Jump Items view shows (jump.list / jump.details) ──

export const Weekday = z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
export type Weekday = z.infer<typeof Weekday>;

/** A wall-clock time "HH:MM" in the policy's time zone; "24:00" ends a window at midnight. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

/** One weekly window: on each of `days`, from `start` to `end` (an end at or before the start runs past midnight). */
export const JumpScheduleWindow = z.object({ days: z.array(Weekday).min(1), start: ClockTime, end: ClockTime });
export type JumpScheduleWindow = z.infer<typeof JumpScheduleWindow>;

/** Whether the person at the endpoint is asked to allow the session. */
export const JumpPromptRule = z.enum(['prompt', 'no_prompt']);
export type JumpPromptRule = z.infer<typeof JumpPromptRule>;

export const JumpPolicy = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  description: z.string(),
  scheduleEnabled: z.boolean(),
  /** IANA time zone the windows are read in ("Europe/Paris"). */
  timeZone: z.string(),
  windows: z.array(JumpScheduleWindow),
  /** "Force session to end" when the window closes (warned 15 minutes before). */
  forceEnd: z.boolean(),
  /** Customer Present Session Policy: someone is at the endpoint. */
  presentPrompt: JumpPromptRule,
  /** Customer Not Present Session Policy: nobody is at the endpoint. */
  notPresentPrompt: JumpPromptRule,
  /** How long the person at the endpoint has to answer the prompt; no answer: nobody is there to allow it. */
  promptTimeoutSeconds: z.number().int().min(10).max(600),
});
export type JumpPolicy = z.infer<typeof JumpPolicy>;

/** A Jump Group membership role: start sessions with its items, or also edit (pin, unpin) them. */
export const JumpGroupRole = z.enum(['start', 'edit']);
export type JumpGroupRole = z.infer<typeof JumpGroupRole>;

/** A Jump Group as one rep sees it: their role in it (null: they see it through "all Jump Items") and whether they may pin to it. */
export const JumpGroupEntry = JumpGroup.extend({ role: JumpGroupRole.nullable(), canPin: z.boolean() });
export type JumpGroupEntry = z.infer<typeof JumpGroupEntry>;

/** A row of the Jump Items view: the item plus what this rep may do with it. */
export const JumpListItem = JumpItem.extend({
  /** Personal items: whose personal list it is in. */
  ownerUserId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  policyName: z.string().nullable(),
  /** A Jump Client password was set when it was pinned: jump.start needs it. */
  passwordProtected: z.boolean(),
  canStart: z.boolean(),
  canEdit: z.boolean(),
});
export type JumpListItem = z.infer<typeof JumpListItem>;

/** Frequently Used: how often this rep started a session with the item. */
export const FrequentJumpItem = JumpListItem.extend({ starts: z.number().int().nonnegative() });
export type FrequentJumpItem = z.infer<typeof FrequentJumpItem>;

/** The + details of one Jump Item. */
export const JumpItemDetail = JumpListItem.extend({
  createdAt: z.string(),
  policy: JumpPolicy.extend({
    /** The schedule in words ("Mon–Fri 08:00–18:00 (Europe/Paris)"). */
    summary: z.string(),
    /** A session may start now under the schedule. */
    openNow: z.boolean(),
    /** When a session may start next, when not now: ISO instant, and as the refusal words it. */
    nextStart: z.string().nullable(),
    nextStartText: z.string().nullable(),
  }).nullable(),
  /** Whether someone is at the endpoint (from its Jump Client), when it is connected. */
  presence: z.enum(['present', 'absent', 'unknown']).nullable(),
});
export type JumpItemDetail = z.infer<typeof JumpItemDetail>;
