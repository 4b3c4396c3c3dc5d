/**
 * `rep-appliance ecm ...`, `rep-appliance ecm configure ...` and `rep-appliance ecm-file add|list|remove`.
 * Returns the process exit code.
 */
import { hostname } from 'node:os';
import { ECM_PROTOCOL_VERSION } from '../protocol/ecm-messages.js';
import { CodedError } from '../protocol/index.js';
import { VERSION } from '../version.js';
import { ecmUrl, probe, startBridge } from './bridge.js';
import { resolveConfig, writeConfig, parseFlags } from './config.js';
import { openPlugin } from './plugins/index.js';
import { addCredential, passphraseFrom, readCredentialFile, removeCredential } from './plugins/file-store.js';

export async function ecmCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'configure') return configure(argv.slice(1));
  const { config } = resolveConfig(argv);
  const plugin = await openPlugin(config.plugin, config.options);
  const bridge = startBridge({ url: ecmUrl(config.site, config.port), clientId: config.clientId, clientSecret: config.clientSecret, plugin, ...(config.name ? { name: config.name } : {}) });
  let signals = 0;
  const stop = () => (++signals > 1 ? process.exit(130) : bridge.stop());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by `serve --demo` with an IPC channel: when the appliance goes (even killed), so do we.
  if (process.send) process.on('disconnect', () => bridge.stop());
  return bridge.done;
}

/** The ECM Configurator: every field required; the plugin must open and the site must accept the account. */
async function configure(argv: string[]): Promise<number> {
  const { config, path } = resolveConfig(argv, { allowMissingFile: true });
  if (!path) throw new CodedError('E_ECM_CONFIG_INVALID', 'Say where to write the configuration: --config FILE.');
  const plugin = await openPlugin(config.plugin, config.options);
  const count = (await plugin.list({ limit: 10_000 })).length;
  await plugin.close?.();
  const url = ecmUrl(config.site, config.port);
  const r = await probe(url, { type: 'hello', protocol: ECM_PROTOCOL_VERSION, clientId: config.clientId, clientSecret: config.clientSecret, name: config.name ?? hostname(), hostname: hostname(), version: VERSION, plugin: plugin.name });
  if (!r.ok) {
    console.error(`rep-appliance ecm configure: ${r.code}: ${r.message}`);
    return 2;
  }
  writeConfig(path, config);
  console.log(`ECM configuration saved to ${path}: ${url} accepted the account; the ${plugin.name} plugin offers ${count} credential(s).`);
  return 0;
}

const FILE_USAGE =
  'usage: rep-appliance ecm-file add --file PATH --name NAME --username USER [--domain D] [--description TEXT]  (password from REP_ECM_CREDENTIAL_PASSWORD or stdin)\n' +
  '       rep-appliance ecm-file list --file PATH\n' +
  '       rep-appliance ecm-file remove --file PATH --name NAME\n' +
  '       (the passphrase: --passphrase-file PATH or REP_ECM_PASSPHRASE)';

/** `ecm-file`: create and edit the file plugin's encrypted store. Never prints a password. */
export async function ecmFileCommand(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const f = parseFlags(rest);
  if (!f.file) throw new CodedError('E_ECM_CONFIG_INVALID', FILE_USAGE);
  const passphrase = passphraseFrom(f);
  if (verb === 'list') {
    for (const c of readCredentialFile(f.file, passphrase)) console.log(`${c.name}\t${c.domain ? `${c.domain}\\` : ''}${c.username}${c.description ? `\t${c.description}` : ''}`);
    return 0;
  }
  if (verb === 'add') {
    if (!f.name || !f.username) throw new CodedError('E_ECM_CONFIG_INVALID', FILE_USAGE);
    const password = process.env.REP_ECM_CREDENTIAL_PASSWORD ?? (await readStdin()).replace(/\r?\n$/, '');
    if (!password) throw new CodedError('E_ECM_CONFIG_INVALID', 'Give the password on stdin or in REP_ECM_CREDENTIAL_PASSWORD.');
    const c = addCredential(f.file, passphrase, { name: f.name, username: f.username, password, ...(f.domain ? { domain: f.domain } : {}), ...(f.description ? { description: f.description } : {}) });
    console.log(`added ${c.name}`);
    return 0;
  }
  if (verb === 'remove') {
    if (!f.name) throw new CodedError('E_ECM_CONFIG_INVALID', FILE_USAGE);
    return removeCredential(f.file, passphrase, f.name) ? 0 : 1;
  }
  throw new CodedError('E_ECM_CONFIG_INVALID', FILE_USAGE);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
