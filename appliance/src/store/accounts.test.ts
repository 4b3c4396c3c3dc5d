import { describe, expect, it } from 'vitest';
import { tempSitesPerTest } from '../../../tests/helpers/temp-site.js';
import { REP_PERMISSIONS } from '../domain/permissions.js';

const openSite = tempSitesPerTest('rep-accounts-');

function setup() {
  const site = openSite();
  const { repos } = site;
  const user = repos.users.create({ username: 'ana', displayName: 'Ana', passwordHash: 'x', permissions: REP_PERMISSIONS }, '2026-01-01T00:00:00.000Z');
  return { repos, user };
}

describe('0011 account fields', () => {
  it('new columns have their defaults and a patch changes only what it names', () => {
    const { repos, user } = setup();
    expect(repos.accounts.fields(user.id)).toMatchObject({ email: '', language: 'en-US', extendedAvailability: false, passwordExpiresAt: null, totpLastStep: 0, policy: { remotePaths: [], promptAttended: 'always' } });
    repos.accounts.update(user.id, { email: 'ana@example.com', extendedAvailability: true, policy: { remotePaths: ['/home'], localPaths: [], promptAttended: 'never', promptUnattended: 'never' } });
    expect(repos.accounts.fields(user.id)).toMatchObject({ email: 'ana@example.com', extendedAvailability: true, policy: { remotePaths: ['/home'], promptAttended: 'never' } });
    expect(repos.users.byId(user.id)!.displayName).toBe('Ana');
  });

  it('a TOTP step is used once; later steps only', () => {
    const { repos, user } = setup();
    repos.accounts.enableTotp(user.id, 'SECRET', 100);
    expect(repos.accounts.useTotpStep(user.id, 100)).toBe(false);
    expect(repos.accounts.useTotpStep(user.id, 101)).toBe(true);
    expect(repos.accounts.useTotpStep(user.id, 101)).toBe(false);
    expect(repos.accounts.useTotpStep(user.id, 99)).toBe(false);
    repos.accounts.disableTotp(user.id);
    expect(repos.users.byId(user.id)!.totpSecret).toBeNull();
  });

  it('photos are replaced and removed; deleting the user removes the photo and memberships', () => {
    const { repos, user } = setup();
    const team = repos.teams.create('General', 'general');
    repos.accounts.setMemberships(user.id, [{ teamId: team.id, role: 'lead' }]);
    repos.accounts.setPhoto(user.id, { mime: 'image/png', data: Buffer.from([1, 2, 3]), width: 80, height: 80 }, '2026-01-02T00:00:00.000Z');
    expect(repos.accounts.photo(user.id)?.data.equals(Buffer.from([1, 2, 3]))).toBe(true);
    expect(repos.accounts.fields(user.id)?.photoUpdatedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(repos.users.memberships(user.id)).toMatchObject([{ teamId: team.id, role: 'lead' }]);
    expect(repos.accounts.delete(user.id)).toBe(true);
    expect(repos.accounts.photo(user.id)).toBeNull();
    expect(repos.siteAdmin.teamMembers(team.id)).toEqual([]);
  });
});
