/**
 * The SecretStore for plain Node processes (the CLI, the ECM's keychain plugin, tests): keytar,
 * which talks to the OS keychain directly — Windows Credential Manager, macOS Keychain, and on
 * Linux the Secret Service (GNOME Keyring, KWallet) over D-Bus through libsecret. The Electron app
 * uses safeStorage instead (secret-store.ts); both sit behind the same interface.
 *
 * keytar is loaded lazily (`loadKeytarSecretStore`), so nothing that merely imports this module
 * needs the native addon, and a machine without it gets the NullSecretStore and a reason.
 */
import { checkAccount, NullSecretStore, type KeychainStatus, type SecretStore } from './secret-store.js';

/** The part of keytar we use (its own typings have the same shape). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** The keychain "service" our entries are filed under. */
export const KEYTAR_SERVICE = 'Rep Console';

function failed(error: unknown): KeychainStatus {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    available: false,
    code: 'E_KEYCHAIN_FAILED',
    reason: `The OS keychain did not answer (${detail.split('\n')[0]}), so secrets cannot be remembered.`,
  };
}

export class KeytarSecretStore implements SecretStore {
  constructor(
    private readonly keytar: KeytarLike,
    private readonly service = KEYTAR_SERVICE,
  ) {}

  /** Asks the keychain once (listing our own entries): no Secret Service, a locked keyring → unavailable. */
  async status(): Promise<KeychainStatus> {
    try {
      await this.keytar.findCredentials(this.service);
      return { available: true };
    } catch (error) {
      return failed(error);
    }
  }

  async isAvailable(): Promise<boolean> {
    return (await this.status()).available;
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    try {
      return await this.keytar.getPassword(this.service, account);
    } catch {
      return null;
    }
  }

  async set(account: string, secret: string): Promise<boolean> {
    checkAccount(account);
    if (typeof secret !== 'string') throw new Error('A secret must be a string.');
    try {
      await this.keytar.setPassword(this.service, account, secret);
      return true;
    } catch {
      // The keychain refused (gone, locked): nothing was stored anywhere else either.
      return false;
    }
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    try {
      await this.keytar.deletePassword(this.service, account);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * A KeytarSecretStore when keytar loads and the keychain answers; otherwise a NullSecretStore
 * carrying the coded reason (so callers show it, and nothing is ever kept in plain text).
 */
export async function loadKeytarSecretStore(opts: { service?: string; load?: () => Promise<KeytarLike> } = {}): Promise<SecretStore> {
  let keytar: KeytarLike;
  try {
    keytar = await (opts.load ?? defaultLoad)();
  } catch (error) {
    return new NullSecretStore({
      available: false,
      code: 'E_KEYCHAIN_UNAVAILABLE',
      reason: `The keychain module could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}), so secrets cannot be remembered.`,
    });
  }
  const store = new KeytarSecretStore(keytar, opts.service);
  const status = await store.status();
  return status.available ? store : new NullSecretStore(status);
}

async function defaultLoad(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}
