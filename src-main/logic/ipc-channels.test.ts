import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appInfoArguments, IPC_CHANNELS, readAppInfo } from './ipc-channels.js';

describe('IPC_CHANNELS', () => {
  it('has one distinct, namespaced channel per method', () => {
    const names = Object.values(IPC_CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^rep-console:[a-z-]+$/);
  });

  it('imports nothing, because the sandboxed preload bundles it and can require no packages', () => {
    const source = readFileSync(new URL('./ipc-channels.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });
});

describe('app info on the preload command line', () => {
  it('round-trips the version and platform', () => {
    const argv = ['/usr/lib/rep-console/rep-console', '--type=renderer', ...appInfoArguments({ version: '1.2.3-beta.1', platform: 'win32' })];
    expect(readAppInfo(argv, 'linux')).toEqual({ version: '1.2.3-beta.1', platform: 'win32' });
  });

  it('falls back to the preload process platform and 0.0.0 when missing or odd', () => {
    expect(readAppInfo([], 'darwin')).toEqual({ version: '0.0.0', platform: 'darwin' });
    expect(readAppInfo(['--rep-console-version=<script>', '--rep-console-platform=aix'], 'linux')).toEqual({ version: '0.0.0', platform: 'linux' });
    expect(readAppInfo([], 'freebsd')).toEqual({ version: '0.0.0', platform: 'linux' });
  });
});
