/**
 * The desktop console's secrets (the login token, the update token) in the OS keychain, behind
 * one `SecretStore` interface (FEATURES.md §H): `SafeStorageSecretStore` in the app,
 * `KeytarSecretStore` (keytar-secret-store.ts) in plain Node processes, and `NullSecretStore` when
 * no keychain is reachable — it stores nothing and says why, with a code.
 *
 * In the app the keychain is reached through Electron's `safeStorage`: it encrypts with a key the
 * OS keychain holds (DPAPI, macOS Keychain, libsecret/KWallet), and we keep only the encrypted
 * blobs, in a JSON file. On Linux without a keyring `safeStorage` falls back to its `basic_text`
 * backend — a hard-coded key, i.e. plain text with extra steps — so that counts as no keychain.
 * Without a keychain nothing is stored: `set` resolves false and the console tells the rep.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { word, type DesktopKey } from './desktop-words.js';
import { writePrivateFile } from './private-file.js';

/** Secrets by account name, kept where only this OS user can read them. */
export interface SecretStore {
  /** Whether secrets can be kept at all; when false, `set` refuses. */
  isAvailable(): Promise<boolean>;
  /** The same, with the coded reason a rep is shown when there is no keychain. */
  status(): Promise<KeychainStatus>;
  /** The secret stored for `account`, or null (none, or it can no longer be decrypted). */
  get(account: string): Promise<string | null>;
  /** Stores `secret` for `account`; resolves false — storing nothing — when no keychain is available. */
  set(account: string, secret: string): Promise<boolean>;
  /** Forgets `account`'s secret (works without a keychain: nothing needs decrypting to delete). */
  delete(account: string): Promise<boolean>;
}

/** The part of Electron's `safeStorage` we use; injected so the logic runs (and is tested) in Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only (absent elsewhere); 'unknown' until the app is ready. */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that are not a keychain: `basic_text` is a fixed key, `unknown` means "not ready, nothing chosen". */
export const NON_KEYCHAIN_BACKENDS: readonly string[] = ['basic_text', 'unknown'];

/**
 * Why no secret can be kept: no keychain at all; only a plain-text "keychain" (Linux `basic_text`);
 * or a keychain that failed when asked (no Secret Service on the session bus, a locked keyring).
 */
export const KEYCHAIN_CODES = ['E_KEYCHAIN_UNAVAILABLE', 'E_KEYCHAIN_PLAIN_TEXT', 'E_KEYCHAIN_FAILED'] as const;
export type KeychainCode = (typeof KEYCHAIN_CODES)[number];

export type UnavailableKeychain = { available: false; code: KeychainCode; reason: string };
export type KeychainStatus = { available: true } | UnavailableKeychain;

export const NO_KEYCHAIN: UnavailableKeychain = {
  available: false,
  code: 'E_KEYCHAIN_UNAVAILABLE',
  reason: 'No keychain is available on this computer, so logins and the update token cannot be remembered.',
};

/** Whether `safe` encrypts with a real keychain, and if not, a sentence a rep can act on. */
export function keychainStatus(safe: SafeStorageLike): KeychainStatus {
  if (!safe.isEncryptionAvailable()) return NO_KEYCHAIN;
  const backend = safe.getSelectedStorageBackend?.();
  if (backend !== undefined && NON_KEYCHAIN_BACKENDS.includes(backend)) {
    return {
      available: false,
      code: 'E_KEYCHAIN_PLAIN_TEXT',
      reason: 'No keyring (GNOME Keyring or KWallet) is running, so logins cannot be remembered: they would be stored as plain text.',
    };
  }
  return { available: true };
}

const NOTICE_DETAIL: Record<KeychainCode, DesktopKey> = {
  E_KEYCHAIN_UNAVAILABLE: 'desktop.keychain.unavailable',
  E_KEYCHAIN_PLAIN_TEXT: 'desktop.keychain.plainText',
  E_KEYCHAIN_FAILED: 'desktop.keychain.failed',
};

/**
 * The notice a rep sees the first time a secret could not be kept, in their language. `reason`
 * stays English (it goes to the log with its code, and may carry the keychain's own error).
 */
export function keychainNoticeText(status: UnavailableKeychain): { message: string; detail: string } {
  return { message: word('desktop.keychain.title'), detail: word(NOTICE_DETAIL[status.code]) };
}

/**
 * The store used when no keychain is reachable: keeps nothing — never a plain-text fallback —
 * and says why. `set` resolves false (refused), `get` finds nothing, `delete` has nothing to do.
 */
export class NullSecretStore implements SecretStore {
  constructor(private readonly why: UnavailableKeychain = NO_KEYCHAIN) {}

  async isAvailable(): Promise<boolean> {
    return false;
  }

  async status(): Promise<KeychainStatus> {
    return this.why;
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    return null;
  }

  async set(account: string, secret: string): Promise<boolean> {
    checkAccount(account);
    if (typeof secret !== 'string') throw new Error('A secret must be a string.');
    return false;
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    return true;
  }
}

/** The app's store: safeStorage when it has a real keychain, otherwise the NullSecretStore with the reason. */
export function appSecretStore(safe: SafeStorageLike, dir: string): SecretStore {
  const status = keychainStatus(safe);
  return status.available ? new SafeStorageSecretStore(safe, dir) : new NullSecretStore(status);
}

const FILE_VERSION = 1;
const MAX_ACCOUNT_LENGTH = 200;

interface SecretsFile {
  version: typeof FILE_VERSION;
  /** account → base64 of the safeStorage-encrypted secret. */
  secrets: Record<string, string>;
}

export function checkAccount(account: string): void {
  if (typeof account !== 'string' || account.length === 0 || account.length > MAX_ACCOUNT_LENGTH) {
    throw new Error(`A secret's account name must be 1–${MAX_ACCOUNT_LENGTH} characters.`);
  }
}

/** A SecretStore over `safeStorage`, keeping encrypted blobs in `<dir>/<fileName>` (mode 0600). */
export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;
  /** Writes run one after another, so two quick `set`s cannot lose one another's entry. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly safe: SafeStorageLike,
    dir: string,
    fileName = 'secrets.json',
  ) {
    this.file = join(dir, fileName);
  }

  async isAvailable(): Promise<boolean> {
    return keychainStatus(this.safe).available;
  }

  async status(): Promise<KeychainStatus> {
    return keychainStatus(this.safe);
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    if (!(await this.isAvailable())) return null;
    const blob = (await this.read()).secrets[account];
    if (blob === undefined) return null;
    try {
      return this.safe.decryptString(Buffer.from(blob, 'base64'));
    } catch {
      // Encrypted under another key (a new keyring, another machine's copy): as good as absent.
      return null;
    }
  }

  async set(account: string, secret: string): Promise<boolean> {
    checkAccount(account);
    if (typeof secret !== 'string') throw new Error('A secret must be a string.');
    if (!(await this.isAvailable())) return false;
    const blob = this.safe.encryptString(secret).toString('base64');
    await this.update((secrets) => ({ ...secrets, [account]: blob }));
    return true;
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    await this.update((secrets) => {
      const rest = { ...secrets };
      delete rest[account];
      return rest;
    });
    return true;
  }

  private update(change: (secrets: Record<string, string>) => Record<string, string>): Promise<void> {
    const run = this.queue.then(async () => {
      const current = await this.read();
      await this.write({ version: FILE_VERSION, secrets: change(current.secrets) });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: FILE_VERSION, secrets: {} };
      throw e;
    }
    try {
      const parsed = JSON.parse(text) as Partial<SecretsFile>;
      const secrets = parsed && typeof parsed.secrets === 'object' && parsed.secrets !== null ? parsed.secrets : {};
      return { version: FILE_VERSION, secrets: Object.fromEntries(Object.entries(secrets).filter(([, v]) => typeof v === 'string')) };
    } catch {
      // A damaged file holds nothing we could decrypt anyway; the next write replaces it.
      return { version: FILE_VERSION, secrets: {} };
    }
  }

  private write(data: SecretsFile): Promise<void> {
    return writePrivateFile(this.file, JSON.stringify(data, null, 2) + '\n');
  }
}

/** The account under which the console's login token for `site` is kept. */
export function loginTokenAccount(site: string): string {
  return `login-token:${site}`;
}

/** The account under which the update token `site` handed out at the first login is kept (FEATURES.md §H). */
export function updateTokenAccount(site: string): string {
  return `update-token:${site}`;
}
