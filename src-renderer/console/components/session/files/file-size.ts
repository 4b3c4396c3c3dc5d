/**
 * A file size in the rep's language ("1.23 MB", "1,23 Mo", "1,23 MB"): the same decimal units as
 * the protocol's formatFileSize, with the number and unit from the i18n module.
 */
import { formatNumber, t } from '../../../../lib/i18n/index.svelte.js';

const UNITS = ['console.session.sysinfo.kb', 'console.session.sysinfo.mb', 'console.session.sysinfo.gb', 'console.session.sysinfo.tb'];

export function fileSize(bytes: number): string {
  if (bytes < 1000) return t('console.session.files.bytes', { count: bytes });
  let v = bytes / 1000;
  let i = 0;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return t(UNITS[i]!, { n: formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
}
