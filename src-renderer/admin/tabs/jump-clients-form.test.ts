import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VALIDITY_SECONDS,
  VALIDITY_PRESETS,
  emptyInstallerForm,
  initialInstallerForm,
  installerFormProblem,
  installerMail,
  jumpGroupChoices,
  mailtoLink,
  parseRecipients,
  recipientsProblem,
  toInstallerRequest,
  usesLabel,
} from './jump-clients-form.js';

describe('validity', () => {
  it('offers the vendor’s presets from 10 minutes to 1 year, a week by default', () => {
    expect(VALIDITY_PRESETS.map((p) => p.label)).toEqual(['10 minutes', '1 hour', '1 day', '1 week', '1 month', '1 year']);
    expect(VALIDITY_PRESETS[0]!.seconds).toBe(600);
    expect(VALIDITY_PRESETS.at(-1)!.seconds).toBe(31_536_000);
    expect(VALIDITY_PRESETS.some((p) => p.seconds === DEFAULT_VALIDITY_SECONDS)).toBe(true);
  });

  it('refuses anything outside 10 minutes – 1 year before asking the appliance', () => {
    expect(installerFormProblem({ ...emptyInstallerForm(), validitySeconds: 599 })?.field).toBe('validitySeconds');
    expect(installerFormProblem({ ...emptyInstallerForm(), validitySeconds: 31_536_001 })?.field).toBe('validitySeconds');
    expect(installerFormProblem(emptyInstallerForm())).toBeNull();
  });
});

describe('the form', () => {
  it('names what to fix: long or multi-line tag and comments, quotes in the install directory', () => {
    expect(installerFormProblem({ ...emptyInstallerForm(), tag: 'x'.repeat(256) })).toEqual({ field: 'tag', message: 'The tag can be at most 255 characters long.' });
    expect(installerFormProblem({ ...emptyInstallerForm(), comments: 'a\nb' })?.field).toBe('comments');
    expect(installerFormProblem({ ...emptyInstallerForm(), installDir: 'C:\\"x"' })?.field).toBe('installDir');
  });

  it('sends empty optional fields as null and trims the rest', () => {
    expect(toInstallerRequest({ ...emptyInstallerForm(), tag: ' web ', jumpGroup: 'jumpgroup:dc-servers' })).toEqual({
      jumpGroup: 'jumpgroup:dc-servers',
      tag: 'web',
      comments: '',
      jumpPolicyCode: null,
      validitySeconds: DEFAULT_VALIDITY_SECONDS,
      massDeploy: true,
      installDir: null,
    });
  });

  it('starts with the first shared Jump Group, or none when the site has no groups', () => {
    expect(initialInstallerForm({ groups: [{ code: 'dc-servers', name: 'Data Center Servers' }] }).jumpGroup).toBe('jumpgroup:dc-servers');
    expect(initialInstallerForm({ groups: [] }).jumpGroup).toBe('');
  });

  it('Jump Group choices: groups by code, personal lists as user:NAME', () => {
    const c = jumpGroupChoices({ groups: [{ code: 'dc-servers', name: 'Data Center Servers' }], users: [{ username: 'ana', displayName: 'Ana Lopez' }] });
    expect(c.groups).toEqual([{ value: 'jumpgroup:dc-servers', label: 'Data Center Servers' }]);
    expect(c.personal).toEqual([{ value: 'user:ana', label: 'Ana Lopez (ana)' }]);
  });

  it('uses: a count for mass deployment, "n of 1" for a single-use installer', () => {
    expect(usesLabel({ uses: 12, maxUses: null })).toBe('12');
    expect(usesLabel({ uses: 0, maxUses: 1 })).toBe('0 of 1');
  });
});

describe('e-mail to recipients', () => {
  it('takes comma-separated addresses and names the ones that are not', () => {
    expect(parseRecipients(' a@example.com, b.c@example.org ,')).toEqual({ addresses: ['a@example.com', 'b.c@example.org'], invalid: [] });
    expect(recipientsProblem('a@example.com, bob')).toBe('“bob” is not an e-mail address.');
    expect(recipientsProblem('x, y@')).toBe('These are not e-mail addresses: “x”, “y@”.');
    expect(recipientsProblem('  ')).toBe('Enter at least one e-mail address. Separate several with commas.');
    expect(recipientsProblem('a@example.com; b@example.com')).toBeNull();
  });

  it('a mailto: link with the recipients, a subject, and a body holding the download links and the expiry', () => {
    const mail = installerMail({
      siteUrl: 'https://support.example.com',
      expires: '9 Mar 2026, 09:00',
      massDeploy: false,
      downloads: { sh: 'https://support.example.com/download/jump-client/k/rep-jump-client-k.sh', cmd: 'https://support.example.com/download/jump-client/k/rep-jump-client-k.cmd', msi: null },
    });
    expect(mail.subject).toBe('Jump Client installer for support.example.com');
    expect(mail.body).toContain('- Windows: https://support.example.com/download/jump-client/k/rep-jump-client-k.cmd');
    expect(mail.body).toContain('rep-jump-client-k.sh (run it with: sh <file>)');
    expect(mail.body).toContain('valid until 9 Mar 2026, 09:00 and can be used on one computer only.');
    expect(mail.body).not.toContain('MSI');

    const link = mailtoLink(['a@example.com', 'b+x@example.org'], mail);
    expect(link.startsWith('mailto:a@example.com,b%2Bx@example.org?subject=Jump%20Client%20installer%20for%20support.example.com&body=')).toBe(true);
    const url = new URL(link);
    expect(url.searchParams.get('body')).toBe(mail.body.replace(/\n/g, '\r\n'));
  });
});
