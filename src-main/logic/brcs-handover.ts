/**
 * The `.brcs` commands waiting for the console window (FORMATS.md §BRCS): the main process runs the
 * file's `login`, then leaves the other commands here under the site they are for; the window of that
 * site takes them (IPC takeBrcsCommands) and runs them with the same interpreter the web console uses.
 * Bounded: a flood of files cannot grow it without limit (the oldest batch goes first).
 */
import type { LocatedCommand } from '../../appliance/src/protocol/brcs/index.js';
import type { HandedBrcs } from './ipc-channels.js';

/** Batches kept per site at most (one per file opened). */
export const MAX_HANDED_BATCHES = 10;

export class BrcsHandover {
  private readonly bySite = new Map<string, HandedBrcs[]>();

  /** Keeps the commands of `file` (never `login`, which the main process ran) for `site`. */
  put(site: string, file: string, commands: readonly LocatedCommand[]): boolean {
    const others = commands.filter((c) => c.command.action !== 'login').map((c) => ({ line: c.line, command: c.command as unknown }));
    if (others.length === 0) return false;
    const list = this.bySite.get(site) ?? [];
    list.push({ file, commands: others });
    while (list.length > MAX_HANDED_BATCHES) list.shift();
    this.bySite.set(site, list);
    return true;
  }

  /** The batches for `site`, once: a reload does not run them again. */
  take(site: string | null): HandedBrcs[] {
    if (site === null) return [];
    const list = this.bySite.get(site) ?? [];
    this.bySite.delete(site);
    return list;
  }
}
