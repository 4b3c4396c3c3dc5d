/** The support portal's public API (no login): what the portal offers, and customers joining a queue. */
import { z } from 'zod';
import { CustomerStatus } from '../../appliance/src/protocol/index.js';
import { getJson, postJson } from './http.js';

const PortalInfo = z.object({
  siteName: z.string(),
  reps: z.array(z.object({ id: z.number().int(), publicDisplayName: z.string() })),
  issues: z.array(z.object({ id: z.number().int(), codeName: z.string(), description: z.string(), teamName: z.string() })),
  startMethods: z.object({
    repList: z.boolean(),
    sessionKey: z.boolean(),
    issueSubmission: z.boolean(),
    /** The **Connect** button: any available representative. Older appliances leave it out. */
    connect: z.boolean().optional(),
  }),
});
export type PortalInfo = z.infer<typeof PortalInfo>;
export type PortalRep = PortalInfo['reps'][number];
export type PortalIssue = PortalInfo['issues'][number];

/** How the customer reaches a representative: exactly one route per request. */
export type JoinRoute =
  | { issueId: number }
  | { repId: number }
  | { sessionKey: string }
  | { accessKey: string }
  | { connect: true };

export interface JoinRequest {
  name: string;
  company?: string;
  details?: string;
}

const Joined = z.union([
  z.object({ sessionId: z.string(), customerToken: z.string(), queueName: z.string() }),
  /** An invitation key for an external representative: they go to the console instead. */
  z.object({ external: z.literal(true), consoleUrl: z.string(), sessionId: z.string() }),
]);
export type Joined = z.infer<typeof Joined>;

export const portalApi = {
  info: () => getJson('/api/portal', PortalInfo),
  join: (who: JoinRequest, route: JoinRoute) => postJson('/api/portal/sessions', { ...who, ...route }, Joined),
  /** The customer's session as their waiting page shows it; without a token the HttpOnly cookie is used. */
  status: (customerToken?: string) => postJson('/api/portal/status', customerToken ? { customerToken } : {}, CustomerStatus),
};
