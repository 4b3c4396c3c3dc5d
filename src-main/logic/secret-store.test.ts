import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktopWords } from './desktop-words.js';
import { appSecretStore, keychainNoticeText, keychainStatus, loginTokenAccount, NO_KEYCHAIN, NullSecretStore, SafeStorageSecretStore, updateTokenAccount, type SafeStorageLike } from './secret-store.js';

/**
 * A stand-in for Electron's safeStorage (the Electron runtime cannot exist in these tests). It
 * "encrypts" by XOR with a key so the file never holds the plain text, and a different key fails
 * to decrypt — the two properties the store relies on.
 */
function fakeSafeStorage(opts: { available?: boolean; backend?: string; key?: number } = {}): SafeStorageLike & { calls: string[] } {
  const key = opts.key ?? 0x5a;
  const calls: string[] = [];
  const fake: SafeStorageLike & { calls: string[] } = {
    calls,
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString: (s) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from([key]), Buffer.from(s, 'utf8').map((b) => b ^ key)]);
    },
    decryptString: (b) => {
      calls.push('decrypt');
      if (b[0] !== key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.subarray(1).map((x) => x ^ key)).toString('utf8');
    },
  };
  if (opts.backend !== undefined) fake.getSelectedStorageBackend = () => opts.backend!;
  return fake;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rep-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('keychainStatus', () => {
  it('trusts real keychains', () => {
    expect(keychainStatus(fakeSafeStorage())).toEqual({ available: true }); // Windows, macOS: no backend query
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(keychainStatus(fakeSafeStorage({ backend }))).toEqual({ available: true });
    }
  });

  it("treats Linux's basic_text (and a backend not chosen yet) as no keychain, with a reason", () => {
    for (const backend of ['basic_text', 'unknown']) {
      const s = keychainStatus(fakeSafeStorage({ backend }));
      expect(s.available).toBe(false);
      expect(s.available === false && s.reason).toMatch(/plain text/);
    }
    const none = keychainStatus(fakeSafeStorage({ available: false }));
    expect(none.available === false && none.reason).toMatch(/No keychain/);
  });
});

describe('SafeStorageSecretStore', () => {
  it('stores, reads, overwrites and deletes secrets, encrypted on disk', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage({ backend: 'gnome_libsecret' }), dir);
    expect(await store.isAvailable()).toBe(true);
    expect(await store.get('a')).toBeNull();
    expect(await store.set('a', 'first-secret')).toBe(true);
    expect(await store.set('b', 'other-secret')).toBe(true);
    expect(await store.get('a')).toBe('first-secret');
    expect(await store.set('a', 'second-secret')).toBe(true);
    expect(await store.get('a')).toBe('second-secret');

    const text = readFileSync(join(dir, 'secrets.json'), 'utf8');
    expect(text).not.toContain('second-secret');
    expect(text).not.toContain('other-secret');
    expect(JSON.parse(text)).toMatchObject({ version: 1, secrets: { a: expect.any(String), b: expect.any(String) } });
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);

    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('other-secret');
    expect(await store.delete('never-set')).toBe(true);
  });

  it('survives a new instance (a restart) reading the same directory', async () => {
    await new SafeStorageSecretStore(fakeSafeStorage(), dir).set('k', 'v');
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), dir).get('k')).toBe('v');
  });

  it('never writes anything, in any form, when only basic_text is available', async () => {
    const safe = fakeSafeStorage({ backend: 'basic_text' });
    const store = new SafeStorageSecretStore(safe, dir);
    expect(await store.isAvailable()).toBe(false);
    expect(await store.set('a', 'plain-secret')).toBe(false);
    expect(await store.get('a')).toBeNull();
    expect(safe.calls).toEqual([]);
    expect(() => statSync(join(dir, 'secrets.json'))).toThrow();
  });

  it('refuses to store when encryption is unavailable at all', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage({ available: false }), dir);
    expect(await store.set('a', 'plain-secret')).toBe(false);
    expect(() => statSync(join(dir, 'secrets.json'))).toThrow();
  });

  it('can still forget a secret once the keychain is gone', async () => {
    await new SafeStorageSecretStore(fakeSafeStorage(), dir).set('a', 's');
    const without = new SafeStorageSecretStore(fakeSafeStorage({ backend: 'basic_text' }), dir);
    expect(await without.delete('a')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).secrets).toEqual({});
  });

  it('treats a secret encrypted under another key as absent', async () => {
    await new SafeStorageSecretStore(fakeSafeStorage({ key: 1 }), dir).set('a', 's');
    expect(await new SafeStorageSecretStore(fakeSafeStorage({ key: 2 }), dir).get('a')).toBeNull();
  });

  it('starts over from a damaged file instead of failing', async () => {
    writeFileSync(join(dir, 'secrets.json'), '{ not json');
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    expect(await store.get('a')).toBeNull();
    expect(await store.set('a', 's')).toBe(true);
    expect(await store.get('a')).toBe('s');
  });

  it('loses no entry when writes overlap', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    for (let i = 0; i < 20; i++) expect(await store.get(`k${i}`)).toBe(`v${i}`);
  });

  it('creates its directory when needed', async () => {
    const nested = join(dir, 'a', 'b');
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), nested).set('k', 'v')).toBe(true);
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), nested).get('k')).toBe('v');
  });

  it('refuses empty or huge account names', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    await expect(store.set('', 'x')).rejects.toThrow(/account/);
    await expect(store.get('x'.repeat(201))).rejects.toThrow(/account/);
  });
});

describe('loginTokenAccount', () => {
  it('names the account per site', () => {
    expect(loginTokenAccount('embedded')).toBe('login-token:embedded');
  });
});

describe('NullSecretStore and the app store choice', () => {
  it('refuses to store, with a coded reason, and never touches the disk', async () => {
    const store = new NullSecretStore();
    expect(await store.isAvailable()).toBe(false);
    expect(await store.status()).toEqual({ available: false, code: 'E_KEYCHAIN_UNAVAILABLE', reason: expect.stringMatching(/cannot be remembered/) });
    expect(await store.set(loginTokenAccount('demo'), 'secret')).toBe(false);
    expect(await store.get(loginTokenAccount('demo'))).toBeNull();
    expect(await store.delete(loginTokenAccount('demo'))).toBe(true);
    await expect(store.set('', 'x')).rejects.toThrow(/account name/);
  });

  it('the app uses safeStorage only with a real keychain; basic_text gets the NullSecretStore with E_KEYCHAIN_PLAIN_TEXT', async () => {
    expect(appSecretStore(fakeSafeStorage(), dir)).toBeInstanceOf(SafeStorageSecretStore);
    const plain = appSecretStore(fakeSafeStorage({ backend: 'basic_text' }), dir);
    expect(plain).toBeInstanceOf(NullSecretStore);
    expect(await plain.status()).toMatchObject({ available: false, code: 'E_KEYCHAIN_PLAIN_TEXT' });
    expect(await plain.set(updateTokenAccount('demo'), 'x')).toBe(false);
    expect(await appSecretStore(fakeSafeStorage({ available: false }), dir).status()).toMatchObject({ code: 'E_KEYCHAIN_UNAVAILABLE' });
    expect(updateTokenAccount('demo')).not.toBe(loginTokenAccount('demo'));
  });
});

describe('the notice when nothing can be remembered', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('is worded by code in the rep’s language', () => {
    expect(keychainNoticeText(NO_KEYCHAIN)).toEqual({ message: 'Nothing will be remembered on this computer', detail: NO_KEYCHAIN.reason });
    desktopWords.set('fr-FR');
    expect(keychainNoticeText({ available: false, code: 'E_KEYCHAIN_PLAIN_TEXT', reason: 'x' })).toEqual({
      message: 'Rien ne sera mémorisé sur cet ordinateur',
      detail: expect.stringContaining('texte clair'),
    });
  });
});
