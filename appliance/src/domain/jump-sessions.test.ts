/**
 * Jumps on a clock the test moves: the forced end of a Jump Policy's window (warned 15 minutes
 * before), overrides, the endpoint's presence, and forced ends armed again after a restart.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTempSite, type TempSite } from '../../../tests/helpers/temp-site.js';
import { seedSite } from '../demo/seed.js';
import { systemClock } from './clock.js';
import { CustomerPresence } from './customer-presence.js';
import { InMemoryEndpointHub, type ConsentQuestion, type Endpoint, type EndpointPresence } from './endpoints.js';
import { InProcessEventBus, type DomainEvent } from './event-bus.js';
import { GraceTimers } from './grace.js';
import { JumpPins } from './jump-pins.js';
import { JumpSessions } from './jump-sessions.js';
import { JumpConsent } from './jump-consent.js';
import { JumpService } from './jump.js';
import { Narrator } from './narrator.js';
import type { Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import { Presence } from './presence.js';
import { RateLimiter } from './rate-limit.js';
import { SessionView } from './session-view.js';
import { SessionService } from './sessions.js';

let site: TempSite;
let repos: Repositories;
let events: DomainEvent[];
let hub: InMemoryEndpointHub;
let customers: CustomerPresence;
let timers: GraceTimers;
let jump: JumpService;
let jumpSessions: JumpSessions;
let bus: InProcessEventBus;
let sessionService: SessionService;

const actor = (username: string): Actor => {
  const user = repos.users.byUsername(username)!;
  return { user, teams: repos.users.memberships(user.id) };
};
const itemId = (name: string) => repos.jump.search({ search: name, groupId: null, visibleGroupIds: null, ownerIds: null, offset: 0, limit: 5 }).items.find((i) => i.name === name)!.id;
const endpoint = (jumpItemId: number, presence: EndpointPresence): Endpoint => ({
  jumpItemId, hostname: 'sql-prod-01.corp.example', kind: 'emulated', presence: () => presence, openShell: () => Promise.reject(new Error('no shell here')),
});
const lines = (sessionId: string) => repos.sessions.messages(sessionId, false).map((m) => m.body);

/** Everything bootstrap.ts wires for Jumps, on the temporary site's database. */
function wire(): void {
  bus = new InProcessEventBus();
  events = [];
  bus.subscribe((e) => events.push(e));
  customers = new CustomerPresence();
  const view = new SessionView(repos, new Presence(), customers);
  const narrator = new Narrator(repos, view, bus);
  const sessions = (sessionService = new SessionService(repos, view, narrator, bus, systemClock));
  timers = new GraceTimers();
  jump = new JumpService(repos, systemClock, hub);
  jumpSessions = new JumpSessions({ repos, jump, sessions, narrator, endpoints: hub, customerPresence: customers, timers, bus, clock: systemClock, passwordLimit: new RateLimiter(systemClock, 5, 60_000) });
  jump.attach(jumpSessions, new JumpPins(repos, jump, narrator, hub, bus, systemClock), new JumpConsent(jumpSessions, timers, systemClock));
}

beforeEach(() => {
  // Sunday 29 November 2026, 05:30 in Paris: inside SQL-PROD-01's maintenance window (Sun 02:00–06:00).
  vi.useFakeTimers({ now: new Date('2026-11-29T04:30:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  site = openTempSite('rep-jumpsessions-');
  repos = site.repos;
  seedSite(repos, systemClock, true);
  hub = new InMemoryEndpointHub();
  wire();
});
afterEach(() => {
  timers.clear();
  vi.useRealTimers();
  site.dispose();
});

describe('a Jump inside a window that forces sessions to end', () => {
  it('binds the endpoint, warns 15, 5 and 1 minutes before the window closes and ends the session when it does', async () => {
    const sql = itemId('SQL-PROD-01');
    const ep = endpoint(sql, 'absent');
    hub.register(ep);
    const { sessionId } = await jump.start(actor('ana'), { itemId: sql, override: false, customAttributes: {} });

    const s = repos.sessions.byId(sessionId)!;
    expect(s).toMatchObject({ type: 'jump', status: 'active', ownerId: actor('ana').user.id, queueId: `personal:${actor('ana').user.id}`, jumpItemId: sql, customerName: 'SQL-PROD-01' });
    expect(hub.forSession(sessionId)).toBe(ep);
    expect(customers.isConnected(sessionId)).toBe(true);
    expect(lines(sessionId)).toEqual(['Ana Lopez started a Jump to SQL-PROD-01.', 'The Jump Policy "Maintenance window" ends this session at November 29, 2026 06:00 AM (Europe/Paris).']);
    expect(repos.jump.byId(sql)!.lastAccessed).toBe('2026-11-29T04:30:00.000Z');

    vi.advanceTimersByTime(15 * 60_000 - 1000);
    expect(lines(sessionId)).toHaveLength(2);
    vi.advanceTimersByTime(1000); // 05:45 Paris
    expect(lines(sessionId).at(-1)).toBe("The Jump Policy's schedule ends this session in 15 minutes. Save your work.");
    expect(repos.sessions.byId(sessionId)!.status).toBe('active');

    vi.advanceTimersByTime(10 * 60_000); // 05:55 Paris
    expect(lines(sessionId).at(-1)).toBe("The Jump Policy's schedule ends this session in 5 minutes. Save your work.");
    vi.advanceTimersByTime(4 * 60_000); // 05:59 Paris
    expect(lines(sessionId).at(-1)).toBe("The Jump Policy's schedule ends this session in 1 minute. Save your work.");
    expect(repos.sessions.events(sessionId).filter((e) => e.kind === 'jump.warning').map((e) => (e.data as { minutesLeft: number }).minutesLeft)).toEqual([15, 5, 1]);
    expect(jumpSessions.scheduledEnd(actor('ana'), sessionId)).toEqual({ endsAt: '2026-11-29T05:00:00.000Z', endsAtText: 'November 29, 2026 06:00 AM (Europe/Paris)', policyName: 'Maintenance window', timeZone: 'Europe/Paris' });

    vi.advanceTimersByTime(60_000); // 06:00 Paris
    expect(repos.sessions.byId(sessionId)!.status).toBe('ended');
    expect(repos.sessions.events(sessionId).map((e) => e.kind)).toContain('jump.forcedEnd');
    expect(lines(sessionId).at(-1)).toBe("The Jump Policy's schedule has closed, so the session ended.");
    expect(events).toContainEqual({ type: 'customer.ended', sessionId, line: { key: 'jump.scheduleClosed', args: {} } });
    expect(hub.forSession(sessionId)).toBeNull();
    expect(customers.isConnected(sessionId)).toBe(false);
  });

  it('a session ended early leaves no timers behind', async () => {
    const sql = itemId('SQL-PROD-01');
    hub.register(endpoint(sql, 'absent'));
    const { sessionId } = await jump.start(actor('ana'), { itemId: sql, override: false, customAttributes: {} });
    expect(timers.has(`jump-end:${sessionId}`)).toBe(true);
    sessionService.end(actor('ana'), sessionId);
    expect(timers.has(`jump-end:${sessionId}`)).toBe(false);
    expect(timers.has(`jump-warn:${15 * 60_000}:${sessionId}`)).toBe(false);
  });

  it('after a restart the forced end is armed again', async () => {
    const sql = itemId('SQL-PROD-01');
    hub.register(endpoint(sql, 'absent'));
    const { sessionId } = await jump.start(actor('ana'), { itemId: sql, override: false, customAttributes: {} });
    timers.clear(); // the appliance stopped
    wire();
    jumpSessions.resume();
    vi.advanceTimersByTime(30 * 60_000);
    expect(repos.sessions.byId(sessionId)!.status).toBe('ended');
  });
});

describe('outside the window', () => {
  beforeEach(() => vi.setSystemTime(new Date('2026-11-30T10:00:00Z'))); // Monday 11:00 in Paris

  it('refuses with the schedule, and an override (allowed to admins) starts a session that is not cut short', async () => {
    const sql = itemId('SQL-PROD-01');
    hub.register(endpoint(sql, 'absent'));
    await expect(jump.start(actor('ana'), { itemId: sql, override: false, customAttributes: {} })).rejects.toThrow(
      expect.objectContaining({
        code: 'E_JUMP_SCHEDULE',
        message: "The Jump Policy's schedule does not permit a session to start at this time. A session may start next at: December 6, 2026 02:00 AM (Europe/Paris)",
      }),
    );
    await expect(jump.start(actor('ana'), { itemId: sql, override: true, customAttributes: {} })).rejects.toThrow(expect.objectContaining({ code: 'E_FORBIDDEN' }));
    const { sessionId } = await jump.start(actor('admin'), { itemId: sql, override: true, customAttributes: {} });
    expect(lines(sessionId)).toEqual(['Administrator started a Jump to SQL-PROD-01.', 'Administrator overrode the schedule of the Jump Policy "Maintenance window".']);
    expect(repos.sessions.events(sessionId).map((e) => e.kind)).toContain('jump.override');
    expect(timers.has(`jump-end:${sessionId}`)).toBe(false);
  });
});

describe('the endpoint behind the item', () => {
  it('a policy that needs someone to allow the session refuses when nobody is there', async () => {
    const hr = itemId('LT-HR-12 (laptop)');
    hub.register({ ...endpoint(hr, 'absent'), hostname: 'lt-hr-12.corp.example' });
    await expect(jump.start(actor('ana'), { itemId: hr, override: false, customAttributes: {} })).rejects.toThrow(expect.objectContaining({ code: 'E_JUMP_NOBODY_PRESENT' }));
  });

  it('a Jump Client that drops takes the session’s endpoint with it, and its return binds it again', async () => {
    const ws = itemId('WS-042 Reception');
    const first = endpoint(ws, 'absent');
    const unregister = hub.register(first);
    const { sessionId } = await jump.start(actor('ana'), { itemId: ws, override: false, customAttributes: {} });
    unregister();
    events.length = 0;
    bus.publish({ type: 'jump.status', itemId: ws, status: 'offline' });
    expect(customers.isConnected(sessionId)).toBe(false);
    expect(lines(sessionId).at(-1)).toBe('The Jump Client on WS-042 Reception went offline.');
    const second = endpoint(ws, 'present');
    hub.register(second);
    bus.publish({ type: 'jump.status', itemId: ws, status: 'active' });
    expect(hub.forSession(sessionId)).toBe(second);
    expect(customers.isConnected(sessionId)).toBe(true);
    expect(lines(sessionId).at(-1)).toBe('The Jump Client on WS-042 Reception is connected.');
  });
});

describe('the end user allows the Jump (Customer Present Session Policy: prompt)', () => {
  /** LT-HR-12 is under "Attended sessions only": whoever is at it is asked first. */
  const asking = (answer: 'allow' | 'deny' | 'none' | 'never', afterMs: number, asked: ConsentQuestion[] = []) => {
    const hr = itemId('LT-HR-12 (laptop)');
    hub.register({
      ...endpoint(hr, 'present'),
      hostname: 'lt-hr-12.corp.example',
      askConsent: (q) => {
        asked.push(q);
        return answer === 'never' ? new Promise(() => {}) : new Promise((res) => setTimeout(() => res(answer), afterMs));
      },
    });
    return hr;
  };
  const jumpSessionsOf = () => repos.sessions.openInQueues([`personal:${actor('ana').user.id}`]).filter((x) => x.type === 'jump');

  it('asks the person at the computer; once they allow it the session starts, with their answer in the log', async () => {
    const asked: ConsentQuestion[] = [];
    const hr = asking('allow', 4000, asked);
    const started = jump.start(actor('ana'), { itemId: hr, override: false, customAttributes: {} });
    expect(asked).toEqual([{ repName: 'Ana Lopez', itemName: 'LT-HR-12 (laptop)', policyName: 'Attended sessions only', timeoutSeconds: 60 }]);
    expect(jumpSessionsOf()).toHaveLength(0); // nothing is written while they decide
    await vi.advanceTimersByTimeAsync(4000);
    const { sessionId } = await started;
    expect(repos.sessions.events(sessionId).find((e) => e.kind === 'jump.consent')).toMatchObject({ actor: 'customer', data: { answer: 'allow', waitedMs: 4000 } });
    expect(lines(sessionId)).toContain('The end user at LT-HR-12 (laptop) allowed the session.');
  });

  it('denied: E_JUMP_CONSENT_DENIED and nothing is started', async () => {
    const hr = asking('deny', 2000);
    const started = jump.start(actor('ana'), { itemId: hr, override: false, customAttributes: {} });
    const outcome = expect(started).rejects.toMatchObject({ code: 'E_JUMP_CONSENT_DENIED', message: 'The end user at LT-HR-12 (laptop) denied the session.' });
    await vi.advanceTimersByTimeAsync(2000);
    await outcome;
    expect(jumpSessionsOf()).toHaveLength(0);
  });

  it('no answer within the policy’s prompt timeout: nobody there to allow it (E_JUMP_NOBODY_PRESENT)', async () => {
    const hr = asking('never', 0);
    const started = jump.start(actor('ana'), { itemId: hr, override: false, customAttributes: {} });
    const outcome = expect(started).rejects.toMatchObject({ code: 'E_JUMP_NOBODY_PRESENT', message: expect.stringContaining('nobody is there to allow it (no answer within 60 seconds)') });
    await vi.advanceTimersByTimeAsync(59_999);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(jumpSessionsOf()).toHaveLength(0);
  });

  it('an endpoint with nobody logged in answers none at once: refused the same way', async () => {
    const hr = asking('none', 0);
    const started = jump.start(actor('ana'), { itemId: hr, override: false, customAttributes: {} });
    const outcome = expect(started).rejects.toMatchObject({ code: 'E_JUMP_NOBODY_PRESENT' });
    await vi.advanceTimersByTimeAsync(0);
    await outcome;
  });

  it('the console’s request answers at once with the wait, then tells the outcome; the rep may cancel', async () => {
    const hr = asking('allow', 5000);
    const outcomes: unknown[] = [];
    const first = jump.request(actor('ana'), { itemId: hr, override: false, customAttributes: {} }, (o) => outcomes.push(o));
    expect(first).toMatchObject({ sessionId: null, waiting: { itemId: hr, expiresAt: '2026-11-29T04:31:00.000Z', message: expect.stringContaining('Waiting for the end user at LT-HR-12 (laptop) to allow the session') } });
    await vi.advanceTimersByTimeAsync(5000);
    expect(outcomes).toEqual([expect.objectContaining({ requestId: first.waiting!.requestId, outcome: 'started', sessionId: expect.stringMatching(/^[0-9a-f]{32}$/) })]);

    const second = jump.request(actor('ana'), { itemId: hr, override: false, customAttributes: {} }, (o) => outcomes.push(o));
    expect(() => jump.cancelRequest(actor('ben'), second.waiting!.requestId)).toThrow(expect.objectContaining({ code: 'E_JUMP_REQUEST_NOT_FOUND' }));
    jump.cancelRequest(actor('ana'), second.waiting!.requestId);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'cancelled', code: 'E_JUMP_CANCELLED', sessionId: null });
    await vi.advanceTimersByTimeAsync(5000); // the late "allow" starts nothing
    expect(jumpSessionsOf()).toHaveLength(1);
  });

  it('an item that went offline while the end user decided is refused after all', async () => {
    const hr = itemId('LT-HR-12 (laptop)');
    const unregister = hub.register({ ...endpoint(hr, 'present'), askConsent: () => new Promise((res) => setTimeout(() => res('allow'), 3000)) });
    const started = jump.start(actor('ana'), { itemId: hr, override: false, customAttributes: {} });
    const outcome = expect(started).rejects.toMatchObject({ code: 'E_JUMP_ITEM_OFFLINE' });
    unregister();
    await vi.advanceTimersByTimeAsync(3000);
    await outcome;
  });
});

describe('custom session attributes', () => {
  it('over 10 KB together: E_BAD_PARAMS, nothing started', async () => {
    const ws = itemId('WS-042 Reception');
    hub.register(endpoint(ws, 'absent'));
    const customAttributes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`field${i}`, 'x'.repeat(1000)]));
    const before = repos.jump.byId(ws)!.lastAccessed;
    await expect(jump.start(actor('ana'), { itemId: ws, override: false, customAttributes })).rejects.toMatchObject({ code: 'E_BAD_PARAMS', message: expect.stringContaining('at most 10240') });
    expect(repos.jump.byId(ws)!.lastAccessed).toBe(before);
  });
});
