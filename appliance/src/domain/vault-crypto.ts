/**
 * The Vault's encryption at rest: AES-256-GCM with a random 96-bit IV per sealing and the account's
 * name as additional data (a sealed password copied onto another row does not open).
 *
 * Key choice: a random 32-byte key in `<dataDir>/vault.key`, created on first use with mode 0600
 * (owner read/write only), rather than one derived from a site secret: the database alone (a backup,
 * a copied file, a support bundle) then reveals nothing, and rotating the appliance's other secrets
 * never strands the Vault. Back up vault.key together with the database to keep the accounts.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../protocol/index.js';

export const VAULT_KEY_FILE = 'vault.key';
const VERSION = 'v1';

export class VaultCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The Vault key must be 32 bytes.');
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
  seal(plain: string, aad: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [VERSION, iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  open(sealed: string, aad: string): string {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== VERSION || iv === undefined || tag === undefined || ct === undefined) throw new CodedError('E_VAULT_KEY_INVALID');
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(aad, 'utf8'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    } catch {
      throw new CodedError('E_VAULT_KEY_INVALID');
    }
  }
}

/** The site's Vault key: read from `<dataDir>/vault.key`, or made (0600) when there is none yet. */
export function loadVaultKey(dataDir: string): Buffer {
  const file = join(dataDir, VAULT_KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key.`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
