/** Shapes of a running session as a console sees it: members, chat, invitations, prompts. */
import { z } from 'zod';
import { QueueId, SessionSummary } from './models.js';
import { SessionEndpoint } from './elevation-models.js';
import { SystemLine } from './system-lines.js';

export const SessionId = z.string().regex(/^[0-9a-f]{32}$/);

/** Chat lines are capped: a paste of a log is fine, a megabyte is not. */
export const MAX_CHAT_CHARS = 4000;

export const MemberRole = z.enum(['owner', 'participant', 'external']);
export type MemberRole = z.infer<typeof MemberRole>;

export const SessionMember = z.object({
  userId: z.number().int(),
  name: z.string(),
  role: MemberRole,
  online: z.boolean(),
});
export type SessionMember = z.infer<typeof SessionMember>;

export const ChatAudience = z.enum(['all', 'reps']);
export type ChatAudience = z.infer<typeof ChatAudience>;

export const ChatMessage = z.object({
  id: z.number().int(),
  sessionId: SessionId,
  at: z.string(),
  from: z.object({ kind: z.enum(['rep', 'customer', 'system']), id: z.number().int().nullable(), name: z.string() }),
  body: z.string(),
  audience: ChatAudience,
  /** A system line's key and arguments, for readers who word it in their own language. */
  line: SystemLine.optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const InvitationKind = z.enum(['share', 'transfer', 'help']);
export type InvitationKind = z.infer<typeof InvitationKind>;

export const Invitation = z.object({
  id: z.number().int(),
  sessionId: SessionId,
  kind: InvitationKind,
  /** Where the invitation waits: a rep's personal queue or a team queue. */
  queueId: QueueId,
  targetName: z.string(),
  inviterName: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

export const PromptKind = z.enum(['screen_view', 'screen_control', 'command_shell', 'file_transfer', 'system_info', 'elevation', 'full_client']);
export type PromptKind = z.infer<typeof PromptKind>;

export const PromptState = z.enum(['pending', 'allowed', 'refused', 'cancelled']);

export const Prompt = z.object({
  id: z.number().int(),
  sessionId: SessionId,
  kind: PromptKind,
  state: PromptState,
  askedBy: z.string(),
  at: z.string(),
});
export type Prompt = z.infer<typeof Prompt>;

/** Everything a console needs to show an open session. */
export const SessionDetail = z.object({
  session: SessionSummary,
  members: z.array(SessionMember),
  invitations: z.array(Invitation),
  messages: z.array(ChatMessage),
  prompts: z.array(Prompt),
  customer: z.object({ name: z.string(), connected: z.boolean() }),
  /** The session's endpoint and its mode (click-to-chat, full client, elevated). */
  endpoint: SessionEndpoint.optional(),
  myRole: MemberRole,
});
export type SessionDetail = z.infer<typeof SessionDetail>;

/** One line of the Sessions menu. */
export const MySession = z.object({
  session: SessionSummary,
  role: MemberRole,
  unread: z.number().int().nonnegative(),
});
export type MySession = z.infer<typeof MySession>;

export const ExpiresIn = z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60), z.literal(1440), z.literal(10080)]);

export const GeneratedKey = z.object({
  /** 12 digits shown as three groups of four: "9932 3793 7275". */
  key: z.string().regex(/^\d{4} \d{4} \d{4}$/),
  url: z.string(),
  expiresAt: z.string(),
});
export type GeneratedKey = z.infer<typeof GeneratedKey>;

/** The Transfer / Share tree: teams and reps, with who is online. */
export const Directory = z.object({
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), onlineReps: z.number().int() })),
  reps: z.array(z.object({ id: z.number().int(), name: z.string(), online: z.boolean(), teams: z.array(z.string()) })),
});
export type Directory = z.infer<typeof Directory>;
