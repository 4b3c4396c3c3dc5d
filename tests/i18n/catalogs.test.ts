/**
 * Every word a rep, customer or administrator reads comes from the en / fr / de catalogues:
 * the catalogues agree with each other (same keys, valid ICU, same arguments), every t('key') exists,
 * and no template of an enforced area holds a UI string of its own. `node scripts/i18n-scan.mjs AREA`
 * lists what is left, file:line.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkCatalogs, scanRenderer } from '../../scripts/i18n-scan.mjs';
import { protocolEnglish } from '../../src-renderer/lib/i18n/protocol-english.js';

/** Areas whose templates must be fully translated (all of them once the catalogue work is done). */
const ENFORCED = ['lib', 'portal', 'console', 'admin'];

describe('message catalogues', () => {
  it('en, fr and de have the same keys, parse as ICU messages and use the same arguments', () => {
    expect(checkCatalogs(protocolEnglish())).toEqual([]);
  });

  for (const area of ENFORCED) {
    it(`${area}: every UI string comes from a catalogue and every key exists`, () => {
      const left = (scanRenderer([area]) as { file: string; line: number; text: string }[]).map((p) => `${p.file}:${p.line} ${p.text}`);
      expect(left).toEqual([]);
    });
  }
});
