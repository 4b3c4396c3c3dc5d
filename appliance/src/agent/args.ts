/**
 * Command lines of the agents: `rep-appliance jump-client …` and `rep-appliance customer …`. Parsed
 * strictly (a typo is an error, not a surprise); `--flag value` and `--flag=value` both work, as the
 * installer's command lines use either.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CodedError, parseJumpGroupTarget, type JumpGroupTarget } from '../protocol/index.js';
import { CONSENT_MODES, type ConsentMode } from './consent.js';

export const JUMP_CLIENT_USAGE =
  'usage: rep-appliance jump-client --site URL --key KEY [--install-dir DIR] [--jc-jump-group user:NAME|jumpgroup:CODE] [--jc-tag TAG] [--jc-comments TEXT] [--allow-path PATH]... [--consent allow|deny|ignore|ask] [--presence present|absent]';
export const CUSTOMER_USAGE = 'usage: rep-appliance customer --site URL (--key SESSIONKEY | --support-button latest|ID) [--name NAME] [--allow-path PATH]...';

export interface JumpClientArgs {
  site: string;
  /** Needed only for the first start (no saved identity yet). */
  key: string | null;
  installDir: string;
  jumpGroup: JumpGroupTarget | null;
  tag: string | null;
  comments: string | null;
  allowPaths: string[];
  /** How a Jump Policy's "allow this session?" prompt is answered (agent/consent.ts); null: the default for where it runs. */
  consent?: ConsentMode | null;
  /** Whether someone is at this computer, when not detected (a service on a desktop machine). */
  presence?: 'present' | 'absent' | null;
}

export interface CustomerArgs {
  site: string;
  /** The session key ('' when a Support Button starts the session). */
  key: string;
  /** `--support-button latest|ID`: click that Support Button installed on this computer. */
  supportButton?: number | 'latest' | null;
  name: string | null;
  allowPaths: string[];
}

export const DEFAULT_INSTALL_DIR = join(homedir(), '.rep-jump-client');

type Flags = Map<string, string[]>;

function parseFlags(argv: readonly string[], known: readonly string[], usage: string): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new CodedError('E_BAD_PARAMS', `Unexpected argument ${a}. ${usage}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!known.includes(name)) throw new CodedError('E_BAD_PARAMS', `Unknown option ${name}. ${usage}`);
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new CodedError('E_BAD_PARAMS', `${name} needs a value. ${usage}`);
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return flags;
}

const one = (f: Flags, name: string, usage: string): string | null => {
  const v = f.get(name);
  if (!v) return null;
  if (v.length > 1) throw new CodedError('E_BAD_PARAMS', `${name} is given more than once. ${usage}`);
  return v[0]!;
};

function site(value: string | null, usage: string): string {
  if (!value) throw new CodedError('E_BAD_PARAMS', `--site is required. ${usage}`);
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new CodedError('E_BAD_PARAMS', `--site must be the site's address, like https://support.example.com. ${usage}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new CodedError('E_BAD_PARAMS', `--site must start with http:// or https://. ${usage}`);
  return u.origin;
}

export function parseJumpClientArgs(argv: readonly string[]): JumpClientArgs {
  const u = JUMP_CLIENT_USAGE;
  const f = parseFlags(argv, ['--site', '--key', '--install-dir', '--jc-jump-group', '--jc-tag', '--jc-comments', '--allow-path', '--consent', '--presence'], u);
  const consent = one(f, '--consent', u);
  if (consent !== null && !(CONSENT_MODES as readonly string[]).includes(consent)) throw new CodedError('E_BAD_PARAMS', `--consent must be allow, deny, ignore or ask. ${u}`);
  const presence = one(f, '--presence', u);
  if (presence !== null && presence !== 'present' && presence !== 'absent') throw new CodedError('E_BAD_PARAMS', `--presence must be present or absent. ${u}`);
  const group = one(f, '--jc-jump-group', u);
  const jumpGroup = group === null ? null : parseJumpGroupTarget(group);
  if (group !== null && !jumpGroup) throw new CodedError('E_BAD_PARAMS', `--jc-jump-group must be user:NAME or jumpgroup:CODE. ${u}`);
  return {
    site: site(one(f, '--site', u), u),
    key: one(f, '--key', u),
    installDir: one(f, '--install-dir', u) ?? DEFAULT_INSTALL_DIR,
    jumpGroup,
    tag: one(f, '--jc-tag', u),
    comments: one(f, '--jc-comments', u),
    allowPaths: f.get('--allow-path') ?? [],
    consent: consent as ConsentMode | null,
    presence,
  };
}

export function parseCustomerArgs(argv: readonly string[]): CustomerArgs {
  const u = CUSTOMER_USAGE;
  const f = parseFlags(argv, ['--site', '--key', '--name', '--allow-path', '--support-button'], u);
  const key = one(f, '--key', u);
  // --support-button: click a Support Button installed on this computer instead of typing a key (agent/support-buttons.ts).
  const button = one(f, '--support-button', u);
  if (button !== null && button !== 'latest' && !/^\d+$/.test(button)) throw new CodedError('E_BAD_PARAMS', `--support-button takes latest or a button number. ${u}`);
  if (!key && button === null) throw new CodedError('E_BAD_PARAMS', `--key is required: the session key your representative gave you. ${u}`);
  if (key && button !== null) throw new CodedError('E_BAD_PARAMS', `Use either --key or --support-button, not both. ${u}`);
  const supportButton = button === null ? null : button === 'latest' ? 'latest' : Number(button);
  return { site: site(one(f, '--site', u), u), key: key ?? '', name: one(f, '--name', u), allowPaths: f.get('--allow-path') ?? [], supportButton };
}
