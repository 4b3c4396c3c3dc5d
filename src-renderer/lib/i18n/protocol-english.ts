/**
 * English messages that live with the protocol, not in a catalogue file: the appliance's system lines
 * ("line.<key>", protocol/system-lines.ts) and the default text of every error code ("error.<CODE>",
 * protocol/errors.ts). The appliance writes that English itself, so one source serves both; French
 * and German are in catalogs/common-lines.{fr,de}.json and catalogs/common-errors.{fr,de}.json.
 */
import { ERRORS, SYSTEM_LINES } from '../../../appliance/src/protocol/index.js';

const prefixed = (prefix: string, messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${prefix}${k}`, v]));

export function protocolEnglish(): Record<string, string> {
  return { ...prefixed('line.', SYSTEM_LINES), ...prefixed('error.', ERRORS) };
}
