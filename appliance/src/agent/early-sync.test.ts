import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EarlySync } from './early-sync.js';

const dir = mkdtempSync(join(tmpdir(), 'early-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('early sync of a streaming upload', () => {
  it('syncs in the background every so many bytes and leaves the file as written', async () => {
    const path = join(dir, 'upload.part');
    writeFileSync(path, '');
    const early = new EarlySync(path, 10);
    for (let i = 0; i < 5; i++) {
      appendFileSync(path, 'abcdefgh');
      early.wrote(8);
    }
    await early.close();
    expect(readFileSync(path, 'utf8')).toBe('abcdefgh'.repeat(5));
  });

  it('a file that is gone is not an error (the final sync decides)', async () => {
    const early = new EarlySync(join(dir, 'missing.part'), 1);
    early.wrote(2);
    await expect(early.close()).resolves.toBeUndefined();
  });
});
