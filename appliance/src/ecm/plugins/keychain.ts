/**
 * `--plugin keychain [--service NAME]`: the OS keychain through keytar (Secret Service on Linux,
 * Keychain on macOS, Credential Manager on Windows). Every account stored under the service
 * (default "Rep Console ECM") is a credential; an account written `DOMAIN\user` carries its domain.
 */
import { CodedError } from '../../protocol/index.js';
import { filterCredentials, splitAccount, type EcmPluginFactory } from '../plugin.js';

export const KEYCHAIN_DEFAULT_SERVICE = 'Rep Console ECM';

interface Keytar {
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
  getPassword(service: string, account: string): Promise<string | null>;
}

export async function loadKeytar(): Promise<Keytar> {
  try {
    const m = (await import('keytar')) as unknown as Keytar & { default?: Keytar };
    return m.default ?? m;
  } catch {
    throw new CodedError('E_ECM_PLUGIN_FAILED', 'The keychain plugin needs keytar and the OS keychain (on Linux: libsecret and a Secret Service such as GNOME Keyring).');
  }
}

export const keychainPlugin: EcmPluginFactory = async (options) => {
  const service = options.service ?? KEYCHAIN_DEFAULT_SERVICE;
  const keytar = await loadKeytar();
  const accounts = async () => (await keytar.findCredentials(service)).map((c) => ({ id: c.account, name: c.account }));
  await accounts(); // no reachable keychain fails now, not at the first request
  return {
    name: 'keychain',
    list: async (q) => filterCredentials(await accounts(), q),
    fetch: async (id) => {
      const password = await keytar.getPassword(service, id);
      return password === null ? null : { ...splitAccount(id), password };
    },
  };
};
