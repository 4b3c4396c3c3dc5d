/**
 * What the password forms check before asking the appliance. The appliance's rule
 * (domain/password-policy.ts) is the one that counts; its refusal names exactly what is missing.
 */

/** The rule as a hint under "New password". */
export const PASSWORD_HINT = 'At least 8 characters, with an upper-case letter, a lower-case letter, a digit and a special character. Not the username.';

export type PasswordField = 'current' | 'new' | 'confirm';

/** The first thing to fix before submitting, and which field to focus; null when the form can go. */
export function passwordFormProblem(f: { current?: string; next: string; confirm: string }): { field: PasswordField; message: string } | null {
  if (f.current !== undefined && !f.current) return { field: 'current', message: 'Enter your current password.' };
  if (!f.next) return { field: 'new', message: 'Enter a new password.' };
  if (f.confirm !== f.next) return { field: 'confirm', message: 'The two new passwords are not the same. Type the new password again.' };
  return null;
}
