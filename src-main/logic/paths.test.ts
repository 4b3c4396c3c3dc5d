import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths, USER_DATA_ENV, userDataOverride } from './paths.js';

describe('desktopPaths', () => {
  it('keeps data under userData and finds the bundles next to the main bundle', () => {
    const userData = resolve('/home/ana/.config/Rep Console');
    const mainDir = resolve('/opt/Rep Console/resources/app.asar/out/main');
    expect(desktopPaths({ userData, mainDir })).toEqual({
      dataDir: join(userData, 'site'),
      secretsDir: userData,
      applianceLog: join(userData, 'logs', 'appliance.log'),
      preload: resolve('/opt/Rep Console/resources/app.asar/out/preload/index.cjs'),
      rendererDir: resolve('/opt/Rep Console/resources/app.asar/out/renderer'),
    });
  });

  it('matches where scripts/build.mjs writes the bundles', () => {
    const root = resolve(import.meta.dirname, '../..');
    const paths = desktopPaths({ userData: '/tmp/u', mainDir: join(root, 'out/main') });
    expect(paths.preload).toBe(join(root, 'out/preload/index.cjs'));
    expect(paths.rendererDir).toBe(join(root, 'out/renderer'));
  });
});

describe('userDataOverride', () => {
  it('takes an absolute directory from the environment', () => {
    const dir = resolve('/tmp/rep-console-test');
    expect(userDataOverride({ [USER_DATA_ENV]: dir })).toBe(dir);
    expect(userDataOverride({ [USER_DATA_ENV]: `  ${dir}  ` })).toBe(dir);
  });

  it('ignores a missing, empty or relative one', () => {
    expect(userDataOverride({})).toBeNull();
    expect(userDataOverride({ [USER_DATA_ENV]: '' })).toBeNull();
    expect(userDataOverride({ [USER_DATA_ENV]: 'relative/dir' })).toBeNull();
  });
});
