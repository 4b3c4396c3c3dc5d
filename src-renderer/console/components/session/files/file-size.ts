/**
 * A file size in the rep's language ("1.23 MB", "1,23 Mo", "1,23 MB"): scaled as the session log
 * scales it (protocol scaleFileSize), with the number and unit from the i18n module.
 */
import { scaleFileSize } from '../../../../../appliance/src/protocol/index.js';
import { formatNumber, t } from '../../../../lib/i18n/index.svelte.js';

const UNIT_KEYS = { KB: 'console.session.sysinfo.kb', MB: 'console.session.sysinfo.mb', GB: 'console.session.sysinfo.gb', TB: 'console.session.sysinfo.tb' } as const;

export function fileSize(bytes: number): string {
  const s = scaleFileSize(bytes);
  if (!s) return t('console.session.files.bytes', { count: bytes });
  return t(UNIT_KEYS[s.unit], { n: formatNumber(s.value, { minimumFractionDigits: s.digits, maximumFractionDigits: s.digits }) });
}
