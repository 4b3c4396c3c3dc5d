/** The plugins `rep-appliance ecm --plugin NAME` knows. Add yours here (see plugin.ts and README "ECM plugins"). */
import { CodedError } from '../../protocol/index.js';
import type { EcmPlugin, EcmPluginFactory } from '../plugin.js';
import { filePlugin } from './file.js';
import { keychainPlugin } from './keychain.js';

export const PLUGINS: Readonly<Record<string, EcmPluginFactory>> = { file: filePlugin, keychain: keychainPlugin };

export async function openPlugin(name: string, options: Readonly<Record<string, string>>): Promise<EcmPlugin> {
  const factory = PLUGINS[name];
  if (!factory) throw new CodedError('E_ECM_CONFIG_INVALID', `There is no ECM plugin “${name}”; known plugins: ${Object.keys(PLUGINS).join(', ')}.`);
  return factory(options);
}
