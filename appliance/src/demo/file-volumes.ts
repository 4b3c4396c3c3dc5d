/**
 * What File Transfer shows of a demo machine: its sandbox directory (sandbox.ts, the same folder its
 * command shell works in) as volumes named the machine's way — Home (C:\Users\ana, /home/dev) and
 * its Desktop, Documents and Downloads — read and written for real, confined like a real agent's
 * allowed paths.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreVolume } from '../agent/file-store.js';
import { homeDir, type EmulatedMachine } from './emulated-shell.js';
import { ensureSandbox } from './sandbox.js';

export function sandboxVolumes(sandboxRoot: string | undefined, m: EmulatedMachine): StoreVolume[] {
  const home = realpathSync(ensureSandbox(sandboxRoot, m));
  const sep: StoreVolume['sep'] = m.os === 'windows' ? '\\' : '/';
  // The user's home as File Transfer names it (C:\Users\Public at a login screen).
  const display = homeDir(m);
  const folders = ['Desktop', 'Documents', 'Downloads'].filter((d) => existsSync(join(home, d)));
  return [
    { name: 'Home', root: home, display, sep, hidden: ['AppData'] },
    ...folders.map((d) => ({ name: d, root: join(home, d), display: `${display}${sep}${d}`, sep })),
  ];
}
