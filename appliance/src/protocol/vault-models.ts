/** The Vault's shapes for /login > Vault > Accounts (FEATURES.md §F). A password only ever travels in: the list never carries one. */
import { z } from 'zod';

/** Control characters (C0, DEL, C1) have no place in a name shown in lists and session logs. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const Text = (max: number) => z.string().trim().max(max).refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

export const VaultAccountInput = z.object({
  name: Text(128).pipe(z.string().min(1)),
  username: Text(256).pipe(z.string().min(1)),
  /** Write-only; on an edit, absent or empty keeps the stored one. */
  password: z.string().max(256).optional(),
  domain: Text(128).default(''),
  description: Text(512).default(''),
});
export type VaultAccountInput = z.infer<typeof VaultAccountInput>;

export const VaultAccount = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  username: z.string(),
  domain: z.string(),
  description: z.string(),
  checkedOut: z.object({ userId: z.number().int(), userName: z.string(), until: z.string(), mine: z.boolean() }).nullable(),
  updatedAt: z.string(),
});
export type VaultAccount = z.infer<typeof VaultAccount>;

/** Check-out: how long (minutes, default 30, at most 8 hours). */
export const VaultCheckOutInput = z.object({ minutes: z.number().int().min(1).max(480).default(30) });
export const VAULT_DEFAULT_CHECKOUT_MINUTES = 30;
