/**
 * Elevate on a real agent. A Jump Client has nobody to click a consent prompt (customers answer
 * theirs in the chat), so **Prompt Customer** in a Jump session is refused. **Specific User** is
 * checked against the one administrator account the machine's owner configured for the agent:
 * REP_ELEVATION_USER and REP_ELEVATION_PASSWORD in the agent's environment (never on its command
 * line, where other users could read it). Without them it refuses with E_ELEVATION_NOT_CONFIGURED.
 * The agent records the elevated mode for the session; it does not change its own OS privileges.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { CodedError, type ApplianceParams, type ApplianceResult } from '../protocol/index.js';

export interface ElevationAccount {
  username: string;
  password: string;
}

export function elevationAccountFromEnv(env: NodeJS.ProcessEnv = process.env): ElevationAccount | null {
  const username = env.REP_ELEVATION_USER?.trim();
  const password = env.REP_ELEVATION_PASSWORD;
  return username && password ? { username, password } : null;
}

/** Equal strings in constant time (hashing first makes the lengths equal). */
const same = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function agentElevate(account: ElevationAccount | null, p: ApplianceParams<'endpoint.elevate'>): ApplianceResult<'endpoint.elevate'> {
  if (p.method === 'prompt') throw new CodedError('E_ELEVATION_NOBODY_PRESENT', 'This Jump Client has no one at the computer to ask for administrator consent. Use Specific User instead.');
  if (!account) throw new CodedError('E_ELEVATION_NOT_CONFIGURED');
  const typed = p.username.trim();
  const bare = typed.includes('\\') ? typed.slice(typed.lastIndexOf('\\') + 1) : typed;
  // Both compared every time: a wrong username takes as long as a wrong password.
  const userOk = same(bare.toLowerCase(), account.username.toLowerCase());
  const passOk = same(p.password, account.password);
  if (!userOk || !passOk) throw new CodedError('E_ELEVATION_CREDENTIALS_INVALID');
  return { elevated: true, account: account.username };
}
