/**
 * Issue 10's authorization matrix against a real appliance over real WebSockets and HTTP: every
 * console protocol method (the table must list every key of `methods`) and every state-changing HTTP
 * route × admin, a rep with every permission removed, an external rep, the customer and anonymous →
 * allowed or the exact coded refusal. Plus session isolation: a rep never receives another session's events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../appliance/src/protocol/index.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { ROLES, outcome, setUpCast, type Cast, type Role } from '../helpers/authz-roles.js';
import { AUTHZ_CODES, TABLE, type Ctx, type Expect } from '../helpers/authz-table.js';
import { HTTP_ROUTES, expectationFor, httpOutcome, listStateChangingRoutes, type HttpRole } from '../helpers/authz-http.js';
import { MALFORMED_BODIES, OVERSIZED_BODY, REFUSAL_STATUS, malformedOutcome } from '../helpers/authz-malformed.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';

let app: RunningAppliance;
let cast: Cast;
let ctx: Ctx;

beforeAll(async () => {
  app = await startAppliance();
  cast = await setUpCast(app.url, 'authz_bare');
  const me = await cast.admin.call('auth.me', {});
  let teamId = me.teams[0]?.id;
  if (teamId === undefined) {
    // The admin joins a team so team chat has a team they are in.
    const teams = (await cast.http.get('/login/api/teams')).body.teams as { id: number }[];
    teamId = teams[0]!.id;
  }
  const jump = await cast.admin.call('jump.list', {});
  ctx = { sessionId: cast.sessionId, adminId: cast.adminId, repId: cast.repId, teamId, jumpItemId: jump.items[0]?.id ?? 999_999 };
}, 60_000);

afterAll(async () => {
  for (const c of [cast?.admin, cast?.rep, cast?.external, cast?.customer, cast?.customerOnConsole, cast?.anonymous]) c?.close();
  await app?.stop({ remove: true });
});

function matches(actual: string, want: Expect): boolean {
  if (want === 'allowed') return !AUTHZ_CODES.has(actual);
  return actual === want;
}

describe('console protocol × role', () => {
  it('the table has a row for every protocol method (and no stale rows)', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(methods).sort());
  });

  it('every method answers each role as the table says', async () => {
    const wrong: string[] = [];
    const seen: string[] = [];
    // The customer's own connection does not speak the console protocol (checked first: ending the session closes it).
    for (const [method, row] of Object.entries(TABLE) as [MethodName, (typeof TABLE)[MethodName]][]) {
      const onCustomer = await outcome(cast.customer.customer(method, row.params(ctx)));
      if (onCustomer !== 'E_UNKNOWN_METHOD') wrong.push(`${method} × customer (/ws/customer): ${onCustomer}, want E_UNKNOWN_METHOD`);
    }
    for (const [method, row] of Object.entries(TABLE) as [MethodName, (typeof TABLE)[MethodName]][]) {
      const params = row.params(ctx);
      for (const role of ROLES) {
        if (role === 'customer') {
          // The customer's portal cookie opens no console: it gets what anonymous gets.
          const onConsole = await outcome(cast.customerOnConsole.call(method, params as never));
          const want = (row.expect as Partial<Record<Role, Expect>>).anonymous ?? 'E_AUTH_REQUIRED';
          if (!matches(onConsole, want)) wrong.push(`${method} × customer (/ws/console): ${onConsole}, want ${want}`);
          continue;
        }
        const want: Expect = (row.expect as Partial<Record<Role, Expect>>)[role] ?? (role === 'anonymous' ? 'E_AUTH_REQUIRED' : 'MISSING');
        const got = await outcome(cast[role].call(method, params as never));
        seen.push(`${method} × ${role}: ${got}`);
        if (!matches(got, want)) wrong.push(`${method} × ${role}: ${got}, want ${want}`);
      }
    }
    if (process.env.AUTHZ_PRINT) console.log(seen.join('\n'));
    expect(wrong).toEqual([]);
  }, 80_000);
});

describe('malformed bodies × role', () => {
  // Authorization comes before the body is read (http/admin/route-guard.ts): whatever a caller who may
  // not use a /login route sends, they get their coded refusal with 401/403 — never E_BAD_JSON,
  // E_BAD_PARAMS or E_TOO_LARGE, whose messages could describe the route's schema.
  // (Before the route matrix below: its logout rows end the cast's cookies.)
  it('a refused caller gets the refusal, not a validation error, for every /login route and every malformed body', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const keys = Object.keys(HTTP_ROUTES).filter((k) => k.includes(' /login/api/') && HTTP_ROUTES[k]!.kind !== 'public');
    for (const key of keys) {
      for (const role of ['anonymous', 'customer', 'external', 'rep'] as HttpRole[]) {
        const want = expectationFor(key, role);
        if (want === 'skip' || want === 'allowed' || want === 'ok') continue;
        for (const m of MALFORMED_BODIES) {
          const got = await malformedOutcome(app.url, key, cast.cookies[role], m);
          checked++;
          if (got.code !== want || got.status !== REFUSAL_STATUS[want]) wrong.push(`${key} × ${role} × ${m.name}: ${got.status} ${got.code} (${got.message}), want ${REFUSAL_STATUS[want]} ${want}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  }, 60_000);

  it('an oversized body is refused as unauthorized too, before it is read', async () => {
    for (const [key, role, want] of [
      ['POST /login/api/users', 'anonymous', 'E_AUTH_REQUIRED'],
      ['POST /login/api/portal-settings/banner', 'rep', 'E_FORBIDDEN'],
      ['POST /login/api/vault/accounts/:id/check-out', 'rep', 'E_INJECT_FORBIDDEN'],
    ] as const) {
      const got = await malformedOutcome(app.url, key, cast.cookies[role], OVERSIZED_BODY);
      expect([got.status, got.code], `${key} × ${role}`).toEqual([REFUSAL_STATUS[want], want]);
    }
  });

  it('reading routes refuse before they read a malformed query too', async () => {
    const bad = `?lsid=nope&seq=x&from=yesterday&rep=everyone&search=${'x'.repeat(300)}`;
    for (const [role, want] of [['anonymous', 'E_AUTH_REQUIRED'], ['rep', 'E_FORBIDDEN']] as const) {
      // (The bare rep lacks Inject Credentials: the Vault answers with its own refusal.)
      for (const path of ['/login/api/reports', '/login/api/reports.csv', '/login/api/users/not-a-number', '/login/api/vault/accounts']) {
        const r = await fetch(`${app.url}${path}${bad}`, { headers: cast.cookies[role] ? { cookie: cast.cookies[role]! } : {} });
        const body = (await r.json()) as { error?: { code?: string } };
        const code = role === 'rep' && path.includes('/vault/') ? 'E_INJECT_FORBIDDEN' : want;
        expect([r.status, body.error?.code], `${path} × ${role}`).toEqual([REFUSAL_STATUS[code], code]);
      }
    }
  });

  it('an administrator still gets the validation error (authorization passed, the body is wrong)', async () => {
    const broken = await malformedOutcome(app.url, 'POST /login/api/users', cast.cookies.admin, MALFORMED_BODIES[0]!);
    expect([broken.status, broken.code]).toEqual([400, 'E_BAD_JSON']);
    const typed = await malformedOutcome(app.url, 'POST /login/api/users', cast.cookies.admin, MALFORMED_BODIES[1]!);
    expect([typed.status, typed.code]).toEqual([400, 'E_BAD_PARAMS']);
  });
});

describe('state-changing HTTP routes × role', () => {
  it('the table has a row for every POST/PUT/PATCH/DELETE route under /login/api, /console/api and /api', () => {
    expect(Object.keys(HTTP_ROUTES).sort()).toEqual(listStateChangingRoutes());
  });

  it('every route answers each role as the table says', async () => {
    const wrong: string[] = [];
    const seen: string[] = [];
    // Logging out ends the caller's cookie: those rows go last.
    const keys = Object.keys(HTTP_ROUTES).sort((a, b) => Number(a.endsWith('/logout') && !a.includes(':id')) - Number(b.endsWith('/logout') && !b.includes(':id')));
    for (const key of keys) {
      for (const role of ROLES as HttpRole[]) {
        const want = expectationFor(key, role);
        if (want === 'skip') continue;
        const got = await httpOutcome(app.url, key, cast.cookies[role]);
        seen.push(`${key} × ${role}: ${got}`);
        if (!matches(got, want)) wrong.push(`${key} × ${role}: ${got}, want ${want}`);
      }
    }
    if (process.env.AUTHZ_PRINT) console.log(seen.join('\n'));
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe('session isolation', () => {
  it('a rep never receives events of a session they are not in', async () => {
    const ana = await rep(app.url, 'ana');
    const ben = await rep(app.url, 'ben');
    const a = await portal(app.url, { name: 'Isolation A', connect: true });
    const b = await portal(app.url, { name: 'Isolation B', connect: true });
    const custA = await customer(app.url, a.body.customerToken);
    const custB = await customer(app.url, b.body.customerToken);
    await ana.call('session.accept', { sessionId: a.body.sessionId });
    await ben.call('session.accept', { sessionId: b.body.sessionId });
    for (let i = 0; i < 3; i++) {
      await ana.call('session.chat', { sessionId: a.body.sessionId, body: `A line ${i}` });
      await ben.call('session.chat', { sessionId: b.body.sessionId, body: `B line ${i}` });
      await ana.call('session.chat', { sessionId: a.body.sessionId, body: `A reps-only ${i}`, audience: 'reps' });
    }
    await ana.call('session.prompt', { sessionId: a.body.sessionId, kind: 'system_info' }).catch(() => undefined);
    await ben.call('session.prompt', { sessionId: b.body.sessionId, kind: 'system_info' }).catch(() => undefined);
    await eventOf(ana, 'session.chat', (m) => m.body === 'A reps-only 2');
    await eventOf(ben, 'session.chat', (m) => m.body === 'B line 2');
    await new Promise((r) => setTimeout(r, 300));

    // Any event naming a session must name the rep's own; queue events may show waiting sessions of visible queues only.
    const sessionOf = (d: any): string | undefined => d?.sessionId ?? d?.session?.id ?? (typeof d?.id === 'string' ? d.id : undefined);
    const leaks = (events: { event: string; data: unknown }[], own: string, other: string) =>
      events.filter((e) => !e.event.startsWith('queue.') && sessionOf(e.data) !== undefined && sessionOf(e.data) !== own)
        .concat(events.filter((e) => JSON.stringify(e.data).includes(other) && !e.event.startsWith('queue.')));
    expect(leaks(ana.events, a.body.sessionId, b.body.sessionId)).toEqual([]);
    expect(leaks(ben.events, b.body.sessionId, a.body.sessionId)).toEqual([]);
    // Chat bodies never cross, whatever the event.
    expect(JSON.stringify(ana.events)).not.toContain('B line');
    expect(JSON.stringify(ben.events)).not.toContain('A line');
    expect(JSON.stringify(ben.events)).not.toContain('A reps-only');
    // The customers see only their own session's lines, and never reps-only lines.
    expect(JSON.stringify(custA.client.events)).not.toContain('B line');
    expect(JSON.stringify(custB.client.events)).not.toContain('A line');
    expect(JSON.stringify(custA.client.events)).not.toContain('reps-only');
    // Nor can they read it by asking.
    await expect(ben.call('session.open', { sessionId: a.body.sessionId })).rejects.toMatchObject({ code: 'E_SESSION_NOT_MEMBER' });
    for (const c of [ana, ben, custA.client, custB.client]) c.close();
  }, 30_000);
});
