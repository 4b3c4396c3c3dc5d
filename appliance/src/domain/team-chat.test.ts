import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempSite, type TempSite } from '../../../tests/helpers/temp-site.js';
import { seedSite } from '../demo/seed.js';
import type { Clock } from './clock.js';
import { InProcessEventBus, type DomainEvent } from './event-bus.js';
import { isAllowed, refusalFor, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import { TeamChatService } from './team-chat.js';

let site: TempSite;
let repos: Repositories;
let events: DomainEvent[];
let chat: TeamChatService;
let t = Date.parse('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date((t += 1000)) };

const actor = (username: string): Actor => {
  const user = repos.users.byUsername(username)!;
  return { user, teams: repos.users.memberships(user.id) };
};
const teamId = (name: string) => repos.teams.list().find((x) => x.name === name)!.id;

beforeEach(() => {
  site = openTempSite('rep-teamchat-');
  repos = site.repos;
  seedSite(repos, clock, true);
  const bus = new InProcessEventBus();
  events = [];
  bus.subscribe((e) => events.push(e));
  chat = new TeamChatService(repos, bus, clock);
});
afterEach(() => site.dispose());

describe('team chat', () => {
  it('only members of the team may use its chat, with E_NOT_TEAM_MEMBER', () => {
    const general = teamId('General');
    expect(isAllowed(actor('ana'), { kind: 'team.chat', teamId: general })).toBe(true);
    expect(isAllowed(actor('carla'), { kind: 'team.chat', teamId: general })).toBe(false);
    expect(refusalFor({ kind: 'team.chat', teamId: general })).toBe('E_NOT_TEAM_MEMBER');
    expect(() => chat.send(actor('carla'), general, 'hi')).toThrow(expect.objectContaining({ code: 'E_NOT_TEAM_MEMBER' }));
    expect(() => chat.history(actor('carla'), general)).toThrow(expect.objectContaining({ code: 'E_NOT_TEAM_MEMBER' }));
    expect(() => chat.markRead(actor('carla'), general, 1)).toThrow(expect.objectContaining({ code: 'E_NOT_TEAM_MEMBER' }));
    expect(events).toEqual([]);
  });

  it('a line is stored, read by its sender, and published to every member of the team', () => {
    const general = teamId('General');
    const m = chat.send(actor('ana'), general, '  Anyone free for a printer call?  ');
    expect(m).toMatchObject({ teamId: general, body: 'Anyone free for a printer call?', from: { name: 'Ana Lopez' } });
    const members = repos.users.teamMembers(general);
    expect(events).toEqual([{ type: 'team.chat', message: m, recipients: members }]);
    expect(members).toContain(actor('ben').user.id);
    expect(members).not.toContain(actor('carla').user.id);
    expect(chat.unreadCounts(actor('ana')).get(general)).toBeUndefined();
    expect(chat.unreadCounts(actor('ben')).get(general)).toBe(1);
  });

  it('refuses empty and oversized lines', () => {
    const general = teamId('General');
    expect(() => chat.send(actor('ana'), general, '   ')).toThrow(expect.objectContaining({ code: 'E_BAD_PARAMS' }));
    expect(() => chat.send(actor('ana'), general, 'x'.repeat(4001))).toThrow(expect.objectContaining({ code: 'E_BAD_PARAMS' }));
    expect(repos.teamChat.lastId(general)).toBe(0);
  });

  it('pages history newest first, each page oldest first', () => {
    const general = teamId('General');
    const ids = Array.from({ length: 7 }, (_, i) => chat.send(actor(i % 2 ? 'ben' : 'ana'), general, `line ${i}`).id);
    const first = chat.history(actor('ben'), general, { limit: 3 });
    expect(first.messages.map((m) => m.body)).toEqual(['line 4', 'line 5', 'line 6']);
    expect(first.hasMore).toBe(true);
    const second = chat.history(actor('ben'), general, { limit: 3, before: first.messages[0]!.id });
    expect(second.messages.map((m) => m.body)).toEqual(['line 1', 'line 2', 'line 3']);
    const last = chat.history(actor('ben'), general, { limit: 3, before: second.messages[0]!.id });
    expect(last).toMatchObject({ hasMore: false, messages: [{ id: ids[0], body: 'line 0' }] });
    expect(chat.history(actor('carla'), teamId('Remote Support')).messages).toEqual([]);
  });

  it('markRead moves forward only, never past the newest line, and answers what is left', () => {
    const general = teamId('General');
    const a = chat.send(actor('ana'), general, 'one');
    const b = chat.send(actor('ana'), general, 'two');
    const ben = actor('ben');
    expect(chat.markRead(ben, general, a.id)).toBe(1);
    expect(chat.markRead(ben, general, 0)).toBe(1);
    expect(chat.history(ben, general).lastReadId).toBe(a.id);
    expect(chat.markRead(ben, general, 1_000_000)).toBe(0);
    expect(chat.history(ben, general).lastReadId).toBe(b.id);
    // A mark pushed past the end must not hide lines written later.
    chat.send(actor('ana'), general, 'three');
    expect(chat.unreadCounts(ben).get(general)).toBe(1);
  });
});
