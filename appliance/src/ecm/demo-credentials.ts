/**
 * The demo ECM's store (PRODUCT.md): `DEMO\Administrator` / `Demo-Inject-4242!` and a few others,
 * written encrypted into <data>/demo-ecm/credentials.ecm under a random passphrase kept next to it.
 * The clear passwords exist only in this source file and, decrypted, in the demo ECM process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCredentialFile, type FileCredential } from './plugins/file-store.js';

export const DEMO_ECM_ACCOUNT = { clientId: 'demo-ecm', clientSecret: 'demo-ecm-secret' } as const;

export const DEMO_ECM_CREDENTIALS: readonly FileCredential[] = [
  { id: 'demo-administrator', name: 'DEMO\\Administrator', domain: 'DEMO', username: 'Administrator', password: 'Demo-Inject-4242!', description: 'Domain administrator of the demo fleet' },
  { id: 'demo-helpdesk', name: 'DEMO\\helpdesk', domain: 'DEMO', username: 'helpdesk', password: 'Help-Desk-Demo-77', description: 'Help desk service account' },
  { id: 'demo-local-admin', name: 'Local Administrator', username: 'Administrator', password: 'Local-Admin-Demo-19', description: 'The built-in local account' },
  { id: 'demo-backup', name: 'DEMO\\svc-backup', domain: 'DEMO', username: 'svc-backup', password: 'Backup-Demo-3131', description: 'Backup service account' },
];

/** Creates the demo store once; returns its path and the passphrase file's path. */
export function ensureDemoStore(dataDir: string): { file: string; passphraseFile: string } {
  const dir = join(dataDir, 'demo-ecm');
  const file = join(dir, 'credentials.ecm');
  const passphraseFile = join(dir, 'passphrase');
  if (!existsSync(file) || !existsSync(passphraseFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const passphrase = randomBytes(32).toString('base64url');
    writeFileSync(passphraseFile, passphrase + '\n', { mode: 0o600 });
    writeCredentialFile(file, passphrase, DEMO_ECM_CREDENTIALS);
  }
  return { file, passphraseFile };
}
