/** Formatting shared by the console's tables and panes: durations, dates, and the vendor's labels. */
import type { EndpointOs, JumpItemStatus, JumpMethod, QueueKind, SessionStatus, SessionSummary, SessionType } from '../../appliance/src/protocol/index.js';

/** "h:mm:ss" (the vendor's Total Time column); negative spans (clock skew) count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** A timestamp in the rep's locale ("Nov 20, 2026, 9:15 AM"), or the fallback when missing or invalid. */
export function formatDateTime(iso: string | null, fallback = 'Never'): string {
  if (!iso) return fallback;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? fallback : dateTime.format(t);
}

/** Just the time for today ("9:15 AM"), the full date and time otherwise. */
export function formatWhen(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t).toDateString() === new Date(now).toDateString() ? timeOnly.format(t) : dateTime.format(t);
}

export const SESSION_TYPE_LABEL: Record<SessionType, string> = { support: 'Support', jump: 'Jump' };
export const QUEUE_TYPE_LABEL: Record<QueueKind, string> = { personal: 'Personal', team: 'Team', general: 'General' };
export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = { waiting: 'Waiting', active: 'Active', held: 'Held', ended: 'Ended' };

export const JUMP_METHOD_LABEL: Record<JumpMethod, string> = {
  pinned: 'Jump Client',
  local_push: 'Local Jump',
  push: 'Remote Jump',
  shelljump: 'Shell Jump',
  rdp: 'Local RDP',
  vnc: 'Local VNC',
};
export const JUMP_STATUS_LABEL: Record<JumpItemStatus, string> = { active: 'Active', offline: 'Offline', unusable: 'Unusable' };
export const OS_LABEL: Record<EndpointOs, string> = { windows: 'Windows', macos: 'macOS', linux: 'Linux', ios: 'iOS', android: 'Android' };

/** The Name column: the customer's name, "[Browser] " first for click-to-chat sessions. */
export function sessionName(s: Pick<SessionSummary, 'customerName' | 'browser'>): string {
  return s.browser ? `[Browser] ${s.customerName}` : s.customerName;
}

/** The queue kind encoded in a queue id (`personal:3`, `team:1`, `general`). */
export function queueKindOf(queueId: string): QueueKind {
  if (queueId.startsWith('personal:')) return 'personal';
  if (queueId.startsWith('team:')) return 'team';
  return 'general';
}

/**
 * Up to two initials for an avatar: "AL" for "Ana Lopez", "W" for "web-01 (nginx)". Only words that
 * start with a letter or digit count, so brackets and punctuation never show up in an avatar.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return picked.map((w) => w.charAt(0).toUpperCase()).join('') || '?';
}

/** "1–50 of 123" for a pager; "0 of 0" when empty. */
export function pageRange(page: number, pageSize: number, total: number): string {
  if (total <= 0) return '0 of 0';
  const from = page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return `${from}–${to} of ${total}`;
}
