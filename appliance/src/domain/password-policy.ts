/**
 * The password rule, one place: every password a person chooses (My Account, an administrator in
 * Users) passes through `assertPasswordAllowed`. The default follows the vendor's: at least 8
 * characters with an upper-case letter, a lower-case letter, a digit and a special character; on
 * top of that it may be neither the username nor the factory password.
 */
import { CodedError } from '../protocol/index.js';

export interface PasswordPolicy {
  minLength: number;
  /** Upper- and lower-case letters, a digit and a special character. */
  mixed: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, mixed: true };
/** Long enough for any passphrase, short enough that hashing it stays cheap. */
export const MAX_PASSWORD_LENGTH = 256;

/** What is wrong with a password, as phrases that finish "The password …"; empty when it is allowed. */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`needs at least ${policy.minLength} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`may have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (policy.mixed) {
    const missing = [
      [/\p{Lu}/u, 'an upper-case letter'],
      [/\p{Ll}/u, 'a lower-case letter'],
      [/\p{Nd}/u, 'a digit'],
      [/[^\p{L}\p{Nd}\s]/u, 'a special character (such as - ! #)'],
    ]
      .filter(([re]) => !(re as RegExp).test(password))
      .map(([, what]) => what as string);
    if (missing.length) problems.push(`needs ${list(missing)}`);
  }
  const lower = password.toLowerCase();
  if (username && lower === username.toLowerCase()) problems.push('may not be the username');
  if (lower === 'password') problems.push('may not be “password”');
  return problems;
}

/** Throws E_PASSWORD_WEAK saying exactly what is missing, unless the password follows the rule. */
export function assertPasswordAllowed(password: string, username: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): void {
  const problems = passwordProblems(password, username, policy);
  if (problems.length) throw new CodedError('E_PASSWORD_WEAK', `The new password ${problems.join('; it ')}.`);
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
