/**
 * Team chat, the plain part: merging history pages and live lines into one log (de-duplicated by id,
 * oldest first, never with a silent gap), grouping lines under a sender heading, the composer's
 * length rule, and the words shown for a refusal. No Svelte here: the state module wraps it and its
 * unit tests run in Node.
 */
import { MAX_CHAT_CHARS, type TeamChatMessage } from '../../../appliance/src/protocol/index.js';
import { dateFormat, formatNumber, t } from '../../lib/i18n/index.svelte.js';

/** What the console holds of one team's chat. `lines` is contiguous: no line between two is missing. */
export interface TeamLog {
  lines: TeamChatMessage[];
  /** Older lines exist on the appliance before `lines[0]` ("Load earlier messages"). */
  hasMore: boolean;
  /** A history page has been merged; before that, `lines` only holds lines that arrived live. */
  loaded: boolean;
}

export interface HistoryPage {
  messages: TeamChatMessage[];
  hasMore: boolean;
}

export const emptyLog = (): TeamLog => ({ lines: [], hasMore: false, loaded: false });

/** Lines of both lists, each id once (a later copy wins), oldest first. */
export function mergeLines(a: readonly TeamChatMessage[], b: readonly TeamChatMessage[]): TeamChatMessage[] {
  const byId = new Map<number, TeamChatMessage>();
  for (const m of a) byId.set(m.id, m);
  for (const m of b) byId.set(m.id, m);
  return [...byId.values()].sort((x, y) => x.id - y.id);
}

export const newestId = (log: Pick<TeamLog, 'lines'>): number => log.lines.at(-1)?.id ?? 0;
export const oldestId = (log: Pick<TeamLog, 'lines'>): number | null => log.lines[0]?.id ?? null;

/**
 * The newest page (first open, or again after a reconnect) merged into what the console holds.
 * Ids are shared by all teams, so only an overlap proves two runs of lines are contiguous: `anchor`
 * is the newest line held from before the link dropped (lines that came live since then are newer).
 * When the page does not reach back to it and older lines exist, lines may have been missed in
 * between, and the page replaces what was held (the older ones come back with "Load earlier").
 */
export function applyNewestPage(log: TeamLog, page: HistoryPage, anchor: number = newestId(log)): TeamLog {
  if (!log.loaded || !page.hasMore || !log.lines.length) {
    return { lines: mergeLines(log.lines, page.messages), hasMore: page.hasMore, loaded: true };
  }
  const first = page.messages[0]?.id ?? Number.POSITIVE_INFINITY;
  if (first <= anchor) {
    // Overlap: one contiguous run. Held older lines keep their own paging state.
    return { lines: mergeLines(log.lines, page.messages), hasMore: log.hasMore, loaded: true };
  }
  // A possible gap: keep only what certainly follows the page (lines that arrived live after it).
  const last = page.messages.at(-1)?.id ?? 0;
  return { lines: mergeLines(page.messages, log.lines.filter((m) => m.id > last)), hasMore: true, loaded: true };
}

/** An older page ("Load earlier messages") in front of the held lines. */
export function applyOlderPage(log: TeamLog, page: HistoryPage): TeamLog {
  return { lines: mergeLines(page.messages, log.lines), hasMore: page.hasMore, loaded: true };
}

/** A line that arrived live (`team.chat` event or the answer to the rep's own send). */
export function addLine(log: TeamLog, m: TeamChatMessage): { log: TeamLog; added: boolean } {
  if (log.lines.some((x) => x.id === m.id)) return { log, added: false };
  return { log: { ...log, lines: mergeLines(log.lines, [m]) }, added: true };
}

/** Lines from others after the read mark: what the orange bubble counts. */
export function unreadCount(lines: readonly TeamChatMessage[], lastReadId: number, myId: number | undefined): number {
  return lines.filter((m) => m.id > lastReadId && m.from.id !== myId).length;
}

/** The first line from someone else after the read mark (where "New messages" goes), or null. */
export function firstUnreadId(lines: readonly TeamChatMessage[], lastReadId: number, myId: number | undefined): number | null {
  return lines.find((m) => m.id > lastReadId && m.from.id !== myId)?.id ?? null;
}

/** Lines within this many ms of the one before, from the same sender, share its heading. */
export const GROUP_GAP_MS = 5 * 60_000;

export interface ShownLine {
  m: TeamChatMessage;
  /** Show sender and time above this line. */
  head: boolean;
  /** The first line of a new calendar day (local time): a day divider goes above it. */
  newDay: boolean;
}

/** Decides which lines start a group (new sender, a pause, or a new day). */
export function groupLines(lines: readonly TeamChatMessage[], breakBefore: number | null = null): ShownLine[] {
  const out: ShownLine[] = [];
  let prev: TeamChatMessage | null = null;
  for (const m of lines) {
    const t = Date.parse(m.at);
    const p = prev ? Date.parse(prev.at) : NaN;
    const newDay = !prev || new Date(t).toDateString() !== new Date(p).toDateString();
    const head = newDay || !prev || prev.from.id !== m.from.id || !(t - p <= GROUP_GAP_MS) || m.id === breakBefore;
    out.push({ m, head, newDay });
    prev = m;
  }
  return out;
}

/** The composer's counter appears from this many characters on. */
export const COUNTER_FROM = MAX_CHAT_CHARS - 500;

export interface DraftCheck {
  /** Trimmed text that would be sent. */
  body: string;
  /** Something to send, within the cap. */
  ok: boolean;
  /** Characters counted against the cap (after trimming, as the appliance counts). */
  length: number;
  /** "3,620 / 4,000", shown near and over the limit; null below it. */
  counter: string | null;
  over: boolean;
}


export function checkDraft(draft: string): DraftCheck {
  const body = draft.trim();
  const length = body.length;
  const over = length > MAX_CHAT_CHARS;
  return {
    body,
    ok: length > 0 && !over,
    length,
    counter: length >= COUNTER_FROM ? `${formatNumber(length)} / ${formatNumber(MAX_CHAT_CHARS)}` : null,
    over,
  };
}

/** "Your message is 120 characters too long." for a draft over the cap (the portal says it the same way). */
export function overBy(length: number): string {
  const extra = length - MAX_CHAT_CHARS;
  return t('console.teamChat.tooLong', { count: extra });
}

export type TeamChatAction = 'send' | 'load' | 'read';

/** The words for a refusal, by the appliance's code; anything else keeps the appliance's own message. */
export function describeError(code: string | null, message: string, action: TeamChatAction, team: string): string {
  if (code === 'E_NOT_TEAM_MEMBER') {
    return action === 'send' ? t('console.teamChat.notMemberSend', { team }) : t('console.teamChat.notMemberRead', { team });
  }
  if (code === 'E_BAD_PARAMS') {
    return action === 'send' ? t('console.teamChat.badLength', { max: MAX_CHAT_CHARS }) : t('console.teamChat.refused', { team, reason: message });
  }
  if (action === 'send') return t('console.teamChat.notSent', { reason: message });
  if (action === 'load') return t('console.teamChat.loadFailed', { team, reason: message });
  return t('console.teamChat.readFailed', { team, reason: message });
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };
const DAY_WITH_YEAR: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' };

/** The day divider: "Today", "Yesterday", else the date (with the year when it is not this year's). */
export function dayLabel(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const day = new Date(at);
  const today = new Date(now);
  if (day.toDateString() === today.toDateString()) return t('console.teamChat.today');
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (day.toDateString() === yesterday.toDateString()) return t('console.teamChat.yesterday');
  return dateFormat(day.getFullYear() === today.getFullYear() ? DAY : DAY_WITH_YEAR).format(at);
}
