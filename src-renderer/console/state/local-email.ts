/**
 * Send Local Email for a session key or an external representative's invitation: the appliance
 * writes it in the rep's preferred e-mail language (My Account > E-mail settings). Null when it
 * cannot; the dialog then keeps its link in the console's own words.
 */
import type { GeneratedKey } from '../../../appliance/src/protocol/index.js';
import type { ConsoleClient } from '../../lib/client.js';

export async function composeLocalEmail(client: ConsoleClient, kind: 'sessionKey' | 'externalInvite', key: GeneratedKey): Promise<string | null> {
  try {
    return (await client.call('email.compose', { kind, url: key.url, key: key.key })).mailto;
  } catch {
    return null;
  }
}
