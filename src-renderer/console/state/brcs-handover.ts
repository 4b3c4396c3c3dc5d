/**
 * The desktop console runs what a `.brcs` file asked for (FORMATS.md §BRCS): the main process ran its
 * `login` and hands the other commands over (preload takeBrcsCommands); they run here, once the rep
 * is in, through the shared interpreter (which validates each again) and the web console's executors:
 * `start_jump_item_session` as a client script link (one match starts, several → chooser, none →
 * error); `generate_session_key` opens Generate Session Key...; the push and Shell Jump commands map
 * to the site's Jump Items of that method, or say by line that the site has none.
 */
import { interpretBrcs, type BrcsCommandOf, type BrcsExecutor, type LocatedCommand } from '../../../appliance/src/protocol/index.js';
import { JUMP_METHOD_LABEL } from '../../lib/format.js';
import { t } from '../../lib/i18n/index.svelte.js';
import type { ClientScript } from './client-script.svelte.js';
import type { ConsoleModel } from './console.svelte.js';

type StartJumpItemSession = BrcsCommandOf<'start_jump_item_session'>;
type Mapped = BrcsCommandOf<'push_and_start_local' | 'push_and_start_remote' | 'start_shell_jump_session'>;

export interface HandedBrcs {
  file: string;
  commands: { line: number; command: unknown }[];
}

/** The code a command that finds no Jump Item of its kind carries. */
export const NO_JUMP_ITEM = 'E_BRCS_NO_JUMP_ITEM';

/** The Jump method each command stands for, in the rep's words (lib/format's labels). */
const METHOD_OF = { push_and_start_local: 'local_push', push_and_start_remote: 'push', start_shell_jump_session: 'shelljump' } as const;

/**
 * The Jump Items a push or Shell Jump command stands for: the site's items of that Jump method whose
 * hostname or IP address contains the target (and, with a `jumpoint`, whose comments name it: the
 * demo records an item's Jumpoint there).
 */
export function jumpCommandFor(command: Mapped): StartJumpItemSession {
  const p = command.params;
  const method = command.action === 'push_and_start_local' ? 'local_push' : command.action === 'push_and_start_remote' ? 'push' : 'shelljump';
  const target = 'hostname' in p ? p.hostname : p.target;
  const jumpoint = 'jumpoint' in p ? p.jumpoint : undefined;
  return {
    action: 'start_jump_item_session',
    params: { 'jump.method': method, search_string: target, ...(jumpoint !== undefined ? { 'client.comments': jumpoint } : {}) },
    custom: command.custom,
  };
}

/** "budget.brcs-demo_site, line 3 (push_and_start_remote): this site has no Jump Item using Remote Jump … (E_BRCS_NO_JUMP_ITEM)". */
export function noJumpItemMessage(file: string, line: number, command: Mapped): string {
  const p = command.params;
  const target = 'hostname' in p ? p.hostname : p.target;
  const jumpoint = 'jumpoint' in p && p.jumpoint !== undefined ? p.jumpoint : null;
  const values = { file, line, action: command.action, method: JUMP_METHOD_LABEL[METHOD_OF[command.action]], target, code: NO_JUMP_ITEM };
  return jumpoint === null ? t('console.brcs.noJumpItem', values) : t('console.brcs.noJumpItemVia', { ...values, jumpoint });
}

/** What the console does for each command. */
export interface HandoverActions {
  startJump(command: StartJumpItemSession, noMatch?: (wanted: string) => string): Promise<void>;
  openSessionKeyDialog(command: BrcsCommandOf<'generate_session_key'>): void;
  fail(text: string): void;
}

/** Runs one file's handed-over commands in order; the first failure stops it and says which line. */
export async function runHandedBrcs(batch: HandedBrcs, actions: HandoverActions): Promise<void> {
  const file = batch.file.slice(0, 255);
  let line = 0;
  const located: LocatedCommand[] = batch.commands.map((c) => ({ line: c.line, command: c.command as LocatedCommand['command'] }));
  const mapped = (command: Mapped) => {
    const at = line;
    return actions.startJump(jumpCommandFor(command), () => noJumpItemMessage(file, at, command));
  };
  const executor: BrcsExecutor = {
    login: () => {
      throw new Error('login runs when the file is opened, not in the console.');
    },
    generateSessionKey: (c) => actions.openSessionKeyDialog(c),
    startJumpItemSession: (c) => actions.startJump(c),
    pushAndStartLocal: mapped,
    pushAndStartRemote: mapped,
    startShellJumpSession: mapped,
  };
  // One command at a time through the interpreter, so each executor knows its command's line.
  for (const c of located) {
    line = c.line;
    const result = await interpretBrcs([c], executor);
    if (!result.ok) {
      actions.fail(t('console.brcs.failed', { file, reason: result.message }));
      return;
    }
  }
}

/**
 * Wires the desktop platform's hand-over to the console: commands are taken once the rep is in (and
 * again whenever the app says another file left some). Returns the unsubscribe; a no-op in the browser.
 */
export function listenForBrcs(app: ConsoleModel, script: ClientScript): () => void {
  const platform = app.platform;
  if (!platform.takeBrcsCommands) return () => undefined;
  let running = false;
  let again = false;
  const actions: HandoverActions = {
    startJump: (command, noMatch) => script.run(command, noMatch),
    openSessionKeyDialog: () => {
      app.dialog = 'session-key';
    },
    fail: (text) => {
      app.notice = { text, tone: 'error' };
    },
  };
  const drain = async (): Promise<void> => {
    if (app.auth.phase !== 'ready') return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const batches = await platform.takeBrcsCommands!().catch(() => []);
        for (const batch of Array.isArray(batches) ? batches : []) await runHandedBrcs(batch, actions);
      } while (again);
    } finally {
      running = false;
    }
  };
  app.auth.onEnter(() => void drain());
  void drain();
  return platform.onBrcsCommandsReady?.(() => void drain()) ?? (() => undefined);
}
