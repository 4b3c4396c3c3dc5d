/**
 * The appliance's system lines (protocol/system-lines.ts) in the reader's language. A line carries a
 * key and arguments; older lines, and keys this build does not know, fall back to the English body.
 */
import { SYSTEM_LINES, type SystemLine } from '../../../appliance/src/protocol/index.js';
import { fileSize } from '../file-size.js';
import { dateFormat, t } from './index.svelte.js';
import { hasRefusalText, refusalText } from './refusals.js';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/**
 * The arguments as the reader reads them, by the naming conventions of system-lines.ts: `<x>Code`
 * words <x> from the error catalogue, `<x>Iso` formats <x> as a date and time (in `timeZone`), and
 * `<x>Bytes` formats <x> as a file size.
 */
export function localArgs(args: SystemLine['args']): Record<string, string | number> {
  const out: Record<string, string | number> = { ...args };
  for (const [name, value] of Object.entries(args)) {
    if (name.endsWith('Code') && typeof value === 'string' && hasRefusalText(value)) {
      const base = name.slice(0, -4);
      out[base] = refusalText(value, String(args[base] ?? value));
    } else if (name.endsWith('Iso') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      const zone = typeof args['timeZone'] === 'string' ? args['timeZone'] : undefined;
      out[name.slice(0, -3)] = `${dateFormat(zone ? { ...WHEN, timeZone: zone } : WHEN).format(Date.parse(value))}${zone ? ` (${zone})` : ''}`;
    } else if (name.endsWith('Bytes') && typeof value === 'number') {
      out[name.slice(0, -5)] = fileSize(value);
    }
  }
  return out;
}

/** Whether this build words `line` itself. */
export const knowsLine = (line: SystemLine | undefined): line is SystemLine => !!line && Object.prototype.hasOwnProperty.call(SYSTEM_LINES, line.key);

/** A system line (or a close reason) in the reader's language; `body` when the line has no key this build knows. */
export function lineText(line: SystemLine | undefined, body: string): string {
  return knowsLine(line) ? t(`line.${line.key}`, localArgs(line.args)) : body;
}
