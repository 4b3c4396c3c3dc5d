/**
 * The preload runs sandboxed: its `require` knows only `electron` and a few Node shims, and
 * scripts/build.mjs leaves every package external. So the bundle must need nothing but `electron`
 * at run time — this builds it the same way and checks.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

describe('preload bundle', () => {
  it('requires nothing but electron and exposes only repConsole', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src-preload/index.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const external = output.imports.filter((i) => i.external).map((i) => i.path);
    expect(external).toEqual(['electron']);

    const code = result.outputFiles[0]!.text;
    expect(code.match(/exposeInMainWorld\(\s*"([^"]+)"/g)).toEqual(['exposeInMainWorld("repConsole"']);
    // The page gets functions that call invoke, never ipcRenderer itself.
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
