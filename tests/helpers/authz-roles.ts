/**
 * The five callers of the authorization matrix, set up against a real appliance: an administrator who
 * owns an active session, a rep with every permission removed (made a participant of that session),
 * an external rep invited into it, the session's customer, and an anonymous console connection.
 */
import { TestClient } from './ws-client.js';
import { customer, eventOf, portal, rep } from './support.js';

export type Role = 'anonymous' | 'customer' | 'external' | 'rep' | 'admin';
export const ROLES: Role[] = ['anonymous', 'customer', 'external', 'rep', 'admin'];

/** Every representative permission off: the rep "with the relevant permission removed", for every row at once. */
export const NO_PERMISSIONS = {
  administrator: false, viewReports: false, jumpClient: false, localJump: false, remoteJump: false, shellJump: false, localRdp: false,
  jumpStartAll: false, jumpManage: false, screenView: false, screenControl: false, annotations: false, fileUpload: false, fileDownload: false,
  commandShell: false, systemInfo: false, elevation: false, pinJumpClients: false, supportButtons: false, generateSessionKeys: false,
  shareNonTeam: false, inviteExternal: false, transfer: false, overrideJumpPolicy: false, injectCredentials: false,
};

export const BARE_PASSWORD = 'Valid-Pass-42!';

export interface AdminHttp {
  cookie: string;
  post(path: string, body?: unknown): Promise<{ status: number; body: any }>;
  get(path: string): Promise<{ status: number; body: any }>;
}

export async function adminHttp(url: string, username = 'admin', password = 'password'): Promise<AdminHttp> {
  const r = await fetch(url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`admin login failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const headers = { 'content-type': 'application/json', cookie, origin: url };
  return {
    cookie,
    post: async (path, body = {}) => {
      const res = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    get: async (path) => {
      const res = await fetch(url + path, { headers: { cookie } });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
  };
}

export function bareUser(username: string) {
  return {
    username, displayName: `Bare ${username}`, publicDisplayName: `Bare ${username}`, email: '', language: 'en-US', password: BARE_PASSWORD,
    passwordExpiresAt: null, securityQuestion: '', securityAnswer: '', disabled: false, extendedAvailability: false,
    permissions: NO_PERMISSIONS,
    policy: { remotePaths: [], localPaths: [], promptAttended: 'always', promptUnattended: 'never' },
    teams: [],
  };
}

export interface Cast {
  admin: TestClient;
  rep: TestClient;
  external: TestClient;
  /** The session's customer on /ws/customer. */
  customer: TestClient;
  /** The customer's portal cookie presented to /ws/console. */
  customerOnConsole: TestClient;
  anonymous: TestClient;
  sessionId: string;
  adminId: number;
  repId: number;
  http: AdminHttp;
  /** Cookies each caller holds (null: none): /login for admin and rep, the console for the external rep, the portal's for the customer. */
  cookies: Record<Role, string | null>;
}

/** Admin accepts a portal session, shares it with the bare rep (who accepts), invites an external rep. */
export async function setUpCast(url: string, bareName: string): Promise<Cast> {
  const http = await adminHttp(url);
  const created = await http.post('/login/api/users', bareUser(bareName));
  if (created.status !== 200) throw new Error(`could not create ${bareName}: ${JSON.stringify(created.body)}`);
  const admin = await rep(url, 'admin');
  const adminId = (await admin.call('auth.me', {})).id;
  const bare = await rep(url, bareName, BARE_PASSWORD);
  const repId = (await bare.call('auth.me', {})).id;

  const s = await portal(url, { name: 'Matrix Customer', connect: true });
  const sessionId: string = s.body.sessionId;
  const cust = await customer(url, s.body.customerToken ?? s.body.token);
  await admin.call('session.accept', { sessionId });
  const share = await admin.call('session.share', { sessionId, target: { kind: 'rep', id: repId } });
  await eventOf(bare, 'queue.invitation', (i) => i.id === share.invitation.id);
  await bare.call('session.invitation.accept', { invitationId: share.invitation.id });

  const key = await admin.call('session.inviteExternal', { sessionId, policy: 'Vendor access', name: 'Matrix Vendor', comments: '' });
  const joined = await portal(url, { name: 'Matrix Vendor', sessionKey: key.key });
  const externalCookie = joined.cookie!.split(';')[0]!;
  const external = await TestClient.connect(url, { cookie: externalCookie });
  await external.call('auth.me', {});

  const customerCookie: Record<string, string> = s.cookie ? { cookie: s.cookie.split(';')[0]! } : {};
  const customerOnConsole = await TestClient.connect(url, customerCookie);
  const anonymous = await TestClient.connect(url);
  const repHttp = await adminHttp(url, bareName, BARE_PASSWORD);
  const cookies: Record<Role, string | null> = { admin: http.cookie, rep: repHttp.cookie, external: externalCookie, customer: customerCookie.cookie ?? null, anonymous: null };
  return { admin, rep: bare, external, customer: cust.client, customerOnConsole, anonymous, sessionId, adminId, repId, http, cookies };
}

/** What one call came to: "ok" or the error code. */
export async function outcome(p: Promise<unknown>, timeoutMs = 4000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => (timer = setTimeout(() => rej({ code: 'NO_ANSWER' }), timeoutMs)));
  try {
    await Promise.race([p, timeout]);
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? `threw ${String(e)}`;
  } finally {
    clearTimeout(timer);
  }
}
