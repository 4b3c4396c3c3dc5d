/** /login's ECM accounts API (Management > ECM Accounts). */
import { z } from 'zod';
import { getJson, postJson, postNoContent } from '../shared-http/http.js';

const EcmAccount = z.object({ id: z.number().int(), name: z.string(), clientId: z.string(), createdAt: z.string() });
export type EcmAccount = z.infer<typeof EcmAccount>;

export const ecmAccountsApi = {
  list: () => getJson('/login/api/ecm-accounts', z.object({ accounts: z.array(EcmAccount) })).then((r) => r.accounts),
  create: (name: string) => postJson('/login/api/ecm-accounts', { name }, z.object({ account: EcmAccount, clientSecret: z.string() })),
  remove: (id: number) => postNoContent(`/login/api/ecm-accounts/${id}/delete`),
};
