import { describe, expect, it } from 'vitest';
import { neutralise, reportCsv } from '../../domain/report-csv.js';
import { el, escapeAttr, xmlDocument } from './xml.js';
import { reportingQuery } from './reporting-query.js';

describe('XML writer', () => {
  it('escapes markup and replaces characters XML 1.0 cannot carry', () => {
    const doc = xmlDocument(el('r', [el('body', '<b> & "x" \u0001 \uD800 ]]>'), el('e', null, { a: `"'<\n` })]), 'urn:t');
    expect(doc).toContain('<body>&lt;b&gt; &amp; "x" \uFFFD \uFFFD ]]&gt;</body>');
    expect(doc).toContain('<e a="&quot;&apos;&lt;&#10;" />');
    expect(escapeAttr('\t')).toBe('&#9;');
  });
});

describe('CSV', () => {
  it('neutralises formula starts and quotes every field', () => {
    for (const s of ['=cmd|\' /C calc\'!A0', '+1', '-1', '@SUM(A1)', '\t=1']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('Ana')).toBe('Ana');
    const csv = reportCsv([
      { lsid: 'a'.repeat(32), lseq: 1, type: 'support', status: 'ended', startedAt: 's', endedAt: null, durationSeconds: 3725, customerName: '=HYPERLINK("x")', company: 'A, "B"', computer: '', publicIp: '', privateIp: '', issue: '', ownerName: null, reps: ['Ana', 'Ben'] },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`"${'a'.repeat(32)}","1","s","","01:02:05","'=HYPERLINK(""x"")","A, ""B""","","","","","","Ana; Ben","ended"`);
  });
});

describe('reporting API windows', () => {
  it('reads the vendor’s forms and refuses mixtures', () => {
    expect(reportingQuery({ start_date: '2024-03-01', duration: '2' })).toMatchObject({ startFrom: '2024-03-01T00:00:00.000Z', startBefore: '2024-03-03T00:00:00.000Z' });
    expect(reportingQuery({ start_time: '0', duration: '0' }).startBefore).toBeUndefined();
    expect(reportingQuery({ end_date: '2024-03-01', duration: '1' })).toMatchObject({ endedOnly: true, endFrom: '2024-03-01T00:00:00.000Z', endBefore: '2024-03-02T00:00:00.000Z' });
    expect(reportingQuery({ lsids: `${'a'.repeat(32)},${'b'.repeat(32)}` }).lsids).toHaveLength(2);
    expect(() => reportingQuery({ lsid: 'a'.repeat(32), start_date: '2024-03-01' })).toThrow(/not lsid and start_date/);
    expect(() => reportingQuery({ start_date: '2024-02-30', duration: '1' })).toThrow(/YYYY-MM-DD/);
    expect(() => reportingQuery({ start_date: '2024-02-01' })).toThrow(/duration/);
  });
});
