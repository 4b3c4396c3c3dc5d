/**
 * How a session's log reads in a report: each stored event as the vendor's event type (Session
 * Start, Chat Message, Permission Granted…), who performed it and a line of text.
 */
import type { ReportEvent } from '../protocol/report-models.js';

export interface StoredEvent {
  at: string;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
}

/** Who is who in one session: rep names and report numbers (gsnumber), the customer's name. */
export interface Cast {
  rep(id: number): { name: string; gsnumber: number } | null;
  customer: { name: string; gsnumber: number };
}

const TYPES: Record<string, string> = {
  'session.start': 'Session Start',
  'session.end': 'Session End',
  'chat.message': 'Chat Message',
  'session.accept': 'Conference Member Added',
  'member.joined': 'Conference Member Added',
  'member.left': 'Conference Member Departed',
  'session.transfer': 'Conference Owner Changed',
  'session.hold': 'Session Hold',
  'session.resume': 'Session Resumed',
  'prompt.asked': 'Permission Request',
  'prompt.allowed': 'Permission Granted',
  'prompt.refused': 'Permission Denied',
  'shell.open': 'Command Shell Session Started',
  'shell.close': 'Command Shell Session Stopped',
  'systeminfo.view': 'System Information Retrieved',
  'invitation.share': 'Session Invitation',
  'invitation.transfer': 'Session Transfer Request',
  'invitation.help': 'Help Request',
  'invitation.external': 'External Representative Invited',
  'jump.override': 'Jump Policy Overridden',
  'jump.warning': 'Jump Policy Warning',
  'jump.pin': 'Jump Client Pinned',
  'jump.unpin': 'Jump Client Unpinned',
  'api.attributes': 'Custom Attributes Changed',
  'api.transfer': 'Session Transfer',
  'jump.start': 'Jump Item Session Started',
  'shell.recording': 'Command Shell Recording Saved',
};

const FILE_ACTIONS: Record<string, string> = { upload: 'File Upload', download: 'File Download', delete: 'File Delete', rename: 'File Rename', move: 'File Move', mkdir: 'Directory Created' };

export const PERMISSION_LABELS: Record<string, string> = {
  screen_view: 'View the screen',
  screen_control: 'View and control the computer',
  command_shell: 'Command shell',
  file_transfer: 'File transfer',
  system_info: 'System information',
  elevation: 'Run with administrative rights',
  full_client: 'Download the full customer client',
};

const titled = (kind: string): string =>
  kind
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

/** The file action an event stands for (file.upload, files.download, file.transfer.done…), or null. */
export function fileAction(kind: string): string | null {
  if (!/^files?\./.test(kind)) return null;
  const parts = kind.split('.');
  return parts.find((p) => p in FILE_ACTIONS) ?? null;
}

export function eventType(kind: string): string {
  const action = fileAction(kind);
  if (action) return FILE_ACTIONS[action]!;
  return TYPES[kind] ?? titled(kind);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function performer(actor: string, cast: Cast): ReportEvent['performedBy'] {
  const rep = /^rep:(\d+)$/.exec(actor);
  if (rep) {
    const r = cast.rep(Number(rep[1]));
    return { kind: 'representative', name: r?.name ?? `Representative ${rep[1]}`, gsnumber: r?.gsnumber ?? null };
  }
  if (actor === 'customer' || actor.startsWith('customer:')) return { kind: 'customer', name: cast.customer.name, gsnumber: cast.customer.gsnumber };
  if (actor.startsWith('api:')) return { kind: 'api', name: actor.slice(4), gsnumber: null };
  return { kind: 'system', name: 'System', gsnumber: null };
}

/** The event's line of text, in the administrator's words. */
function bodyOf(e: StoredEvent, cast: Cast): { body: string; destination: string | null } {
  const d = e.data;
  switch (e.kind) {
    case 'chat.message': {
      const from = d.from as { kind?: string; id?: number | null; name?: string } | undefined;
      return { body: str(d.body), destination: d.audience === 'reps' ? 'Representatives' : from?.kind === 'customer' ? 'Representatives' : 'Everyone' };
    }
    case 'session.start':
      return { body: d.hostname ? `Jump to ${str(d.hostname)}` : d.issue ? `Issue: ${str(d.issue)}` : `Queue: ${str(d.queueId)}`, destination: null };
    case 'session.end':
    case 'member.left':
      return { body: str(d.reason), destination: null };
    case 'session.transfer': {
      const to = typeof d.to === 'number' ? cast.rep(d.to)?.name : null;
      return { body: to ? `Ownership passed to ${to}.` : '', destination: to ?? null };
    }
    case 'prompt.asked':
    case 'prompt.allowed':
    case 'prompt.refused':
      return { body: PERMISSION_LABELS[str(d.kind)] ?? str(d.kind), destination: null };
    case 'shell.open':
    case 'shell.close':
    case 'systeminfo.view':
      return { body: str(d.hostname), destination: null };
    case 'invitation.share':
    case 'invitation.transfer':
    case 'invitation.help':
      return { body: str(d.to), destination: str(d.to) || null };
    case 'invitation.external':
      return { body: str(d.name), destination: null };
    case 'jump.start':
      return { body: [str(d.name), str(d.method)].filter(Boolean).join(' · '), destination: null };
    case 'shell.recording': {
      const bytes = typeof d.castBytes === 'number' ? ` (${Math.ceil(d.castBytes / 1024)} KB)` : '';
      return { body: `Recording ${str(d.recordingId)}${bytes}${d.truncated === true ? ', cut short at the size limit' : ''}`, destination: null };
    }
    default: {
      if (fileAction(e.kind)) return { body: str(d.path ?? d.name ?? d.to), destination: null };
      // Anything else: its simple fields, so nothing recorded is hidden from the report.
      const line = Object.entries(d)
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', ');
      return { body: line, destination: null };
    }
  }
}

export function toReportEvent(e: StoredEvent, cast: Cast): ReportEvent {
  const { body, destination } = bodyOf(e, cast);
  // A chat line carries its author in the message itself (the narrator's lines are the system's).
  const from = e.kind === 'chat.message' ? (e.data.from as { kind?: string } | undefined) : undefined;
  const performedBy = from?.kind === 'system' ? { kind: 'system' as const, name: 'System', gsnumber: null } : performer(e.actor, cast);
  return { at: e.at, type: eventType(e.kind), performedBy, destination, body };
}
