/** /login > Jump Policies: the JSON API as the page uses it (schemas from the shared protocol). */
import { z } from 'zod';
import { JumpPolicyRow, type JumpPolicyInput } from '../../appliance/src/protocol/index.js';
import { getJson, postJson, postNoContent } from '../shared-http/http.js';

const PolicyList = z.object({ policies: z.array(JumpPolicyRow), timeZones: z.array(z.string()), siteTimeZone: z.string() });
export type PolicyList = z.infer<typeof PolicyList>;
const Saved = z.object({ policy: JumpPolicyRow });

export const jumpPolicyApi = {
  list: () => getJson('/login/api/jump-policies', PolicyList),
  create: (input: JumpPolicyInput) => postJson('/login/api/jump-policies', input, Saved).then((r) => r.policy),
  update: (id: number, input: JumpPolicyInput) => postJson(`/login/api/jump-policies/${id}`, input, Saved).then((r) => r.policy),
  remove: (id: number) => postNoContent(`/login/api/jump-policies/${id}/delete`),
};
