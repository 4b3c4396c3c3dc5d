/**
 * The HTTP parameter readers, called directly: /api/client_script (splitForm + decideClientScript),
 * /api/start_session (parseStartSession) and /api/reporting (reportingQuery). Each answers or refuses
 * with a coded error (client_script: a refusal message, or a PercentError the route turns into one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideClientScript, splitForm } from '../../appliance/src/http/client-script-routes.js';
import { parseStartSession } from '../../appliance/src/http/start-session.js';
import { reportingQuery } from '../../appliance/src/http/api/reporting-query.js';
import { parseBrcs, PercentError } from '../../appliance/src/protocol/brcs/index.js';
import { CASE_MS, expectCodedOrOk, params, TEST_TIMEOUT } from './fuzz-config.js';
import { queryArb, valueArb } from './arbitraries.js';

describe('/api/client_script parameters', () => {
  it('regression: a value with a lone surrogate is refused, not a thrown BrcsError', () => {
    const pairs: [string, string][] = [['type', 'rep'], ['operation', 'generate'], ['action', 'push_and_start_local'], ['hostname', 'pc\ud800']];
    expect(decideClientScript(pairs, 'demo_site')).toMatchObject({ kind: 'refused' });
    pairs[0] = ['type', 'web_console'];
    pairs[1] = ['operation', 'execute'];
    pairs[2] = ['action', 'start_jump_item_session'];
    pairs[3] = ['client.hostname', '\ud800'];
    expect(decideClientScript(pairs, 'demo_site')).toMatchObject({ kind: 'refused' });
  });

  it('a file that parses back, a redirect to the web console, or a refusal', () => {
    fc.assert(
      fc.property(
        fc.oneof(queryArb.map((q) => `type=rep&operation=generate&${q}`), queryArb.map((q) => `type=web_console&operation=execute&action=start_jump_item_session&${q}`), queryArb),
        fc.oneof(fc.constant('demo_site'), fc.string({ maxLength: 20 })),
        (raw, site) => {
          const started = performance.now();
          let pairs: [string, string][];
          try {
            pairs = splitForm(raw);
          } catch (e) {
            expect(e).toBeInstanceOf(PercentError);
            return;
          }
          const out = decideClientScript(pairs, site);
          expect(performance.now() - started).toBeLessThan(CASE_MS);
          if (out.kind === 'refused') expect(out.message.length).toBeGreaterThan(0);
          else if (out.kind === 'redirect') expect(out.location).toMatch(/^\/console#client_script=|client_script=/);
          else {
            expect(out.fileName).toMatch(/\.brcs-[A-Za-z0-9_.-]+$/);
            expect(parseBrcs(out.text)).toMatchObject({ ok: true });
          }
        },
      ),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);
});

const lookup = { repByName: (n: string) => (n === 'ana' ? 2 : null), issueByCode: (c: string) => (c === 'printer' ? 1 : null) };
const startKeys = fc.constantFrom(
  'id', 'name', 'short_key', 'issue_menu', 'codeName', 'c2cjs', 'customer.name', 'customer.company', 'customer.details', 'customer.company_code',
  'session.custom.a', 'session.custom.', 'session.custom.bad key', 'session.custom.__proto__', '__proto__', 'constructor', 'toString',
);

describe('/api/start_session parameters', () => {
  it('a start request or a coded refusal', () => {
    const q = fc.dictionary(fc.oneof(startKeys, fc.string({ maxLength: 10 })), fc.oneof(valueArb, fc.constantFrom('1', 'ana', 'printer', 'x'.repeat(1100), 'x'.repeat(5000))), { maxKeys: 8 });
    fc.assert(
      fc.property(q, (query) => {
        const r = expectCodedOrOk(() => parseStartSession(query, lookup));
        if (r.ok) {
          expect(r.value.name.length).toBeGreaterThan(0);
          expect(r.value.details.length).toBeLessThanOrEqual(2000);
          expect(Object.getPrototypeOf(r.value.customAttributes)).toBe(Object.prototype);
        }
      }),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);
});

describe('/api/reporting parameters', () => {
  const keys = fc.constantFrom('lsid', 'lsids', 'start_date', 'start_time', 'end_date', 'end_time', 'duration', 'constructor', '__proto__');
  const values = fc.oneof(
    valueArb,
    fc.constantFrom('2024-02-29', '2023-02-29', '9999-12-31', '0000-01-01', '275760-09-13', '9999999999', '999999999999', '0', '1'.repeat(32), 'a'.repeat(32) + ',' + 'b'.repeat(32)),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.nat().map(String),
  );
  it('a query or a coded refusal, for any combination', () => {
    fc.assert(
      fc.property(fc.dictionary(keys, values, { maxKeys: 4 }), (p) => {
        const r = expectCodedOrOk(() => reportingQuery(p));
        if (r.ok) for (const k of ['startFrom', 'startBefore', 'endFrom', 'endBefore'] as const) if (r.value[k]) expect(Number.isNaN(Date.parse(r.value[k]!))).toBe(false);
      }),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);

  it('regression: a window past the end of time is refused, not a RangeError', () => {
    for (const p of [{ start_date: '9999-12-31', duration: '9999999999' }, { end_date: '0001-01-01', duration: '9999999999' }, { start_time: '999999999999', duration: '9999999999' }] as Record<string, string>[]) {
      const r = expectCodedOrOk(() => reportingQuery(p));
      if (!r.ok) expect(r.error.code).toBe('E_BAD_PARAMS');
    }
  });
});
