import { describe, expect, it } from 'vitest';
import { LICENCE, licenceCounts } from './licence-counts.js';
import type { UserRecord } from './ports.js';

const user = (id: number, o: Partial<UserRecord> = {}): UserRecord =>
  ({ id, username: `u${id}`, disabled: false, externalSessionId: null, isAdmin: false, ...o }) as UserRecord;

describe('licenceCounts', () => {
  it('named users: enabled site accounts only; logged in: those of them with a console, once each', () => {
    const users = [user(1, { isAdmin: true }), user(2), user(3, { disabled: true }), user(4, { externalSessionId: 'abc' }), user(5)];
    const presence = [{ userId: 2 }, { userId: 2 }, { userId: 3 }, { userId: 4 }, { userId: 99 }];
    expect(licenceCounts({ users: { list: () => users }, jump: { countActive: () => 7 }, presence: { list: () => presence } })).toEqual({
      namedUsers: LICENCE.namedUsers,
      usersUsed: 3,
      repsLoggedIn: 1,
      jumpClientsAllowed: LICENCE.jumpClientsAllowed,
      jumpClientsUsed: 7,
    });
  });

  it('an empty site uses nothing', () => {
    expect(licenceCounts({ users: { list: () => [] }, jump: { countActive: () => 0 }, presence: { list: () => [] } })).toMatchObject({ usersUsed: 0, repsLoggedIn: 0, jumpClientsUsed: 0 });
  });
});
