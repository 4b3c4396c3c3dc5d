/**
 * `rep-appliance ecm` settings: flags, a config file written by `ecm configure` (the vendor's ECM
 * Configurator), or both (flags win). Client ID, client secret, site, port and plugin are required;
 * every other `--key value` pair is a plugin option.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../protocol/index.js';

export interface EcmConfig {
  clientId: string;
  clientSecret: string;
  site: string;
  port: number;
  plugin: string;
  name?: string;
  options: Record<string, string>;
}

export const ECM_USAGE =
  'usage: rep-appliance ecm --client-id ID --client-secret SECRET --site URL --port N --plugin file|keychain [--name NAME] [plugin options]\n' +
  '       rep-appliance ecm --config FILE\n' +
  '       rep-appliance ecm configure --config FILE --client-id ID --client-secret SECRET --site URL --port N --plugin NAME [plugin options]\n' +
  '       (REP_ECM_CLIENT_SECRET may carry the secret instead of --client-secret)';

const CORE = new Set(['client-id', 'client-secret', 'site', 'port', 'plugin', 'name', 'config']);

/** `--key value` pairs (a value may not start with `--`). */
export function parseFlags(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new CodedError('E_ECM_CONFIG_INVALID', `Unexpected argument “${a}”.\n${ECM_USAGE}`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new CodedError('E_ECM_CONFIG_INVALID', `${a} needs a value.\n${ECM_USAGE}`);
    out[a.slice(2)] = v;
    i++;
  }
  return out;
}

/** The effective settings: the config file (if --config), overlaid with flags; all required fields checked. */
export function resolveConfig(argv: readonly string[], opts: { allowMissingFile?: boolean } = {}): { config: EcmConfig; path?: string } {
  const flags = parseFlags(argv);
  const path = flags.config;
  let base: Partial<EcmConfig> = {};
  if (path && existsSync(path)) base = JSON.parse(readFileSync(path, 'utf8')) as Partial<EcmConfig>;
  else if (path && !opts.allowMissingFile) throw new CodedError('E_ECM_CONFIG_INVALID', `There is no ECM configuration at ${path}: write one with \`rep-appliance ecm configure\`.`);
  const options: Record<string, string> = { ...(base.options ?? {}) };
  for (const [k, v] of Object.entries(flags)) if (!CORE.has(k)) options[k] = v;
  const config: EcmConfig = {
    clientId: flags['client-id'] ?? base.clientId ?? '',
    clientSecret: flags['client-secret'] ?? process.env.REP_ECM_CLIENT_SECRET ?? base.clientSecret ?? '',
    site: flags.site ?? base.site ?? '',
    port: Number(flags.port ?? base.port ?? NaN),
    plugin: flags.plugin ?? base.plugin ?? '',
    ...((flags.name ?? base.name) ? { name: flags.name ?? base.name } : {}),
    options,
  };
  const missing = [
    !config.clientId && '--client-id',
    !config.clientSecret && '--client-secret',
    !config.site && '--site',
    !(Number.isInteger(config.port) && config.port > 0 && config.port < 65536) && '--port (1-65535)',
    !config.plugin && '--plugin',
  ].filter(Boolean);
  if (missing.length) throw new CodedError('E_ECM_CONFIG_INVALID', `Missing or invalid: ${missing.join(', ')}.\n${ECM_USAGE}`);
  return { config, ...(path ? { path } : {}) };
}

/** Writes the configuration readable by its owner only (it holds the client secret). */
export function writeConfig(path: string, config: EcmConfig): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
}
