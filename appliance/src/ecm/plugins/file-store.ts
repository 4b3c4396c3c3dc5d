/**
 * The `file` plugin's store: one JSON file holding the credentials encrypted with AES-256-GCM under a
 * key derived from a passphrase with scrypt (N=2^15, r=8, p=1, random 16-byte salt, fresh 12-byte IV
 * on every write). The header (format, KDF parameters) is authenticated as associated data, so any
 * change to the file — or a wrong passphrase — fails with E_ECM_FILE_LOCKED. Written atomically, mode 0600.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../../protocol/index.js';

export interface FileCredential {
  id: string;
  name: string;
  username: string;
  password: string;
  domain?: string;
  description?: string;
}

interface Header {
  format: 'rep-ecm-file';
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
}

interface FileShape extends Header {
  iv: string;
  tag: string;
  data: string;
}

const KDF = { N: 2 ** 15, r: 8, p: 1 };

function deriveKey(passphrase: string, k: Header['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(k.salt, 'base64'), 32, { N: k.N, r: k.r, p: k.p, maxmem: 256 * k.N * k.r });
}

const aad = (h: Header): Buffer => Buffer.from(JSON.stringify([h.format, h.version, h.kdf, h.cipher]));

export function readCredentialFile(path: string, passphrase: string): FileCredential[] {
  if (!existsSync(path)) return [];
  try {
    const f = JSON.parse(readFileSync(path, 'utf8')) as FileShape;
    if (f.format !== 'rep-ecm-file' || f.version !== 1 || f.cipher !== 'aes-256-gcm' || f.kdf?.name !== 'scrypt') throw new Error('format');
    if (f.kdf.N > 2 ** 20 || f.kdf.r > 32 || f.kdf.p > 16) throw new Error('kdf');
    const d = createDecipheriv('aes-256-gcm', deriveKey(passphrase, f.kdf), Buffer.from(f.iv, 'base64'));
    d.setAAD(aad(f));
    d.setAuthTag(Buffer.from(f.tag, 'base64'));
    const plain = Buffer.concat([d.update(Buffer.from(f.data, 'base64')), d.final()]);
    const list = JSON.parse(plain.toString('utf8')) as FileCredential[];
    plain.fill(0);
    if (!Array.isArray(list)) throw new Error('shape');
    return list;
  } catch {
    throw new CodedError('E_ECM_FILE_LOCKED');
  }
}

export function writeCredentialFile(path: string, passphrase: string, credentials: readonly FileCredential[]): void {
  const header: Header = { format: 'rep-ecm-file', version: 1, kdf: { name: 'scrypt', ...KDF, salt: randomBytes(16).toString('base64') }, cipher: 'aes-256-gcm' };
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', deriveKey(passphrase, header.kdf), iv);
  c.setAAD(aad(header));
  const plain = Buffer.from(JSON.stringify(credentials), 'utf8');
  const data = Buffer.concat([c.update(plain), c.final()]);
  plain.fill(0);
  const out: FileShape = { ...header, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(out, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, path);
}

/** Adds (or replaces, by name) one credential. */
export function addCredential(path: string, passphrase: string, c: Omit<FileCredential, 'id'>): FileCredential {
  const all = readCredentialFile(path, passphrase);
  const existing = all.find((x) => x.name.toLowerCase() === c.name.toLowerCase());
  const entry: FileCredential = { id: existing?.id ?? randomUUID(), ...c };
  writeCredentialFile(path, passphrase, [...all.filter((x) => x !== existing), entry]);
  return entry;
}

export function removeCredential(path: string, passphrase: string, nameOrId: string): boolean {
  const all = readCredentialFile(path, passphrase);
  const rest = all.filter((x) => x.id !== nameOrId && x.name.toLowerCase() !== nameOrId.toLowerCase());
  if (rest.length === all.length) return false;
  writeCredentialFile(path, passphrase, rest);
  return true;
}

/** The passphrase from `--passphrase-file PATH`, else the environment variable `--passphrase-env` names (default REP_ECM_PASSPHRASE). */
export function passphraseFrom(options: Readonly<Record<string, string>>): string {
  const file = options['passphrase-file'];
  const value = file ? readFileSync(file, 'utf8').replace(/\r?\n$/, '') : process.env[options['passphrase-env'] ?? 'REP_ECM_PASSPHRASE'];
  if (!value) throw new CodedError('E_ECM_CONFIG_INVALID', 'The file plugin needs a passphrase: --passphrase-file PATH, or the REP_ECM_PASSPHRASE environment variable.');
  return value;
}
