/**
 * Runs a parsed script command by command through an executor (the desktop console supplies one;
 * tests supply fakes). The first failure stops the script with an error naming its line. Dispatch
 * goes through a fixed table of the documented actions and every command is validated again before
 * it runs, so a hand-built command list cannot make the executor do anything else.
 */
import { BrcsCommand, describeIssue, type BrcsAction, type BrcsCommandOf } from './commands.js';
import type { LocatedCommand } from './script.js';

/** One method per documented action. A method fails by throwing (or rejecting); its message is shown. */
export interface BrcsExecutor {
  login(command: BrcsCommandOf<'login'>): void | Promise<void>;
  generateSessionKey(command: BrcsCommandOf<'generate_session_key'>): void | Promise<void>;
  pushAndStartLocal(command: BrcsCommandOf<'push_and_start_local'>): void | Promise<void>;
  pushAndStartRemote(command: BrcsCommandOf<'push_and_start_remote'>): void | Promise<void>;
  startJumpItemSession(command: BrcsCommandOf<'start_jump_item_session'>): void | Promise<void>;
  startShellJumpSession(command: BrcsCommandOf<'start_shell_jump_session'>): void | Promise<void>;
}

export type InterpretResult = { ok: true; ran: number } | { ok: false; ran: number; line: number; action: string; message: string };

type Runner = (executor: BrcsExecutor, command: BrcsCommand) => void | Promise<void>;

/** The only actions a script can run. `command.action` was checked by the schema before the lookup. */
const RUN: Record<BrcsAction, Runner> = {
  login: (x, c) => x.login(c as BrcsCommandOf<'login'>),
  generate_session_key: (x, c) => x.generateSessionKey(c as BrcsCommandOf<'generate_session_key'>),
  push_and_start_local: (x, c) => x.pushAndStartLocal(c as BrcsCommandOf<'push_and_start_local'>),
  push_and_start_remote: (x, c) => x.pushAndStartRemote(c as BrcsCommandOf<'push_and_start_remote'>),
  start_jump_item_session: (x, c) => x.startJumpItemSession(c as BrcsCommandOf<'start_jump_item_session'>),
  start_shell_jump_session: (x, c) => x.startShellJumpSession(c as BrcsCommandOf<'start_shell_jump_session'>),
};

/** Runs `commands` in order; resolves (never rejects) with how far it got and, on failure, why. */
export async function interpretBrcs(commands: readonly LocatedCommand[], executor: BrcsExecutor): Promise<InterpretResult> {
  let ran = 0;
  for (const { line, command } of commands) {
    const action = String((command as { action?: unknown } | null | undefined)?.action);
    const stop = (message: string): InterpretResult => ({ ok: false, ran, line, action, message: `Line ${line} (${action}): ${message}` });
    const checked = BrcsCommand.safeParse(command);
    if (!checked.success) return stop(checked.error.issues[0]?.path[0] === 'action' ? 'This action is not one the console runs.' : describeIssue(checked.error.issues[0]!));
    const run = Object.prototype.hasOwnProperty.call(RUN, checked.data.action) ? RUN[checked.data.action] : undefined;
    if (!run) return stop('This action is not one the console runs.');
    try {
      await run(executor, checked.data);
    } catch (e) {
      return stop(e instanceof Error ? e.message : String(e));
    }
    ran++;
  }
  return { ok: true, ran };
}
