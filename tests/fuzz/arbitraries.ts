/** Generators shared by the fuzz files: query strings and BRCS lines built from the real vocabulary. */
import fc from 'fast-check';
import { BRCS_ACTIONS, brcsParamNames } from '../../appliance/src/protocol/brcs/index.js';

const PARAM_NAMES = [...new Set(BRCS_ACTIONS.flatMap((a) => brcsParamNames(a)))];

/** Keys a parser looks at, and a few it should not trip over. */
export const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('action', 'type', 'operation', ...PARAM_NAMES, 'session.custom.x', 'session.custom.', 'session.custom.__proto__', '__proto__', 'constructor') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Values: the real ones, numbers around the limits, escapes good and broken, odd Unicode. */
export const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BRCS_ACTIONS, 'rep', 'web_console', 'generate', 'execute', 'username_password', 'one_time_token', 'ssh', 'telnet', 'xterm', 'vt100', 'push', 'pinned', 'shelljump') },
  { weight: 2, arbitrary: fc.oneof(fc.nat(), fc.integer(), fc.constantFrom(0, 65535, 65536, 999999, 1000000)).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%2', '%zz', '%C3', '%C3%A9', '%ED%A0%80', '%00', '+', '%2B', '\ud800', '\ufeff', 'x'.repeat(300), '') },
);

/** Encodes some characters of `s` as %XX (bytes of UTF-8), leaves the rest raw. */
const sometimesEncoded = (s: fc.Arbitrary<string>) =>
  fc.tuple(s, fc.boolean()).map(([v, enc]) => (enc ? [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('') : v));

/** `k=v&k=v…` from the vocabulary, with the odd broken separator. */
export const queryArb = fc
  .array(fc.tuple(sometimesEncoded(keyArb), sometimesEncoded(valueArb), fc.constantFrom('=', '=', '=', '', '==')), { maxLength: 10 })
  .chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.constantFrom('&', '&', '&', '&&', ';')).map(([ps, sep]) => ps.map(([k, v, eq]) => `${k}${eq}${v}`).join(sep)),
  );

/** A BRCS command line, usually starting with action=. */
export const brcsLineArb = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...BRCS_ACTIONS), queryArb).map(([a, q]) => (q ? `action=${a}&${q}` : `action=${a}`)) },
  { weight: 1, arbitrary: queryArb },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

/** A whole BRCS file: a header (usually right), lines, line ends of every kind. */
export const brcsFileArb = fc
  .tuple(
    fc.constantFrom('BRCS1.0', 'BRCS1.9', '\ufeffBRCS1.0', 'BRCS2.0', 'BRCS', '', ' BRCS1.0 ', 'brcs1.0'),
    fc.array(fc.oneof(brcsLineArb, fc.constant('')), { maxLength: 14 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
  )
  .map(([h, lines, nl]) => [h, ...lines].join(nl));
