/**
 * The console asks the appliance to write an e-mail for the rep to send ("Send Local Email"): the
 * text comes in the rep's preferred e-mail language (My Account > E-mail settings). Spread into
 * `methods` (messages.ts).
 */
import { z } from 'zod';

export const ComposedEmailModel = z.object({
  subject: z.string(),
  body: z.string(),
  /** Which template language was used: en, fr or de. */
  language: z.enum(['en', 'fr', 'de']),
  /** `mailto:` with no recipient: the rep's mail program asks for one. */
  mailto: z.string(),
});
export type ComposedEmailModel = z.infer<typeof ComposedEmailModel>;

export const emailMethods = {
  /** A session key (Generate Session Key) or an external representative's invitation, as an e-mail. */
  'email.compose': {
    params: z.object({
      kind: z.enum(['sessionKey', 'externalInvite']),
      url: z.string().url().max(2048),
      key: z.string().regex(/^\d{4} \d{4} \d{4}$/),
    }),
    result: ComposedEmailModel,
  },
} as const;
