/** Shortcuts for support-loop tests: reps logged in, customers arriving through the portal and their client. */
import { TestClient } from './ws-client.js';

export async function rep(url: string, username: string, password = username === 'admin' ? 'password' : 'Support-Demo-1'): Promise<TestClient> {
  const c = await TestClient.connect(url);
  await c.call('auth.login', { username, password, console: 'web' });
  return c;
}

export async function portal(url: string, body: Record<string, unknown>): Promise<{ status: number; body: any; cookie: string | null }> {
  const r = await fetch(url + '/api/portal/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json(), cookie: r.headers.get('set-cookie') };
}

/** A customer client connected to its session (the browser customer page does the same). */
export async function customer(url: string, token: string): Promise<{ client: TestClient; hello: any }> {
  const client = await TestClient.connect(url, {}, '/ws/customer');
  const hello = await client.customer('customer.hello', { token });
  return { client, hello };
}

export const eventOf = (c: TestClient, event: string, pred: (d: any) => boolean = () => true, timeoutMs = 5000) =>
  c.until(() => c.events.find((e) => e.event === event && pred(e.data))?.data as any, timeoutMs);
