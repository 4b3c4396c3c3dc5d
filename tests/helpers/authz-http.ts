/**
 * The HTTP half of the authorization matrix: every state-changing route under /login/api, /console/api
 * and /api (found by scanning appliance/src, so a new route without a row fails the test) and what each
 * caller must get. Bodies are empty: "allowed" only needs to get past authorization (E_BAD_PARAMS is fine).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './appliance.js';
import type { Expect } from './authz-table.js';

export type HttpRole = 'anonymous' | 'customer' | 'external' | 'rep' | 'admin';

const ROUTE_RE = /\.(post|put|patch|delete)(?:<[^>]*>)?\(\s*['"`](\/(?:login\/api|console\/api|api)\/[^'"`]*)['"`]/g;

/** "POST /login/api/users/:id" for every state-changing route the appliance's source registers. */
export function listStateChangingRoutes(dir = join(repoRoot, 'appliance/src')): string[] {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(ROUTE_RE)) out.add(`${m[1]!.toUpperCase()} ${m[2]}`);
    }
  };
  walk(dir);
  return [...out].sort();
}

type Kind =
  /** Administrators only: a rep without the administrator permission gets E_FORBIDDEN, no /login login E_AUTH_REQUIRED. */
  | 'admin'
  /** Any /login user (My Account, logout). */
  | 'account'
  /** Open to anyone (login, portal, password reset...): its own checks, not a role. */
  | 'public';

interface HttpRow {
  kind: Kind;
  /** Per-role overrides; "skip" leaves a role out (a call that would take the site down). */
  expect?: Partial<Record<HttpRole, Expect | 'skip'>>;
}

// Every /login route asks for the caller before it reads the body (http/admin/route-guard.ts): an empty
// body never turns a refusal into E_BAD_PARAMS, so no row needs an exception for it.

const NEEDS_API_TOKEN: Partial<Record<HttpRole, Expect>> = { anonymous: 'E_API_TOKEN_MISSING', customer: 'E_API_TOKEN_MISSING', external: 'E_API_TOKEN_MISSING', rep: 'E_API_TOKEN_MISSING', admin: 'E_API_TOKEN_MISSING' };

export const HTTP_ROUTES: Record<string, HttpRow> = {
  'POST /api/portal/sessions': { kind: 'public' },
  'POST /api/portal/status': { kind: 'public' },
  'POST /api/start_session': { kind: 'public' },
  'POST /api/client_script': { kind: 'public' },
  'POST /api/command': { kind: 'public', expect: NEEDS_API_TOKEN },
  'POST /api/reporting': { kind: 'public', expect: NEEDS_API_TOKEN },
  'POST /console/api/session': { kind: 'public' },
  'DELETE /console/api/session': { kind: 'public' },
  'PUT /console/api/files/:id/:token': { kind: 'public' },
  'POST /login/api/login': { kind: 'public' },
  'POST /login/api/forgot/question': { kind: 'public' },
  'POST /login/api/forgot/reset': { kind: 'public' },
  // Logging out with no login is a harmless no-op.
  'POST /login/api/logout': { kind: 'public', expect: { anonymous: 'ok', customer: 'ok', external: 'ok' } },
  'POST /login/api/account/2fa/begin': { kind: 'account' },
  'POST /login/api/account/2fa/cancel': { kind: 'account' },
  'POST /login/api/account/2fa/confirm': { kind: 'account' },
  'POST /login/api/account/2fa/disable': { kind: 'account' },
  'POST /login/api/account/availability': { kind: 'account' },
  'POST /login/api/account/email': { kind: 'account' },
  'POST /login/api/account/names': { kind: 'account' },
  'POST /login/api/account/password': { kind: 'account' },
  'POST /login/api/account/photo': { kind: 'account' },
  'POST /login/api/account/photo/remove': { kind: 'account' },
  'POST /login/api/account/security-question': { kind: 'account' },
  'POST /login/api/account/ui-language': { kind: 'account' },
  'POST /login/api/api-accounts': { kind: 'admin' },
  'POST /login/api/api-accounts/:id': { kind: 'admin' },
  'POST /login/api/api-accounts/:id/delete': { kind: 'admin' },
  'POST /login/api/api-accounts/:id/secret': { kind: 'admin' },
  'POST /login/api/ecm-accounts': { kind: 'admin' },
  'POST /login/api/ecm-accounts/:id/delete': { kind: 'admin' },
  'POST /login/api/issues': { kind: 'admin' },
  'POST /login/api/issues/:id': { kind: 'admin' },
  'POST /login/api/issues/:id/delete': { kind: 'admin' },
  'POST /login/api/portal-settings': { kind: 'admin' },
  'POST /login/api/portal-settings/banner': { kind: 'admin' },
  'POST /login/api/portal-settings/banner/revert': { kind: 'admin' },
  'POST /login/api/reps/:id/logout': { kind: 'admin' },
  'POST /login/api/security': { kind: 'admin' },
  'POST /login/api/site/restart': { kind: 'admin', expect: { admin: 'skip' } },
  'POST /login/api/site/timezone': { kind: 'admin' },
  'POST /login/api/status/upgrade-demo': { kind: 'admin' },
  'POST /login/api/teams': { kind: 'admin' },
  'POST /login/api/teams/:id': { kind: 'admin' },
  'POST /login/api/teams/:id/delete': { kind: 'admin' },
  'POST /login/api/users': { kind: 'admin' },
  'POST /login/api/users/:id': { kind: 'admin' },
  'POST /login/api/users/:id/delete': { kind: 'admin' },
  'POST /login/api/users/:id/password': { kind: 'admin' },
  'POST /login/api/users/:id/reset': { kind: 'admin' },
  'POST /login/api/users/:id/reset-2fa': { kind: 'admin' },
  'POST /login/api/vault/accounts': { kind: 'admin' },
  'POST /login/api/vault/accounts/:id': { kind: 'admin' },
  'POST /login/api/vault/accounts/:id/check-in': { kind: 'admin', expect: { rep: 'E_INJECT_FORBIDDEN' } },
  'POST /login/api/vault/accounts/:id/check-out': { kind: 'admin', expect: { rep: 'E_INJECT_FORBIDDEN' } },
  'POST /login/api/vault/accounts/:id/delete': { kind: 'admin' },
  'POST /login/api/jump-policies': { kind: 'admin' },
  'POST /login/api/jump-policies/:id': { kind: 'admin' },
  'POST /login/api/jump-policies/:id/delete': { kind: 'admin' },
  'POST /login/api/jump-clients/installers': { kind: 'admin' },
  'POST /login/api/jump-clients/installers/:id/revoke': { kind: 'admin' },
};

export function expectationFor(key: string, role: HttpRole): Expect | 'skip' {
  const row = HTTP_ROUTES[key]!;
  const o = row.expect?.[role];
  if (o) return o;
  if (row.kind === 'public') return 'allowed';
  if (role === 'admin') return 'allowed';
  if (role === 'rep') return row.kind === 'account' ? 'allowed' : 'E_FORBIDDEN';
  return 'E_AUTH_REQUIRED';
}

/** Calls one route (":id" → a number that names nothing) and answers "ok" or the refusal's code. */
export async function httpOutcome(url: string, key: string, cookie: string | null): Promise<string> {
  const [method, path] = key.split(' ') as [string, string];
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: url };
  if (cookie) headers.cookie = cookie;
  const r = await fetch(url + path.replace(/:[a-z]+/gi, '999999'), { method, headers, body: method === 'DELETE' ? undefined : '{}' });
  const text = await r.text();
  if (r.status < 400) return 'ok';
  try {
    const b = JSON.parse(text) as { error?: { code?: string } | string; code?: string; errorCode?: string };
    return (typeof b.error === 'object' ? b.error?.code : undefined) ?? b.code ?? b.errorCode ?? `HTTP ${r.status}`;
  } catch {
    // The XML APIs answer <error code="...">.
    return /code="([A-Z_]+)"/.exec(text)?.[1] ?? `HTTP ${r.status}`;
  }
}
