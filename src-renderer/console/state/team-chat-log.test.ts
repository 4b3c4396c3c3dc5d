import { describe, expect, it } from 'vitest';
import type { TeamChatMessage } from '../../../appliance/src/protocol/index.js';
import {
  COUNTER_FROM,
  addLine,
  applyNewestPage,
  applyOlderPage,
  checkDraft,
  dayLabel,
  describeError,
  emptyLog,
  firstUnreadId,
  groupLines,
  mergeLines,
  overBy,
  unreadCount,
  type TeamLog,
} from './team-chat-log.js';

const ANA = { id: 2, name: 'Ana Lopez' };
const BEN = { id: 3, name: 'Ben Walker' };
const T0 = Date.parse('2026-11-23T09:00:00Z');

const line = (id: number, from = ANA, minutes = id, body = `line ${id}`): TeamChatMessage => ({
  id,
  teamId: 1,
  at: new Date(T0 + minutes * 60_000).toISOString(),
  from,
  body,
});
const ids = (log: TeamLog) => log.lines.map((m) => m.id);

describe('team chat log', () => {
  it('merges by id, oldest first, each line once', () => {
    const merged = mergeLines([line(5), line(1)], [line(3), line(5), line(9)]);
    expect(merged.map((m) => m.id)).toEqual([1, 3, 5, 9]);
    expect(mergeLines([], [])).toEqual([]);
  });

  it('de-duplicates live lines: the sender also hears its own event', () => {
    let log: TeamLog = { lines: [line(1)], hasMore: false, loaded: true };
    const first = addLine(log, line(4));
    expect(first.added).toBe(true);
    log = first.log;
    const again = addLine(log, line(4));
    expect(again.added).toBe(false);
    expect(ids(again.log)).toEqual([1, 4]);
    // A late event for an older line still lands in order.
    expect(ids(addLine(log, line(2)).log)).toEqual([1, 2, 4]);
  });

  it('first load: the newest page, plus lines that arrived live while it was on its way', () => {
    let log = emptyLog();
    log = addLine(log, line(120)).log;
    log = applyNewestPage(log, { messages: [line(20), line(50), line(119), line(120)], hasMore: true });
    expect(ids(log)).toEqual([20, 50, 119, 120]);
    expect(log).toMatchObject({ hasMore: true, loaded: true });

    expect(applyNewestPage(emptyLog(), { messages: [], hasMore: false })).toEqual({ lines: [], hasMore: false, loaded: true });
  });

  it('again after a reconnect: an overlapping page merges and keeps older paging state', () => {
    const held: TeamLog = { lines: [line(1), line(2), line(3)], hasMore: false, loaded: true };
    const page = { messages: [line(2), line(3), line(7), line(8)], hasMore: true };
    const log = applyNewestPage(held, page);
    expect(ids(log)).toEqual([1, 2, 3, 7, 8]);
    expect(log.hasMore).toBe(false);
  });

  it('never leaves a silent gap: a page that does not reach back replaces the held lines', () => {
    // Lines between 3 and 200 may have been missed while the console was offline.
    const held: TeamLog = { lines: [line(1), line(2), line(3)], hasMore: false, loaded: true };
    const log = applyNewestPage(held, { messages: [line(200), line(300), line(350)], hasMore: true });
    expect(ids(log)).toEqual([200, 300, 350]);
    expect(log.hasMore).toBe(true);
    // A live line newer than the page follows it directly and is kept.
    // A line that came live after the reconnect does not prove anything (the anchor is 3), and one
    // newer than the page follows it directly and is kept.
    const live = { ...held, lines: [...held.lines, line(300), line(400)] };
    expect(ids(applyNewestPage(live, { messages: [line(200), line(300), line(350)], hasMore: true }, 3))).toEqual([200, 300, 350, 400]);
  });

  it('a complete history (no older page) is always merged', () => {
    const held: TeamLog = { lines: [line(1), line(2)], hasMore: true, loaded: true };
    const log = applyNewestPage(held, { messages: [line(5), line(9)], hasMore: false }, 2);
    expect(ids(log)).toEqual([1, 2, 5, 9]);
    expect(log.hasMore).toBe(false);
  });

  it('pages older lines in front and takes their hasMore', () => {
    const held: TeamLog = { lines: [line(101), line(102)], hasMore: true, loaded: true };
    const log = applyOlderPage(held, { messages: [line(1), line(2), line(101)], hasMore: false });
    expect(ids(log)).toEqual([1, 2, 101, 102]);
    expect(log.hasMore).toBe(false);
  });

  it('counts unread lines from others after the read mark', () => {
    const lines = [line(1), line(2, BEN), line(3), line(4, BEN), line(5)];
    expect(unreadCount(lines, 0, ANA.id)).toBe(2);
    expect(unreadCount(lines, 2, ANA.id)).toBe(1);
    expect(unreadCount(lines, 2, BEN.id)).toBe(2);
    expect(firstUnreadId(lines, 2, BEN.id)).toBe(3);
    expect(firstUnreadId(lines, 5, BEN.id)).toBeNull();
  });

  it('groups lines by sender, pause and day', () => {
    const lines = [line(1, ANA, 0), line(2, ANA, 2), line(3, BEN, 3), line(4, BEN, 20), line(5, BEN, 21), line(6, BEN, 24 * 60)];
    const shown = groupLines(lines);
    expect(shown.map((s) => s.head)).toEqual([true, false, true, true, false, true]);
    expect(shown.map((s) => s.newDay)).toEqual([true, false, false, false, false, true]);
    // The "New messages" divider starts a group too.
    expect(groupLines(lines, 2).map((s) => s.head)).toEqual([true, true, true, true, false, true]);
  });

  it('checks the draft: trimmed, capped at 4000, counter near the limit', () => {
    expect(checkDraft('  hi \n')).toMatchObject({ body: 'hi', ok: true, counter: null, over: false });
    expect(checkDraft(' \n\t ')).toMatchObject({ ok: false, length: 0 });
    expect(checkDraft('x'.repeat(COUNTER_FROM - 1)).counter).toBeNull();
    expect(checkDraft('x'.repeat(3620)).counter).toBe('3,620 / 4,000');
    expect(checkDraft('x'.repeat(4000))).toMatchObject({ ok: true, over: false, counter: '4,000 / 4,000' });
    expect(checkDraft(`${'x'.repeat(4000)}   `).ok).toBe(true);
    expect(checkDraft('x'.repeat(4120))).toMatchObject({ ok: false, over: true });
    expect(overBy(4120)).toBe('Your message is 120 characters too long.');
    expect(overBy(4001)).toBe('Your message is 1 character too long.');
  });

  it('says coded refusals in plain words', () => {
    expect(describeError('E_NOT_TEAM_MEMBER', 'x', 'send', 'General')).toBe('Not sent: you are not a member of General, so you cannot write in its team chat.');
    expect(describeError('E_NOT_TEAM_MEMBER', 'x', 'load', 'General')).toBe('You are not a member of General, so you cannot read its team chat.');
    expect(describeError('E_BAD_PARAMS', 'body: too long', 'send', 'General')).toBe('Not sent: a line must have between 1 and 4,000 characters.');
    expect(describeError('E_BAD_PARAMS', 'limit: too big', 'load', 'General')).toContain('limit: too big');
    expect(describeError(null, 'The site did not answer in time. Try again.', 'send', 'General')).toBe('Not sent: The site did not answer in time. Try again.');
    expect(describeError('E_INTERNAL', 'boom', 'load', 'General')).toBe("General's team chat could not be loaded: boom");
  });

  it('labels day dividers', () => {
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    expect(dayLabel(new Date(2026, 10, 23, 8, 5).toISOString(), now)).toBe('Today');
    expect(dayLabel(new Date(2026, 10, 22, 23, 59).toISOString(), now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 20, 9, 0).toISOString(), now)).toMatch(/20/);
    expect(dayLabel(new Date(2025, 10, 20, 9, 0).toISOString(), now)).toMatch(/2025/);
    expect(dayLabel('nonsense', now)).toBe('');
  });
});
