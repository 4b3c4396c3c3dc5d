/**
 * What the password forms check before asking the appliance. The appliance's rule
 * (domain/password-policy.ts) is the one that counts; its refusal names exactly what is missing.
 */
import { t } from '../lib/i18n/index.svelte.js';

/** The rule as a hint under "New password", in the page's language. */
export const passwordHint = (): string => t('admin.password.hint');

export type PasswordField = 'current' | 'new' | 'confirm';

/** The first thing to fix before submitting, and which field to focus; null when the form can go. */
export function passwordFormProblem(f: { current?: string; next: string; confirm: string }): { field: PasswordField; message: string } | null {
  if (f.current !== undefined && !f.current) return { field: 'current', message: t('admin.password.needCurrent') };
  if (!f.next) return { field: 'new', message: t('admin.password.needNew') };
  if (f.confirm !== f.next) return { field: 'confirm', message: t('admin.password.mismatch') };
  return null;
}
