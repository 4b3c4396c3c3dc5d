/** /login > Vault > Accounts over /login's JSON API (appliance/src/http/admin/vault-routes.ts). */
import { z } from 'zod';
import { VaultAccount, type VaultAccountInput } from '../../../../appliance/src/protocol/vault-models.js';
import { getJson, postJson, postNoContent } from '../../../shared-http/http.js';

const base = '/login/api/vault/accounts';
export type VaultInput = z.input<typeof import('../../../../appliance/src/protocol/vault-models.js').VaultAccountInput>;

export const vaultApi = {
  list: (search = '') => getJson(`${base}?search=${encodeURIComponent(search)}`, z.object({ accounts: z.array(VaultAccount) })).then((r) => r.accounts),
  create: (input: VaultInput) => postJson(base, input, VaultAccount),
  update: (id: number, input: VaultInput) => postJson(`${base}/${id}`, input, VaultAccount),
  remove: (id: number) => postNoContent(`${base}/${id}/delete`),
  checkOut: (id: number, minutes: number) => postJson(`${base}/${id}/check-out`, { minutes }, z.object({ account: VaultAccount, password: z.string() })),
  checkIn: (id: number) => postJson(`${base}/${id}/check-in`, {}, VaultAccount),
};
export type { VaultAccount, VaultAccountInput };
