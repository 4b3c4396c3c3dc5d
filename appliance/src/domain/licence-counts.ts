/**
 * /login > Status licence counts, counted the way the vendor counts them (FEATURES.md §G; the Bomgar
 * Connect guide's Status page): named user licences are taken by the site's own user accounts that
 * can log in — a disabled account gives its licence back, and an external representative invited into
 * one session is not a named user; "licensed representatives logged in" is how many of those accounts
 * have a representative console connected now (several consoles of one rep count once); active Jump
 * Clients are the installed (pinned) Jump Clients, online or not.
 */
import type { UserRecord } from './ports.js';

/** What this site's licence allows (no licence server: fixed for every install). */
export const LICENCE = { namedUsers: 50, jumpClientsAllowed: 1000 } as const;

export interface LicenceCounts {
  namedUsers: number;
  usersUsed: number;
  repsLoggedIn: number;
  jumpClientsAllowed: number;
  jumpClientsUsed: number;
}

export interface LicenceSources {
  users: { list(): UserRecord[] };
  jump: { countActive(): number };
  presence: { list(): { userId: number }[] };
}

const licensed = (u: UserRecord): boolean => !u.disabled && u.externalSessionId === null;

export function licenceCounts(src: LicenceSources): LicenceCounts {
  const users = src.users.list();
  const holders = new Set(users.filter(licensed).map((u) => u.id));
  const online = new Set(src.presence.list().map((p) => p.userId).filter((id) => holders.has(id)));
  return {
    namedUsers: LICENCE.namedUsers,
    usersUsed: holders.size,
    repsLoggedIn: online.size,
    jumpClientsAllowed: LICENCE.jumpClientsAllowed,
    jumpClientsUsed: src.jump.countActive(),
  };
}
