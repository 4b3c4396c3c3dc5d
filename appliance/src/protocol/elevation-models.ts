/**
 * What a session's endpoint is, as consoles see it (FEATURES.md §I): which kind of client runs there,
 * the machine's facts, and its mode — click-to-chat in a browser, the full customer client in user
 * mode, or elevated (administrative rights, a system service). Other tools read `elevated` (privacy
 * screen, service-mode Jump Clients, UAC dialogs).
 */
import { z } from 'zod';
import { EndpointOs } from './models.js';

export const ClientMode = z.enum(['click_to_chat', 'full_client']);
export type ClientMode = z.infer<typeof ClientMode>;

export const Privilege = z.enum(['user', 'elevated']);
export type Privilege = z.infer<typeof Privilege>;

/** How the rep asked for administrative rights: the vendor's **Prompt Customer** or **Specific User**. */
export const ElevationMethod = z.enum(['prompt', 'specific_user']);
export type ElevationMethod = z.infer<typeof ElevationMethod>;

/** An elevation step waiting for the customer's answer. */
export const PendingElevation = z.object({
  step: z.enum(['full_client', 'elevate']),
  promptId: z.number().int(),
});
export type PendingElevation = z.infer<typeof PendingElevation>;

export const SessionElevation = z.object({
  clientMode: ClientMode,
  privilege: Privilege,
  /** True once the customer client runs with administrative rights. */
  elevated: z.boolean(),
  method: ElevationMethod.nullable(),
  /** The account a Specific User elevation used (never its password). */
  elevatedAs: z.string().nullable(),
  pending: PendingElevation.nullable(),
});
export type SessionElevation = z.infer<typeof SessionElevation>;

/** The header's words for the mode. */
export const CLIENT_MODE_LABEL = { click_to_chat: 'Click-to-Chat', full_client: 'Full client', elevated: 'Elevated' } as const;

export function modeLabel(e: Pick<SessionElevation, 'clientMode' | 'elevated'>): string {
  return e.elevated ? CLIENT_MODE_LABEL.elevated : CLIENT_MODE_LABEL[e.clientMode];
}

/** The machine the session is with. */
export const SessionEndpoint = z.object({
  kind: z.enum(['customer_client', 'jump_client']),
  /** A client is attached that tools can reach (a Jump Client's agent, or an attached customer agent). */
  attached: z.boolean(),
  /** The demo's emulated machine. */
  emulated: z.boolean(),
  hostname: z.string(),
  os: EndpointOs.nullable(),
  publicIp: z.string(),
  privateIp: z.string(),
  /** The Jump Item behind a Jump session (null for customer sessions). */
  jumpItemId: z.number().int().nullable(),
  elevation: SessionElevation,
});
export type SessionEndpoint = z.infer<typeof SessionEndpoint>;
