/** `--plugin file --file PATH [--passphrase-file PATH | --passphrase-env VAR]`: the encrypted file store (file-store.ts). Re-read on every request, so `ecm-file add` shows up without a restart. */
import { CodedError } from '../../protocol/index.js';
import { filterCredentials, type EcmPluginFactory } from '../plugin.js';
import { passphraseFrom, readCredentialFile } from './file-store.js';

export const filePlugin: EcmPluginFactory = async (options) => {
  const path = options.file;
  if (!path) throw new CodedError('E_ECM_CONFIG_INVALID', 'The file plugin needs --file PATH (create it with `rep-appliance ecm-file add`).');
  const passphrase = passphraseFrom(options);
  readCredentialFile(path, passphrase); // a wrong passphrase fails now, not at the first request
  return {
    name: 'file',
    list: async (q) => filterCredentials(readCredentialFile(path, passphrase), q),
    fetch: async (id) => {
      const c = readCredentialFile(path, passphrase).find((x) => x.id === id);
      return c ? { username: c.username, password: c.password, ...(c.domain ? { domain: c.domain } : {}) } : null;
    },
  };
};
