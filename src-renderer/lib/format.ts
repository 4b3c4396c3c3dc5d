/** Formatting shared by the console's tables and panes: durations, dates, and the vendor's labels. */
import type { EndpointOs, JumpItemStatus, JumpMethod, QueueKind, SessionStatus, SessionSummary, SessionType } from '../../appliance/src/protocol/index.js';
import { dateFormat, t } from './i18n/index.svelte.js';

/** "h:mm:ss" (the vendor's Total Time column); negative spans (clock skew) count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
const TIME_ONLY: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DAY_ONLY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };

/**
 * A timestamp in the rep's language and the site's time zone ("Nov 20, 2026, 9:15 AM" /
 * "20 nov. 2026, 09:15"), or the fallback ("Never" in the rep's language) when missing or invalid.
 */
export function formatDateTime(iso: string | null, fallback?: string): string {
  const missing = fallback ?? t('common.never');
  if (!iso) return missing;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? missing : dateFormat(DATE_TIME).format(at);
}

/** Just the time for today ("9:15 AM"), the full date and time otherwise — "today" in the site's time zone. */
export function formatWhen(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const day = dateFormat(DAY_ONLY);
  return day.format(at) === day.format(now) ? dateFormat(TIME_ONLY).format(at) : dateFormat(DATE_TIME).format(at);
}

/**
 * A record of labels read in the current language: `LABEL[value]` calls t() at read time, so
 * templates that show it re-render when the language changes. The record keeps its old shape.
 */
function labels<K extends string>(keys: Record<K, string>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[]) Object.defineProperty(out, k, { get: () => t(keys[k]), enumerable: true });
  return out;
}

export const SESSION_TYPE_LABEL = labels<SessionType>({ support: 'common.format.sessionType.support', jump: 'common.format.sessionType.jump' });
export const QUEUE_TYPE_LABEL = labels<QueueKind>({
  personal: 'common.format.queueType.personal',
  team: 'common.format.queueType.team',
  general: 'common.format.queueType.general',
});
export const SESSION_STATUS_LABEL = labels<SessionStatus>({
  waiting: 'common.format.sessionStatus.waiting',
  active: 'common.format.sessionStatus.active',
  held: 'common.format.sessionStatus.held',
  ended: 'common.format.sessionStatus.ended',
});

export const JUMP_METHOD_LABEL = labels<JumpMethod>({
  pinned: 'common.format.jumpMethod.pinned',
  local_push: 'common.format.jumpMethod.local_push',
  push: 'common.format.jumpMethod.push',
  shelljump: 'common.format.jumpMethod.shelljump',
  rdp: 'common.format.jumpMethod.rdp',
  vnc: 'common.format.jumpMethod.vnc',
});
export const JUMP_STATUS_LABEL = labels<JumpItemStatus>({
  active: 'common.format.jumpStatus.active',
  offline: 'common.format.jumpStatus.offline',
  unusable: 'common.format.jumpStatus.unusable',
});
/** Product names: the same in every language. */
export const OS_LABEL: Record<EndpointOs, string> = { windows: 'Windows', macos: 'macOS', linux: 'Linux', ios: 'iOS', android: 'Android' };

/** The Name column: the customer's name, "[Browser] " first for click-to-chat sessions. */
export function sessionName(s: Pick<SessionSummary, 'customerName' | 'browser'>): string {
  return s.browser ? t('common.format.browserName', { name: s.customerName }) : s.customerName;
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
  if (total <= 0) return t('common.format.pageEmpty');
  const from = page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return t('common.format.pageRange', { from, to, total });
}
