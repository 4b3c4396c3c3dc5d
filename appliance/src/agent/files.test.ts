import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { isWithin, listDirectory, requestedPath, resolveRoots } from './files.js';

let base: string;
let root: string;
let roots: string[];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'rep-files-'));
  root = join(base, 'home');
  mkdirSync(join(root, 'Documents'), { recursive: true });
  writeFileSync(join(root, 'notes.txt'), 'hello');
  writeFileSync(join(root, '.hidden'), 'x');
  mkdirSync(join(base, 'secret'));
  writeFileSync(join(base, 'secret', 'passwords.txt'), 'no');
  symlinkSync(join(base, 'secret'), join(root, 'escape'));
  roots = await resolveRoots([root]);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof CodedError ? e.code : String(e);
  }
};

describe('file listing within the allowed paths', () => {
  it('lists the first root for an empty path: folders first, sizes, hidden files marked', async () => {
    const l = await listDirectory('', roots);
    expect(l.path).toBe(roots[0]);
    expect(l.roots).toEqual(roots);
    expect(l.entries.map((e) => [e.name, e.kind])).toEqual([
      ['Documents', 'dir'],
      ['.hidden', 'file'],
      ['escape', 'link'],
      ['notes.txt', 'file'],
    ]);
    expect(l.entries.find((e) => e.name === 'notes.txt')).toMatchObject({ size: 5, hidden: false });
    expect(l.entries.find((e) => e.name === '.hidden')?.hidden).toBe(true);
  });

  it('lists a folder below a root, by relative or absolute path', async () => {
    expect((await listDirectory('Documents', roots)).path).toBe(join(roots[0]!, 'Documents'));
    expect((await listDirectory(join(roots[0]!, 'Documents'), roots)).entries).toEqual([]);
  });

  it('refuses traversal, absolute paths elsewhere and links that lead out, with E_PATH_NOT_ALLOWED', async () => {
    expect(await code(listDirectory('..', roots))).toBe('E_PATH_NOT_ALLOWED');
    expect(await code(listDirectory('Documents/../../secret', roots))).toBe('E_PATH_NOT_ALLOWED');
    expect(await code(listDirectory('/etc', roots))).toBe('E_PATH_NOT_ALLOWED');
    expect(await code(listDirectory(join(base, 'secret'), roots))).toBe('E_PATH_NOT_ALLOWED');
    expect(await code(listDirectory('escape', roots))).toBe('E_PATH_NOT_ALLOWED');
    expect(await code(listDirectory('bad\0path', roots))).toBe('E_PATH_NOT_ALLOWED');
  });

  it('says E_PATH_NOT_FOUND for a missing folder or a file', async () => {
    expect(await code(listDirectory('missing', roots))).toBe('E_PATH_NOT_FOUND');
    expect(await code(listDirectory('notes.txt', roots))).toBe('E_PATH_NOT_FOUND');
  });

  it('containment is by path segment, not by string prefix', () => {
    expect(isWithin('/home/ann', '/home/ann')).toBe(true);
    expect(isWithin('/home/ann/x', '/home/ann')).toBe(true);
    expect(isWithin('/home/anna', '/home/ann')).toBe(false);
    expect(isWithin('/anything', '/')).toBe(true);
    expect(requestedPath('~/Documents', ['/home/ann'])).toBe('/home/ann/Documents');
  });
});
