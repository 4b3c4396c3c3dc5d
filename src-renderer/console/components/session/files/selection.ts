/** The vendor's selection line: "3 Files, 2 Directories (1 File Selected)". */
import type { FileEntry } from '../../../../../appliance/src/protocol/index.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function selectionSummary(entries: readonly FileEntry[], selected: ReadonlySet<string>): string {
  const files = entries.filter((e) => e.kind !== 'dir').length;
  const dirs = entries.length - files;
  const base = `${count(files, 'File', 'Files')}, ${count(dirs, 'Directory', 'Directories')}`;
  const picked = entries.filter((e) => selected.has(e.name));
  if (picked.length === 0) return base;
  const pf = picked.filter((e) => e.kind !== 'dir').length;
  const pd = picked.length - pf;
  const parts = [pf ? count(pf, 'File', 'Files') : null, pd ? count(pd, 'Directory', 'Directories') : null].filter(Boolean);
  return `${base} (${parts.join(', ')} Selected)`;
}
