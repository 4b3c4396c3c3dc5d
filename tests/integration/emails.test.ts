/**
 * E-mails in the rep's preferred e-mail language (issue 11), against a real appliance: the session
 * key's "Send Local Email" text follows My Account > E-mail settings, not the interface language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

async function setEmailLanguage(username: string, password: string, language: string): Promise<void> {
  const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const r = await fetch(app.url + '/login/api/account/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ email: `${username}@example.com`, language, password }),
  });
  expect(r.status).toBe(200);
}

describe('Send Local Email in the rep’s preferred e-mail language', () => {
  const ana = DEMO.reps.general[0];
  const cases = [
    { language: 'en-US', catalogue: 'en', subject: 'Remote support session', phrase: 'Ana Lopez has invited you' },
    { language: 'fr-FR', catalogue: 'fr', subject: 'Session d’assistance à distance', phrase: 'saisissez cette clé de session' },
    { language: 'de-DE', catalogue: 'de', subject: 'Remote-Support-Sitzung', phrase: 'Sitzungsschlüssel im Support-Portal' },
    { language: 'es-ES', catalogue: 'en', subject: 'Remote support session', phrase: 'Ana Lopez has invited you' },
  ];
  for (const c of cases) {
    it(`${c.language}: the session key e-mail comes in ${c.catalogue}`, async () => {
      await setEmailLanguage(ana.username, ana.password, c.language);
      const console = await rep(app.url, ana.username, ana.password);
      try {
        const key = (await console.call('sessionKey.generate', { expiresInMinutes: 10 })) as { key: string; url: string };
        const mail = (await console.call('email.compose', { kind: 'sessionKey', url: key.url, key: key.key })) as any;
        expect(mail).toMatchObject({ language: c.catalogue, subject: c.subject });
        expect(mail.body).toContain(c.phrase);
        expect(mail.body).toContain(key.key);
        expect(mail.mailto).toBe(`mailto:?subject=${encodeURIComponent(c.subject)}&body=${encodeURIComponent(mail.body.replace(/\n/g, '\r\n'))}`);
      } finally {
        console.close();
      }
    });
  }

  it('the interface language does not change the e-mail language', async () => {
    const ben = DEMO.reps.general[1];
    await setEmailLanguage(ben.username, ben.password, 'de-DE');
    const console = await rep(app.url, ben.username, ben.password);
    try {
      await console.call('account.setUiLanguage', { language: 'fr-FR' });
      const mail = (await console.call('email.compose', { kind: 'externalInvite', url: 'https://example.com/x', key: '1234 5678 9012' })) as any;
      expect(mail.language).toBe('de');
      expect(mail.body).toContain('Ben Walker lädt Sie als externen Support-Techniker');
    } finally {
      console.close();
    }
  });
});
