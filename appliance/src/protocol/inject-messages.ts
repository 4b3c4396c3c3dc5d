/**
 * Console methods of Inject Credentials (FEATURES.md §F), spread into `methods` (messages.ts). Only
 * names travel to the console: no method or answer here has a field that could carry a secret.
 */
import { z } from 'zod';

const SessionId = z.string().regex(/^[0-9a-f]{32}$/);

export const CredentialSummaryModel = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(['ecm', 'vault']),
  description: z.string().optional(),
});
export type CredentialSummaryModel = z.infer<typeof CredentialSummaryModel>;
const SourceState = z.enum(['ok', 'unavailable', 'none']);

export const injectMethods = {
  /** The credentials the ECM (max 200) and the Vault (max 2,000) offer for the session's endpoint; refused unless it can take them now. */
  'session.inject.list': {
    params: z.object({ sessionId: SessionId, search: z.string().max(128).default('') }),
    result: z.object({ credentials: z.array(CredentialSummaryModel), sources: z.object({ ecm: SourceState, vault: SourceState }) }),
  },
  /** Inject one of them: the appliance fetches the secret and the endpoint logs that user in. */
  'session.inject.run': {
    params: z.object({ sessionId: SessionId, credentialId: z.string().min(1).max(512) }),
    result: z.object({ name: z.string(), source: z.enum(['ecm', 'vault']) }),
  },
} as const;
