/**
 * The ECM protocol on /ws/ecm: JSON text frames between an ECM bridge (`rep-appliance ecm`) and the
 * appliance. The bridge speaks first (`hello` with its account's client ID and secret); the appliance
 * answers `welcome` or `refused` (then closes). After that the appliance asks (`list`, `fetch`) and
 * the bridge answers each request id exactly once with `result`.
 */
import { z } from 'zod';

export const ECM_WS_PATH = '/ws/ecm';
export const ECM_PROTOCOL_VERSION = 1;
/** Close codes: 4401 refused credentials, 4409 site full (6th ECM), 4400 protocol violation. */
export const ECM_CLOSE = { invalid: 4401, full: 4409, protocol: 4400 } as const;

/** Printable text without control characters (credential names and usernames end up on screens). */
const printable = (max: number) => z.string().min(1).max(max).refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'contains control characters');

export const EcmHello = z.object({
  type: z.literal('hello'),
  protocol: z.literal(ECM_PROTOCOL_VERSION),
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  name: printable(200),
  hostname: printable(255),
  version: printable(50),
  plugin: printable(50),
});
export type EcmHello = z.infer<typeof EcmHello>;

export type EcmServerMessage =
  | { type: 'welcome'; ecmId: string }
  | { type: 'refused'; code: string; message: string }
  | { type: 'list'; id: number; search?: string; hostname?: string; limit: number }
  | { type: 'fetch'; id: number; credentialId: string; hostname?: string };

export const EcmCredentialSummary = z.object({
  id: printable(500),
  name: printable(500),
  description: z.string().max(1000).refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'contains control characters').optional(),
});

export const EcmSecret = z.object({
  username: printable(500),
  password: z.string().min(1).max(4096),
  domain: printable(255).optional(),
});

export const EcmResult = z.union([
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), credentials: z.array(EcmCredentialSummary).max(10_000) }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), secret: EcmSecret }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(false), code: z.enum(['E_ECM_CREDENTIAL_NOT_FOUND', 'E_ECM_PLUGIN_FAILED']), message: z.string().max(1000) }),
]);
export type EcmResult = z.infer<typeof EcmResult>;

/** A connected ECM as /login > Status > ECM Clients shows it. */
export interface EcmClientInfo {
  id: string;
  name: string;
  hostname: string;
  address: string;
  version: string;
  plugin: string;
  connectedAt: string;
}
