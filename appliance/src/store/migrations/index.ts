/**
 * Numbered, forward-only migrations. `PRAGMA user_version` records how many have run; each runs in
 * its own transaction so a crash mid-migration leaves the previous version intact.
 */
import * as m0001 from './0001-init.js';
import * as m0002 from './0002-support-loop.js';
import * as m0003 from './0003-team-chat.js';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-init', up: m0001.up },
  { version: 2, name: '0002-support-loop', up: m0002.up },
  { version: 3, name: '0003-team-chat', up: m0003.up },
];
