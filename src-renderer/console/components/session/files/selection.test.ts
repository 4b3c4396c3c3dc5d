import { describe, expect, it } from 'vitest';
import { selectionSummary } from './selection.js';

const e = (name: string, kind: 'file' | 'dir') => ({ name, kind, size: 0, modifiedAt: '', hidden: false });

describe('selectionSummary', () => {
  it('counts files and directories, and what is selected', () => {
    const entries = [e('a', 'dir'), e('b', 'dir'), e('x.txt', 'file'), e('y.txt', 'file'), e('z.txt', 'file')];
    expect(selectionSummary(entries, new Set())).toBe('3 Files, 2 Directories');
    expect(selectionSummary(entries, new Set(['x.txt']))).toBe('3 Files, 2 Directories (1 File Selected)');
    expect(selectionSummary(entries, new Set(['a', 'x.txt', 'y.txt']))).toBe('3 Files, 2 Directories (2 Files, 1 Directory Selected)');
    expect(selectionSummary([e('only', 'file')], new Set())).toBe('1 File, 0 Directories');
  });
});
