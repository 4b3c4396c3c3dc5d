/**
 * The packaging files (electron-builder.yml, build/) and the code that relies on them say the same
 * things: one URL scheme, one file extension family, one MIME type, one desktop entry, an icon
 * that is what build/icon.mjs draws. (No YAML parser is a dependency, so the YAML is read by line.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBrcsFileName, URL_SCHEME } from './launch-args.js';
import { MAIN_WINDOW } from './window-options.js';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const builder = read('electron-builder.yml');
const desktop = read('build/linux/repconsole.desktop');
const mimeXml = read('build/linux/rep-console-brcs.xml');
const MIME = 'application/x-rep-console-script';

/** The value of `key:` in the YAML text (first occurrence, at any indentation, list dash allowed). */
function yamlValue(key: string): string | undefined {
  return new RegExp(`^\\s*(?:- )?${key}:[ \\t]*(.+)$`, 'm').exec(builder)?.[1]?.trim();
}

function desktopEntry(): Map<string, string> {
  return new Map(
    desktop
      .split('\n')
      .filter((l) => l.includes('=') && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('electron-builder.yml', () => {
  it('flips the Electron fuses at package time (the hook and its list: tests/installers/fuses.test.ts)', () => {
    expect(yamlValue('afterPack')).toBe('build/after-pack.cjs');
    expect(builder).not.toMatch(/^electronFuses:/m);
  });

  it('names the app and ships the built bundles only', () => {
    expect(yamlValue('appId')).toBe('com.repconsole.desktop');
    expect(yamlValue('productName')).toBe(MAIN_WINDOW.title);
    expect(yamlValue('output')).toBe('dist');
    expect(yamlValue('asar')).toBe('true');
    expect(builder).toMatch(/^files:\n\s+- out\/\*\*\n\s+- package\.json$/m);
    expect(JSON.parse(read('package.json')).main).toBe('out/main/index.js');
  });

  it('associates the extension and scheme the main process recognises', () => {
    const ext = yamlValue('ext');
    expect(ext).toBe('brcs-demo');
    expect(isBrcsFileName(`session.${ext}`)).toBe(true);
    expect(builder).toMatch(new RegExp(`schemes:\\n\\s+- ${URL_SCHEME}\\n`));
    expect(yamlValue('mimeType')).toBe(MIME);
  });

  it('builds AppImage + deb, NSIS + MSI per user, and a dmg', () => {
    expect(builder).toMatch(/target:\n\s+- AppImage\n\s+- deb\n/);
    expect(builder).toMatch(/target:\n\s+- nsis\n\s+- msi\n/);
    expect(builder).toMatch(/target:\n\s+- dmg\n/);
    for (const section of ['nsis', 'msi']) {
      const body = new RegExp(`^${section}:\\n((?:[ #].*\\n)+)`, 'm').exec(builder)?.[1] ?? '';
      expect(body, section).toMatch(/oneClick: false/);
      expect(body, section).toMatch(/perMachine: false/);
    }
  });

  it('has the generic update provider placeholder', () => {
    expect(builder).toMatch(/^publish:\n\s+provider: generic\n\s+url: http:\/\/127\.0\.0\.1\/download\/update$/m);
  });

  it('names the desktop entry without a hyphen and passes files/URLs after "--" everywhere', () => {
    expect(yamlValue('executableName')).toBe('repconsole');
    expect(JSON.parse(read('package.json')).desktopName).toBe('repconsole.desktop');
    expect(builder).toMatch(/executableArgs:\n\s+- '--'\n/);
    expect(yamlValue('include')).toBe('build/installer.nsh');
    const nsh = read('build/installer.nsh');
    expect(nsh).toContain(`WriteRegStr SHELL_CONTEXT "Software\\Classes\\${URL_SCHEME}\\shell\\open\\command" "" '"$appExe" -- "%1"'`);
    expect(nsh).toContain('Software\\Rep Console\\Install');
    const wxs = read('build/msi/rep-console.wxs');
    expect(wxs).toContain('&quot;[INSTALLDIR]$(var.ExeName)&quot; -- &quot;%1&quot;');
    expect(wxs).toContain(`Software\\Classes\\${URL_SCHEME}`);
  });

  it('the deb records a per-machine install that never updates itself', () => {
    expect(builder).toContain('- build/linux/install-settings.conf=/etc/rep-console/install-settings.conf');
    const conf = read('build/linux/install-settings.conf');
    expect(conf).toMatch(/^ALLUSERS=1$/m);
    expect(conf).toMatch(/^SHOULDAUTOUPDATE=0$/m);
  });

  it('installs the MIME file that exists', () => {
    const mapping = /- (build\/linux\/[^=]+)=\/usr\/share\/mime\/packages\/[\w-]+\.xml/.exec(builder);
    expect(mapping?.[1]).toBe('build/linux/rep-console-brcs.xml');
  });
});

describe('Linux desktop entry and MIME type', () => {
  it('the desktop entry opens our MIME type and scheme, and agrees with electron-builder.yml', () => {
    const entry = desktopEntry();
    expect(entry.get('Type')).toBe('Application');
    expect(entry.get('Name')).toBe(yamlValue('productName'));
    expect(entry.get('Icon')).toBe(yamlValue('executableName'));
    expect(entry.get('MimeType')).toBe(`${MIME};x-scheme-handler/${URL_SCHEME};`);
    // The file or URL after "--", which is all the app reads (launch-args.ts).
    expect(entry.get('Exec')).toMatch(/ -- %U$/);
    for (const key of ['GenericName', 'Categories', 'Keywords']) {
      expect(yamlValue(key), key).toBe(entry.get(key));
    }
  });

  it('the MIME type matches every site and the BRCS header', () => {
    expect(mimeXml).toContain(`<mime-type type="${MIME}">`);
    const glob = /<glob pattern="([^"]+)"/.exec(mimeXml)?.[1];
    expect(glob).toBe('*.brcs-*');
    expect(isBrcsFileName('x.brcs-demo_site')).toBe(true);
    expect(mimeXml).toContain('value="BRCS"');
  });
});

describe('app icon', () => {
  it('is a 512×512 RGBA PNG, exactly what build/icon.mjs draws', () => {
    const png = readFileSync(resolve(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6);
    const check = spawnSync(process.execPath, [resolve(root, 'build/icon.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
