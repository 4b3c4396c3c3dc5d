import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageMemory, readRememberedLanguage } from './language-memory.js';

const dirs: string[] = [];
const tempFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'lang-memory-'));
  dirs.push(d);
  return join(d, 'nested', 'language.json');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the language remembered between launches', () => {
  it('reads only an offered language', () => {
    expect(readRememberedLanguage('{"language":"de-DE"}')).toBe('de-DE');
    expect(readRememberedLanguage('{"language":"es-ES"}')).toBeNull();
    expect(readRememberedLanguage('{"language":42}')).toBeNull();
    expect(readRememberedLanguage('not json')).toBeNull();
    expect(readRememberedLanguage(null)).toBeNull();
  });

  it('none before the first save; the last save wins, in a real file', async () => {
    const path = tempFile();
    const memory = new LanguageMemory(path);
    expect(await memory.load()).toBeNull();
    void memory.save('fr-FR');
    await memory.save('de-DE');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ language: 'de-DE' });
    expect(await new LanguageMemory(path).load()).toBe('de-DE');
  });

  it('a damaged file counts as none', async () => {
    const path = tempFile();
    await new LanguageMemory(path).save('fr-FR');
    writeFileSync(path, '{"language":');
    expect(await new LanguageMemory(path).load()).toBeNull();
  });
});
