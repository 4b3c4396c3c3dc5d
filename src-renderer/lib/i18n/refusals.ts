/**
 * Refusals in the reader's language. The appliance answers with a stable code and an English message
 * that may name specifics ("report.txt already exists there."): English readers get that message,
 * everyone else the catalogue's text for the code ("error.<CODE>"; English from protocol/errors.ts,
 * French and German in catalogs/common-errors.*.json, complete — tests/i18n/catalogs.test.ts).
 */
import { ERRORS } from '../../../appliance/src/protocol/index.js';
import { currentLanguage, t } from './index.svelte.js';
import { catalogueOf } from './languages.js';

/** Codes this side of the wire makes up (shared-http): worded in common.*.json. */
const LOCAL_CODES = new Set(['E_NETWORK', 'E_BAD_RESPONSE']);

const readsEnglish = () => catalogueOf(currentLanguage()) === 'en';

/** Whether the catalogues word `code`. */
export const hasRefusalText = (code: string): boolean => Object.prototype.hasOwnProperty.call(ERRORS, code) || LOCAL_CODES.has(code);

/** The refusal `code` (with the appliance's English `message`) as the reader should read it. */
export function refusalText(code: string | null | undefined, message: string): string {
  if (!code || readsEnglish() || !hasRefusalText(code)) return message;
  return t(`error.${code}`);
}

/** A failure this side of the wire (no answer, lost connection…) in the reader's language. */
export function failureText(kind: string, english: string): string {
  return readsEnglish() ? english : t(`common.failure.${kind}`);
}

/** What to say when a call threw something that is not even an Error. */
export const unknownFailureText = (): string => failureText('unknown', 'Something went wrong. Try again.');
