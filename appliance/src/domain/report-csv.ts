/**
 * Reports as CSV (RFC 4180: every field quoted, quotes doubled, CRLF line ends), with spreadsheet
 * formula injection neutralised: a field that starts with =, +, -, @, a tab or a carriage return
 * gets a leading apostrophe, so Excel or LibreOffice shows `=cmd|' /C calc'!A0` as text instead of
 * running it. A UTF-8 byte-order mark lets Excel read accented names correctly.
 */
import type { ReportRow } from '../protocol/report-models.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The field as a spreadsheet should show it: text, never a formula. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null): string {
  const s = value === null ? '' : typeof value === 'number' ? String(value) : neutralise(value);
  return `"${s.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = [
  'Session ID (LSID)', 'Sequence Number', 'Start Time (UTC)', 'End Time (UTC)', 'Duration', 'Customer Name', 'Company', 'Computer',
  'Public IP', 'Private IP', 'Issue', 'Owner', 'Representatives', 'Status',
];

export const hms = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};

export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [r.lsid, r.lseq, r.startedAt, r.endedAt, hms(r.durationSeconds), r.customerName, r.company, r.computer, r.publicIp, r.privateIp, r.issue, r.ownerName, r.reps.join('; '), r.status]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
