/** /api/start_session against a real appliance: the session lands where the parameters say, the token in a cookie. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';
import { eventOf, rep } from '../helpers/support.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

describe('/api/start_session', () => {
  it('by issue code with custom attributes: a browser session in the team queue, the customer redirected to chat', async () => {
    const ana = await rep(app.url, 'ana');
    const r = await fetch(`${app.url}/api/start_session?issue_menu=1&codeName=printer&c2cjs=1&customer.name=Li%20Wei&customer.company=Contoso&session.custom.external_key=INC-1001`, { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/#chat');
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/rc_customer=.*HttpOnly/i);
    const s = await eventOf(ana, 'queue.session', (d) => d.customerName === 'Li Wei');
    expect(s).toMatchObject({ browser: true, company: 'Contoso', customAttributes: { external_key: 'INC-1001' }, issue: 'Printer or scanner' });
    // The customer page joins with the cookie alone.
    const cust = await TestClient.connect(app.url, { cookie: cookie.split(';')[0]! }, '/ws/customer');
    const hello = await cust.customer('customer.hello', {});
    expect(hello.customerName).toBe('Li Wei');
    cust.close();
    ana.close();
  });

  it('by rep name as a form post lands in that rep’s personal queue', async () => {
    const ben = await rep(app.url, 'ben');
    const r = await fetch(`${app.url}/api/start_session`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=ben&customer.name=Form+Customer' });
    expect(r.status).toBe(303);
    const s = await eventOf(ben, 'queue.session', (d) => d.customerName === 'Form Customer');
    expect(s.queueId).toMatch(/^personal:/);
    ben.close();
  });

  it('by short_key; bad parameters get HTTP 400 with a plain message', async () => {
    const carla = await rep(app.url, 'carla');
    const key = await carla.call('sessionKey.generate', {});
    const ok = await fetch(`${app.url}/api/start_session?short_key=${encodeURIComponent(key.key)}&customer.name=Keyed`, { redirect: 'manual' });
    expect(ok.status).toBe(303);
    await eventOf(carla, 'queue.session', (d) => d.customerName === 'Keyed');
    const reused = await fetch(`${app.url}/api/start_session?short_key=${encodeURIComponent(key.key)}`, { redirect: 'manual' });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toMatch(/^E_KEY_USED: /);
    const bad = await fetch(`${app.url}/api/start_session?issue_menu=1&codeName=printer&id=1`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('text/plain');
    carla.close();
  });
});
