/**
 * Every word a rep, customer or administrator reads comes from the en / fr / de catalogues:
 * the catalogues agree with each other (same keys, valid ICU, same arguments), every t('key') exists,
 * and no template of an enforced area holds a UI string of its own. `node scripts/i18n-scan.mjs AREA`
 * lists what is left, file:line.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { CATALOG_AREAS, checkCatalogs, scanRenderer } from '../../scripts/i18n-scan.mjs';
import { protocolEnglish } from '../../src-renderer/lib/i18n/protocol-english.js';

/** Areas whose templates must be fully translated (all of them once the catalogue work is done). */
const ENFORCED = ['lib', 'portal', 'console', 'admin'];

describe('message catalogues', () => {
  it('en, fr and de have the same keys, parse as ICU messages and use the same arguments', () => {
    expect(checkCatalogs(protocolEnglish())).toEqual([]);
  });

  it('checks every catalogue file, the desktop app’s own words (desktop.*.json) included', () => {
    const files = readdirSync(new URL('../../src-renderer/lib/i18n/catalogs/', import.meta.url)).filter((f) => f.endsWith('.json'));
    const unchecked = files.filter((f) => !(CATALOG_AREAS as string[]).includes(f.split(/[.-]/)[0]!));
    expect(unchecked).toEqual([]);
    expect(files.filter((f) => f.startsWith('desktop.')).sort()).toEqual(['desktop.de.json', 'desktop.en.json', 'desktop.fr.json']);
  });

  for (const area of ENFORCED) {
    it(`${area}: every UI string comes from a catalogue and every key exists`, () => {
      const left = (scanRenderer([area]) as { file: string; line: number; text: string }[]).map((p) => `${p.file}:${p.line} ${p.text}`);
      expect(left).toEqual([]);
    });
  }
});
