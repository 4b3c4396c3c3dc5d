/**
 * Numbered, forward-only migrations. `PRAGMA user_version` records how many have run; each runs in
 * its own transaction so a crash mid-migration leaves the previous version intact.
 */
import * as m0001 from './0001-init.js';
import * as m0002 from './0002-support-loop.js';
import * as m0003 from './0003-team-chat.js';
import * as m0004 from './0004-jump.js';
import * as m0005 from './0005-installer-keys.js';
import * as m0006 from './0006-agents.js';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-init', up: m0001.up },
  { version: 2, name: '0002-support-loop', up: m0002.up },
  { version: 3, name: '0003-team-chat', up: m0003.up },
  { version: 4, name: '0004-jump', up: m0004.up },
  { version: 5, name: '0005-installer-keys', up: m0005.up },
  { version: 6, name: '0006-agents', up: m0006.up },
];
