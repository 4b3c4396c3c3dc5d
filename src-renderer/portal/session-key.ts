/**
 * Session keys as customers type them: 12 digits, shown as three groups of four ("9932 3793 7275").
 * Spaces, dashes and anything else that is not a digit are ignored, as the appliance ignores them.
 */
export const KEY_DIGITS = 12;
const GROUP = 4;

/** The digits of `raw`, at most 12. */
export function keyDigits(raw: string): string {
  return raw.replace(/\D+/g, '').slice(0, KEY_DIGITS);
}

/** "993237937275" or "9932-3793 7275" → "9932 3793 7275"; partial keys are grouped as far as they go. */
export function formatKey(raw: string): string {
  const digits = keyDigits(raw);
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += GROUP) groups.push(digits.slice(i, i + GROUP));
  return groups.join(' ');
}

/** The caret position in `formatted` that sits just after its `n`th digit (0 → start). */
export function caretAfterDigits(formatted: string, n: number): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i]!)) seen++;
    if (seen === n) return i + 1;
  }
  return formatted.length;
}

/** How many digits come before position `caret` in `raw`. */
export function digitsBefore(raw: string, caret: number): number {
  return keyDigits(raw.slice(0, caret)).length;
}
