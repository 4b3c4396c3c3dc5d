/**
 * Every request method and every event of the console protocol, each with its schema.
 * The appliance validates params with these before any handler runs; the renderer's client is typed
 * from the same table, so the two ends cannot drift apart.
 */
import { z } from 'zod';
import { JumpGroup, JumpItemStatus, Me, Queue, QueueId, SessionSummary, TeamChatMessage } from './models.js';
import { FrequentJumpItem, JumpGroupEntry, JumpItemDetail, JumpListItem } from './models.js';
import { EndpointFileListing, EndpointSystemInfo, ShellCols, ShellData, ShellRows } from './agent-messages.js';
import {
  ChatAudience, ChatMessage, Directory, ExpiresIn, GeneratedKey, Invitation, MAX_CHAT_CHARS, MySession, Prompt, PromptKind,
  SessionDetail, SessionId, SessionMember,
} from './session-models.js';
import { screenEvents, screenMethods } from './screen-stream.js';
import { fileEvents, fileMethods } from './file-messages.js';
import { jumpConsentEvents, jumpConsentMethods } from './jump-consent.js';
import { accountEvents } from './account-events.js';
import { shellMethods } from './shell-messages.js';
import { desktopMethods } from './desktop-messages.js';
import { elevationMethods } from './elevation-messages.js';
import { injectMethods } from './inject-messages.js';
import { uiLanguageMethods } from './ui-language-messages.js';
import { emailMethods } from './email-messages.js';
import { SessionEndpoint } from './elevation-models.js';
import { SystemLine } from './system-lines.js';

const Empty = z.object({}).strict();
const TeamId = z.number().int().positive();
const ShellId = z.number().int().positive();
const JumpItemId = z.number().int().positive();

/** Team chat history comes in pages of at most this many lines (the newest page by default). */
export const MAX_TEAM_HISTORY_PAGE = 100;

export const ConsoleKind = z.enum(['web', 'desktop']);
export type ConsoleKind = z.infer<typeof ConsoleKind>;

export const methods = {
  /** Log in with username + password (+ TOTP when enrolled). Returns a console token. */
  'auth.login': {
    params: z.object({
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(256),
      totp: z.string().regex(/^\d{6}$/).optional(),
      console: ConsoleKind,
    }),
    result: z.object({ token: z.string(), me: Me }),
  },
  /** Resume a console login with a token from an earlier auth.login (desktop console, reloads). */
  'auth.resume': {
    params: z.object({ token: z.string().min(16).max(256), console: ConsoleKind }),
    result: z.object({ token: z.string(), me: Me }),
  },
  'auth.logout': { params: Empty, result: Empty },
  'auth.me': { params: Empty, result: Me },

  /** Queues the rep can see with the sessions waiting or running in them. */
  'queues.list': {
    params: Empty,
    result: z.object({
      queues: z.array(Queue),
      sessions: z.array(SessionSummary),
      /** Share and transfer invitations waiting in the rep's personal queue and team queues. */
      invitations: z.array(Invitation).default([]),
      serverTime: z.string(),
    }),
  },
  'queues.setFavourite': {
    params: z.object({ queueId: QueueId, favourite: z.boolean() }),
    result: Empty,
  },

  /** Team chat: send a line to everyone in one of the rep's teams; resolves once it is committed. */
  'team.chat': {
    params: z.object({ teamId: TeamId, body: z.string().trim().min(1).max(MAX_CHAT_CHARS) }),
    result: z.object({ message: TeamChatMessage }),
  },
  /** A page of a team's chat, oldest first: the newest `limit` lines, or those older than `before`. */
  'team.history': {
    params: z.object({ teamId: TeamId, before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(MAX_TEAM_HISTORY_PAGE).default(MAX_TEAM_HISTORY_PAGE) }),
    result: z.object({
      messages: z.array(TeamChatMessage),
      /** Older lines exist before the first one of this page. */
      hasMore: z.boolean(),
      /** The rep's read mark in this team's chat (0: nothing read yet). */
      lastReadId: z.number().int().nonnegative(),
    }),
  },
  /** The rep has read this team's chat up to (and including) upToId; answers what is still unread. */
  'team.markRead': {
    params: z.object({ teamId: TeamId, upToId: z.number().int().nonnegative() }),
    result: z.object({ unread: z.number().int().nonnegative() }),
  },

  /** Take a waiting (or held) session: the rep becomes its owner and it turns active. */
  'session.accept': {
    params: z.object({ sessionId: SessionId }),
    result: z.object({ session: SessionSummary }),
  },
  /** Generate Session Key...: a one-use key into the rep's personal queue. */
  'sessionKey.generate': {
    params: z.object({ expiresInMinutes: ExpiresIn.default(15), customAttributes: z.record(z.string().max(64), z.string().max(1024)).default({}) }),
    result: GeneratedKey,
  },
  /** Teams and reps for the Transfer / Share tree. */
  'directory.list': { params: Empty, result: Directory },
  /** The Sessions menu: every session the rep is a member of, with unread chat. */
  'session.mine': { params: Empty, result: z.object({ sessions: z.array(MySession) }) },
  /** Open a session the rep is a member of: members, full chat history, invitations, prompts. */
  'session.open': { params: z.object({ sessionId: SessionId }), result: SessionDetail },
  /** Send a chat line; resolves once it is committed. audience "reps" hides it from the customer. */
  'session.chat': {
    params: z.object({ sessionId: SessionId, body: z.string().trim().min(1).max(MAX_CHAT_CHARS), audience: ChatAudience.default('all') }),
    result: z.object({ message: ChatMessage }),
  },
  'session.markRead': { params: z.object({ sessionId: SessionId }), result: Empty },
  /** Transfer (owner): the target takes ownership when they accept; stay=false leaves at that moment. */
  'session.transfer': {
    params: z.object({ sessionId: SessionId, target: z.object({ kind: z.enum(['team', 'rep']), id: z.number().int() }), stay: z.boolean().default(true) }),
    result: z.object({ invitation: Invitation }),
  },
  /** Share (owner): invite a team, a rep, or Request Help (the help issue's team). */
  'session.share': {
    params: z.object({
      sessionId: SessionId,
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('team'), id: z.number().int() }),
        z.object({ kind: z.literal('rep'), id: z.number().int() }),
        z.object({ kind: z.literal('help') }),
      ]),
    }),
    result: z.object({ invitation: Invitation }),
  },
  'session.invitation.cancel': { params: z.object({ invitationId: z.number().int() }), result: Empty },
  'session.invitation.decline': { params: z.object({ invitationId: z.number().int() }), result: Empty },
  'session.invitation.accept': { params: z.object({ invitationId: z.number().int() }), result: SessionDetail },
  /** Invite External Representative...: a key for someone outside the site, valid for this session only. */
  'session.inviteExternal': {
    params: z.object({
      sessionId: SessionId,
      policy: z.string().min(1).max(64),
      description: z.string().max(255).default(''),
      name: z.string().trim().min(1).max(100),
      comments: z.string().max(1000).default(''),
      expiresInMinutes: ExpiresIn.default(60),
    }),
    result: GeneratedKey,
  },
  'session.removeMember': { params: z.object({ sessionId: SessionId, userId: z.number().int() }), result: Empty },
  /** End Session (owner): the customer is disconnected and every rep removed. */
  'session.end': { params: z.object({ sessionId: SessionId }), result: Empty },
  /** Hold Session (owner): back to the owner's personal queue; other members stay. */
  'session.hold': { params: z.object({ sessionId: SessionId }), result: Empty },
  /** Leave Session (non-owner). */
  'session.leave': { params: z.object({ sessionId: SessionId }), result: Empty },
  /** Ask the customer for a permission (screen sharing, shell...); the answer arrives as a session.prompt event. */
  'session.prompt': { params: z.object({ sessionId: SessionId, kind: PromptKind }), result: z.object({ prompt: Prompt }) },

  /**
   * Jump Items the rep may see, searched (name, hostname, comments, tag, public and private IP) and
   * paged (at most 50 per page); groupId narrows to one Jump Group, or "personal" to personal lists.
   */
  'jump.list': {
    params: z.object({
      search: z.string().max(255).default(''),
      groupId: z.union([z.number().int(), z.literal('personal')]).nullable().default(null),
      page: z.number().int().min(0).default(0),
      pageSize: z.number().int().min(1).max(50).default(50),
    }),
    result: z.object({
      items: z.array(JumpListItem),
      total: z.number().int(),
      /** A broad search stops counting 500 matches from the page: there are more than `total` ("1–50 of 500+"). */
      totalCapped: z.boolean().default(false),
      page: z.number().int(),
      pageSize: z.number().int(),
      groups: z.array(JumpGroup),
    }),
  },
  /** Jump: start a session with a Jump Item. override starts outside the Jump Policy's schedule (overrideJumpPolicy only). */
  'jump.start': {
    params: z.object({
      itemId: JumpItemId,
      override: z.boolean().default(false),
      password: z.string().min(1).max(256).optional(),
      /** session.custom.* of a client script. */
      customAttributes: z.record(z.string().max(64), z.string().max(1024)).default({}),
    }),
    result: z.object({ sessionId: SessionId }),
  },
  /** The + details of one Jump Item. */
  'jump.details': { params: z.object({ itemId: JumpItemId }), result: JumpItemDetail },
  /** Frequently Used: the Jump Items this rep starts most. */
  'jump.frequent': { params: Empty, result: z.object({ items: z.array(FrequentJumpItem) }) },
  /** The Jump Groups this rep sees, with their role and whether they may pin to each (Pin as Jump Client). */
  'jump.groups': { params: Empty, result: z.object({ groups: z.array(JumpGroupEntry), canPinPersonal: z.boolean() }) },
  /** Pin as Jump Client: a Jump Client for the session's endpoint in a Jump Group or the rep's personal list. */
  'session.pin': {
    params: z.object({
      sessionId: SessionId,
      target: z.union([z.object({ groupId: z.number().int() }).strict(), z.object({ personal: z.literal(true) }).strict()]),
      password: z.string().min(1).max(256).optional(),
    }),
    result: z.object({ item: JumpListItem }),
  },
  /** Unpin: removes a Jump Client (its agent's identity stops working). */
  'jump.unpin': { params: z.object({ itemId: JumpItemId }), result: Empty },

  /**
   * Open a command shell on the session's endpoint (Jump Client or the customer's machine); output
   * arrives as session.shell.output, or with `binary` as binary messages ("RSH1" + shell id,
   * shell-frames.ts) whose bytes the acks then count.
   */
  'session.shell.open': {
    params: z.object({ sessionId: SessionId, cols: ShellCols.default(80), rows: ShellRows.default(24), binary: z.boolean().default(false) }),
    result: z.object({ shellId: ShellId, recordingId: z.number().int().positive().nullable().default(null) }),
  },
  /** Keystrokes (or pasted text) for one of the rep's shells. */
  'session.shell.input': { params: z.object({ shellId: ShellId, data: ShellData.min(1) }), result: Empty },
  'session.shell.resize': { params: z.object({ shellId: ShellId, cols: ShellCols, rows: ShellRows }), result: Empty },
  'session.shell.close': { params: z.object({ shellId: ShellId }), result: Empty },
  /** System information of the session's endpoint. */
  'session.systemInfo': { params: z.object({ sessionId: SessionId }), result: EndpointSystemInfo },
  /** One directory of the session's endpoint, within the folders it allows ('' = its first one). */
  'session.files.list': { params: z.object({ sessionId: SessionId, path: z.string().max(4096).default('') }), result: EndpointFileListing },
  ...screenMethods,
  ...fileMethods,
  ...jumpConsentMethods,
  ...shellMethods,
  ...desktopMethods,
  ...elevationMethods,
  ...injectMethods,
  ...uiLanguageMethods,
  ...emailMethods,
} as const;

export type MethodName = keyof typeof methods;
export type ParamsInput<M extends MethodName> = z.input<(typeof methods)[M]['params']>;
export type Params<M extends MethodName> = z.output<(typeof methods)[M]['params']>;
export type Result<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export const events = {
  /** A session appeared in, or changed in, a queue the rep can see. */
  'queue.session': SessionSummary,
  /** A session left every queue the rep can see (accepted by someone else, ended...). */
  'queue.sessionRemoved': z.object({ id: z.string(), queueId: QueueId }),
  /** An invitation (share / transfer / help) waiting in one of the rep's queues. */
  'queue.invitation': Invitation,
  'queue.invitationRemoved': z.object({ id: z.number().int() }),
  /** A team chat line in one of the rep's teams (their own lines too, for their other consoles). */
  'team.chat': TeamChatMessage,
  /** A chat line in a session the rep is a member of. */
  'session.chat': ChatMessage,
  /** Members, invitations, customer presence or status of a session the rep is a member of changed. */
  'session.state': z.object({
    session: SessionSummary,
    members: z.array(SessionMember),
    invitations: z.array(Invitation),
    customer: z.object({ name: z.string(), connected: z.boolean() }),
    /** The session's endpoint and its mode (click-to-chat, full client, elevated). */
    endpoint: SessionEndpoint.optional(),
  }),
  /** A permission prompt was asked or answered. */
  'session.prompt': Prompt,
  /** The rep is no longer in this session (ended, removed, transferred away); reason says why. */
  'session.closed': z.object({ sessionId: SessionId, reason: z.string(), line: SystemLine.optional() }),
  /** This console was logged out by the appliance; reason says why (shown to the rep). */
  'auth.kicked': z.object({ code: z.string(), message: z.string() }),
  /** Output of one of the rep's command shells. */
  'session.shell.output': z.object({ shellId: ShellId, data: z.string() }),
  /** The shell ended (closed by the rep, exited on the endpoint, or the endpoint went away: code null). */
  'session.shell.exit': z.object({ shellId: ShellId, code: z.number().int().nullable() }),
  /** A Jump Item's status changed (its Jump Client connected or dropped): the Jump Items view updates live. */
  'jump.status': z.object({ itemId: z.number().int(), status: JumpItemStatus }),
  /** A Jump Item the rep sees changed (pinned, moved, started: last accessed); item null: removed or no longer visible. */
  'jump.item': z.object({ itemId: z.number().int(), item: JumpListItem.nullable() }),
  ...screenEvents,
  ...fileEvents,
  ...jumpConsentEvents,
  ...accountEvents,
} as const;

export type EventName = keyof typeof events;
export type EventData<E extends EventName> = z.output<(typeof events)[E]>;
