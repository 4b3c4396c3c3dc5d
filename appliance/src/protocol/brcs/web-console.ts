/**
 * The hand-over from `/api/client_script?type=web_console…` to the web console: the validated
 * command travels as one BRCS command line in the URL fragment (`/console#client_script=…`), which
 * browsers never send to a server or put in a Referer. The console reads it back with the same
 * parser, so it runs only what the catalogue accepts.
 */
import type { BrcsCommandOf } from './commands.js';
import { percentDecode, percentEncode } from './percent.js';
import { encodeCommandLine, parseCommandLine } from './script.js';

export const WEB_CONSOLE_SCRIPT_KEY = 'client_script';

/** `/console#client_script=<the command line, percent-encoded once more>`. */
export function webConsoleScriptUrl(command: BrcsCommandOf<'start_jump_item_session'>): string {
  return `/console#${WEB_CONSOLE_SCRIPT_KEY}=${percentEncode(encodeCommandLine(command))}`;
}

export type WebConsoleScript = { ok: true; command: BrcsCommandOf<'start_jump_item_session'> } | { ok: false; message: string };

/**
 * The script a console URL fragment carries (`#client_script=…`, with or without the `#`), or null
 * when it carries none. The web console runs nothing but `start_jump_item_session`.
 */
export function readWebConsoleScript(hash: string): WebConsoleScript | null {
  const prefix = `${WEB_CONSOLE_SCRIPT_KEY}=`;
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith(prefix)) return null;
  let line: string;
  try {
    line = percentDecode(fragment.slice(prefix.length));
  } catch (e) {
    return { ok: false, message: `The client script in this address ${(e as Error).message}.` };
  }
  const r = parseCommandLine(line);
  if (!r.ok) return { ok: false, message: r.message };
  if (r.command.action !== 'start_jump_item_session') return { ok: false, message: `The web console runs only start_jump_item_session, not ${r.command.action}.` };
  return { ok: true, command: r.command };
}
