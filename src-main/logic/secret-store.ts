/**
 * The desktop console's secrets (the login token, later the update token) in the OS keychain,
 * behind one `SecretStore` interface (FEATURES.md §H).
 *
 * In the app the keychain is reached through Electron's `safeStorage`: it encrypts with a key the
 * OS keychain holds (DPAPI, macOS Keychain, libsecret/KWallet), and we keep only the encrypted
 * blobs, in a JSON file. On Linux without a keyring `safeStorage` falls back to its `basic_text`
 * backend — a hard-coded key, i.e. plain text with extra steps — so that counts as no keychain.
 * Without a keychain nothing is stored: `set` resolves false and the console tells the rep.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Secrets by account name, kept where only this OS user can read them. */
export interface SecretStore {
  /** Whether secrets can be kept at all; when false, `set` refuses. */
  isAvailable(): Promise<boolean>;
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

export type KeychainStatus = { available: true } | { available: false; reason: string };

/** Whether `safe` encrypts with a real keychain, and if not, a sentence a rep can act on. */
export function keychainStatus(safe: SafeStorageLike): KeychainStatus {
  if (!safe.isEncryptionAvailable()) {
    return { available: false, reason: 'No keychain is available on this computer, so logins cannot be remembered.' };
  }
  const backend = safe.getSelectedStorageBackend?.();
  if (backend !== undefined && NON_KEYCHAIN_BACKENDS.includes(backend)) {
    return {
      available: false,
      reason: 'No keyring (GNOME Keyring or KWallet) is running, so logins cannot be remembered: they would be stored as plain text.',
    };
  }
  return { available: true };
}

const FILE_VERSION = 1;
const MAX_ACCOUNT_LENGTH = 200;

interface SecretsFile {
  version: typeof FILE_VERSION;
  /** account → base64 of the safeStorage-encrypted secret. */
  secrets: Record<string, string>;
}

function checkAccount(account: string): void {
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
    private readonly dir: string,
    fileName = 'secrets.json',
  ) {
    this.file = join(dir, fileName);
  }

  async isAvailable(): Promise<boolean> {
    return keychainStatus(this.safe).available;
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

  /** Write-then-rename, so a crash mid-write leaves the old file, never half a file. */
  private async write(data: SecretsFile): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
    await rename(tmp, this.file);
  }
}

/** The account under which the console's login token for `site` is kept. */
export function loginTokenAccount(site: string): string {
  return `login-token:${site}`;
}
