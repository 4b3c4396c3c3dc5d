/**
 * The Electron fuses of the packaged app (build/after-pack.cjs, electron-builder's afterPack hook):
 * the list says what the security checklist asks for, every fuse of @electron/fuses' wire is decided,
 * and the hook really flips them: it is run on a stand-in binary carrying Electron's fuse wire
 * (sentinel, version, length, one byte per fuse, all at Electron's defaults) and the wire is read back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const hook = require('../../build/after-pack.cjs') as {
  (context: object): Promise<void>;
  FUSES: Record<string, boolean>;
  electronBinary(context: object): string;
  fuseConfig(fuses: Record<string, boolean>, context?: object): Record<string, unknown>;
};
const fuses = require('@electron/fuses') as typeof import('@electron/fuses');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
/** Electron's shipped defaults: RunAsNode, NODE_OPTIONS, --inspect on; the rest off, file:// privileged. */
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function standInBinary(file: string): void {
  const wire = Buffer.from([...Buffer.from(SENTINEL), 1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), wire, Buffer.alloc(4096, 0x90)]));
}

describe('Electron fuses (build/after-pack.cjs)', () => {
  it('turns off Run-as-Node, NODE_OPTIONS and --inspect; turns on asar-only, asar integrity and cookie encryption', () => {
    expect(hook.FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('decides every fuse @electron/fuses knows, and nothing it does not', () => {
    const known = Object.keys(fuses.FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(hook.FUSES).sort()).toEqual(known.sort());
    const config = hook.fuseConfig(hook.FUSES);
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(() => hook.fuseConfig({ NoSuchFuse: true })).toThrow(/Unknown Electron fuse NoSuchFuse/);
  });

  it('finds the packaged executable per platform', () => {
    const packager = { appInfo: { productFilename: 'Rep Console' }, executableName: 'repconsole' };
    expect(hook.electronBinary({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/repconsole');
    expect(hook.electronBinary({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/Rep Console.exe');
    expect(hook.electronBinary({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe('/o/Rep Console.app');
    expect(hook.fuseConfig(hook.FUSES, { electronPlatformName: 'darwin', arch: 3 }).resetAdHocDarwinSignature).toBe(true);
    expect(hook.fuseConfig(hook.FUSES, { electronPlatformName: 'linux', arch: 1 }).resetAdHocDarwinSignature).toBeUndefined();
  });

  it('flips the fuse wire of the packaged binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rep-fuses-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'linux-unpacked'));
    const binary = join(dir, 'linux-unpacked', 'repconsole');
    standInBinary(binary);
    await hook({
      appOutDir: join(dir, 'linux-unpacked'),
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Rep Console' }, executableName: 'repconsole' },
    });
    const wire = (await fuses.getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    const { FuseV1Options: F } = fuses;
    expect(wire[F.RunAsNode]).toBe(OFF);
    expect(wire[F.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[F.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[F.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[F.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[F.EnableCookieEncryption]).toBe(ON);
    expect(wire[F.GrantFileProtocolExtraPrivileges]).toBe(OFF);
  });
});
