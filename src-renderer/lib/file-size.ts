/**
 * A file size in the reader's language ("1.23 MB", "1,23 Mo"): scaled as the session log scales it
 * (protocol scaleFileSize), with the number and unit from the catalogues.
 */
import { scaleFileSize } from '../../appliance/src/protocol/index.js';
import { formatNumber, t } from './i18n/index.svelte.js';

export function fileSize(bytes: number): string {
  const s = scaleFileSize(bytes);
  if (!s) return t('common.size.bytes', { count: bytes });
  return t(`common.size.${s.unit.toLowerCase()}`, { n: formatNumber(s.value, { minimumFractionDigits: s.digits, maximumFractionDigits: s.digits }) });
}
