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
import * as m0007 from './0007-jump-policy-prompts.js';
import * as m0008 from './0008-shell-recordings.js';
import * as m0009 from './0009-elevation-support-buttons.js';
import * as m0010 from './0010-accounts.js';
import * as m0011 from './0011-api-accounts.js';
import * as m0012 from './0012-desktop-handoff.js';
import * as m0013 from './0013-ecm-accounts.js';
import * as m0014 from './0014-vault.js';
import * as m0015 from './0015-key-queues.js';
import * as m0016 from './0016-customer-addresses.js';
import * as m0017 from './0017-ui-language.js';

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
  { version: 7, name: '0007-jump-policy-prompts', up: m0007.up },
  { version: 8, name: '0008-shell-recordings', up: m0008.up },
  { version: 9, name: '0009-elevation-support-buttons', up: m0009.up },
  { version: 10, name: '0010-accounts', up: m0010.up },
  { version: 11, name: '0011-api-accounts', up: m0011.up },
  { version: 12, name: '0012-desktop-handoff', up: m0012.up },
  { version: 13, name: '0013-ecm-accounts', up: m0013.up },
  { version: 14, name: '0014-vault', up: m0014.up },
  { version: 15, name: '0015-key-queues', up: m0015.up },
  { version: 16, name: '0016-customer-addresses', up: m0016.up },
  { version: 17, name: '0017-ui-language', up: m0017.up },
];
