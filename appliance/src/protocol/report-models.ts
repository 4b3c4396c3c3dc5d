/**
 * Reports (/login > Reports): the filters, a row of the result table and a session's detail page,
 * as the appliance answers them and the admin pages read them.
 */
import { z } from 'zod';
import { SystemLine } from './system-lines.js';

/** Rep participation: every session, sessions some rep joined, sessions no rep joined, or one rep's. */
export const RepParticipation = z.union([z.enum(['all', 'any', 'none']), z.string().regex(/^\d{1,9}$/)]);

/** The Reports form. `from`/`to` are instants (the page turns the chosen local days into them); `to` is exclusive. */
export const ReportFilterInput = z.object({
  /** An LSID (32 hex characters) or a sequence number: alone, never with other filters. */
  session: z.string().trim().max(64).default(''),
  from: z.string().max(40).default(''),
  to: z.string().max(40).default(''),
  /** Customer name, computer name, public or private IP: partial, any case. */
  customer: z.string().trim().max(255).default(''),
  rep: RepParticipation.default('all'),
});
export type ReportFilterInput = z.input<typeof ReportFilterInput>;

export const ReportRow = z.object({
  lsid: z.string(),
  lseq: z.number().int(),
  type: z.string(),
  status: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().int(),
  customerName: z.string(),
  company: z.string(),
  computer: z.string(),
  publicIp: z.string(),
  privateIp: z.string(),
  issue: z.string(),
  ownerName: z.string().nullable(),
  reps: z.array(z.string()),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportRep = z.object({
  gsnumber: z.number().int(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  publicDisplayName: z.string(),
  owner: z.boolean(),
  primary: z.boolean(),
  invited: z.boolean(),
  external: z.boolean(),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
  secondsInvolved: z.number().int(),
});
export type ReportRep = z.infer<typeof ReportRep>;

export const ReportEvent = z.object({
  at: z.string(),
  /** The vendor's event type: Session Start, Chat Message, Permission Granted… */
  type: z.string(),
  performedBy: z.object({ kind: z.enum(['representative', 'customer', 'system', 'api']), name: z.string(), gsnumber: z.number().int().nullable() }),
  destination: z.string().nullable(),
  body: z.string(),
});
export type ReportEvent = z.infer<typeof ReportEvent>;

export const ReportChatLine = z.object({
  at: z.string(),
  fromKind: z.enum(['rep', 'customer', 'system']),
  fromName: z.string(),
  body: z.string(),
  /** Lines only the reps saw. */
  repsOnly: z.boolean(),
  /** A system line's key and arguments, so /login words it in the administrator's language. */
  line: SystemLine.optional(),
});

export const ReportFile = z.object({
  at: z.string(),
  by: z.string(),
  action: z.string(),
  path: z.string(),
  size: z.number().nullable(),
});

export const ReportPermission = z.object({
  kind: z.string(),
  label: z.string(),
  askedBy: z.string(),
  askedAt: z.string(),
  state: z.enum(['pending', 'allowed', 'refused', 'cancelled']),
  answeredAt: z.string().nullable(),
});

export const ReportRecording = z.object({
  id: z.number().int(),
  hostname: z.string(),
  by: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  truncated: z.boolean(),
  /** The asciicast v2 file, fetched with the /login cookie. */
  castUrl: z.string(),
  textUrl: z.string().nullable(),
});
export type ReportRecording = z.infer<typeof ReportRecording>;

export const SessionReport = ReportRow.extend({
  details: z.string(),
  externalKey: z.string(),
  customAttributes: z.record(z.string(), z.string()),
  jumpItem: z.string().nullable(),
  customerOs: z.string(),
  repList: z.array(ReportRep),
  transcript: z.array(ReportChatLine),
  files: z.array(ReportFile),
  fileCounts: z.object({ transfer: z.number().int(), move: z.number().int(), delete: z.number().int() }),
  permissions: z.array(ReportPermission),
  events: z.array(ReportEvent),
  recordings: z.array(ReportRecording),
});
export type SessionReport = z.infer<typeof SessionReport>;

/** The longest result the Reports page lists (the CSV and /api/reporting have no such cap). */
export const REPORT_PAGE_LIMIT = 500;
