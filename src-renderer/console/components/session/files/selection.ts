/** The vendor's selection line: "3 Files, 2 Directories (1 File Selected)". */
import type { FileEntry } from '../../../../../appliance/src/protocol/index.js';
import { t } from '../../../../lib/i18n/index.svelte.js';

export function selectionSummary(entries: readonly FileEntry[], selected: ReadonlySet<string>): string {
  const files = entries.filter((e) => e.kind !== 'dir').length;
  const dirs = entries.length - files;
  const base = t('console.session.files.summary', { files, dirs });
  const picked = entries.filter((e) => selected.has(e.name));
  if (picked.length === 0) return base;
  const pf = picked.filter((e) => e.kind !== 'dir').length;
  const pd = picked.length - pf;
  if (!pd) return t('console.session.files.selectedFiles', { base, files: pf });
  if (!pf) return t('console.session.files.selectedDirs', { base, dirs: pd });
  return t('console.session.files.selectedBoth', { base, files: pf, dirs: pd });
}
