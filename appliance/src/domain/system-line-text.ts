/**
 * The English text of a system line (protocol/system-lines.ts): what the session log, reports, the
 * APIs and older clients read. Consoles and the portal word the same key in their reader's language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { SYSTEM_LINES, type SystemLine, type SystemLineKey } from '../protocol/index.js';

const compiled = new Map<string, IntlMessageFormat>();

/** Never throws: a line is written inside the caller's transaction, and a missing argument must not undo it. */
export function englishOf(l: SystemLine): string {
  const template = SYSTEM_LINES[l.key as SystemLineKey];
  if (template === undefined) return l.key;
  try {
    let f = compiled.get(l.key);
    if (!f) {
      f = new IntlMessageFormat(template, 'en-US');
      compiled.set(l.key, f);
    }
    return String(f.format(l.args));
  } catch {
    return template;
  }
}

/** A message for the wire: the English text plus the line, for clients that word it themselves. */
export const worded = (l: SystemLine): { message: string; line: SystemLine } => ({ message: englishOf(l), line: l });
