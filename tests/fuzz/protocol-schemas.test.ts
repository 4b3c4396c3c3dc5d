/**
 * Every protocol schema (console, customer and agent methods and events, the envelopes) against
 * arbitrary JSON: safeParse answers success or failure and never throws; a frame read off the wire
 * is a request or a coded refusal, whatever the bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AgentFrame, ERRORS, RequestEnvelope, ServerEnvelope, isErrorCode, isMethodName, methods, events } from '../../appliance/src/protocol/index.js';
import { agentEvents, agentMethods, applianceEvents, applianceMethods } from '../../appliance/src/protocol/agent-messages.js';
import { customerEvents, customerMethods } from '../../appliance/src/protocol/customer-messages.js';
import { endpointMethods } from '../../appliance/src/protocol/elevation-messages.js';
import { fileAgentMethods } from '../../appliance/src/protocol/file-messages.js';
import { consentApplianceMethods } from '../../appliance/src/protocol/jump-consent.js';
import { shellFlowEvents } from '../../appliance/src/protocol/shell-messages.js';
import { MAX_FRAME_BYTES } from '../../appliance/src/protocol/envelope.js';
import { readFrame } from '../../appliance/src/ws/frames.js';
import { anyJson, CASE_MS, params, TEST_TIMEOUT } from './fuzz-config.js';

type Schema = z.ZodType;
const schemas: [string, Schema][] = [];
const addMethods = (table: string, t: Record<string, { params: Schema; result?: Schema }>) => {
  for (const [name, spec] of Object.entries(t)) {
    schemas.push([`${table}.${name}.params`, spec.params]);
    if (spec.result) schemas.push([`${table}.${name}.result`, spec.result]);
  }
};
const addEvents = (table: string, t: Record<string, Schema>) => {
  for (const [name, s] of Object.entries(t)) schemas.push([`${table}.${name}`, s]);
};
addMethods('console', methods as unknown as Record<string, { params: Schema; result: Schema }>);
addMethods('customer', customerMethods as unknown as Record<string, { params: Schema; result: Schema }>);
addMethods('agent', agentMethods as unknown as Record<string, { params: Schema; result: Schema }>);
addMethods('appliance', applianceMethods as unknown as Record<string, { params: Schema; result: Schema }>);
addMethods('endpoint', endpointMethods as unknown as Record<string, { params: Schema; result: Schema }>);
addMethods('fileAgent', fileAgentMethods as unknown as Record<string, { params: Schema; result: Schema }>);
addMethods('consent', consentApplianceMethods as unknown as Record<string, { params: Schema; result: Schema }>);
addEvents('console', events as unknown as Record<string, Schema>);
addEvents('customer', customerEvents as unknown as Record<string, Schema>);
addEvents('agent', agentEvents as unknown as Record<string, Schema>);
addEvents('appliance', applianceEvents as unknown as Record<string, Schema>);
addEvents('shell', shellFlowEvents as unknown as Record<string, Schema>);
schemas.push(['RequestEnvelope', RequestEnvelope], ['ServerEnvelope', ServerEnvelope], ['AgentFrame', AgentFrame]);

/** The field names a schema looks at (top level of an object schema), so generated input gets past "unknown key". */
function keysOf(s: Schema): string[] {
  const shape = (s as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** Arbitrary JSON, or an object with the schema's own keys holding arbitrary (often nearly right) values. */
const nearValue = fc.oneof(
  anyJson,
  fc.constantFrom('web', 'desktop', 'a'.repeat(70), 'x'.repeat(100_000), '../../etc/passwd', '\u0000', '\ud800', -0, 2 ** 53, 1e308),
  fc.integer(),
  fc.string(),
);
const inputFor = (s: Schema) => {
  const keys = keysOf(s);
  if (keys.length === 0) return anyJson;
  return fc.oneof(anyJson, fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), nearValue, { maxKeys: keys.length + 2 }));
};

describe('protocol schemas never throw on any input', () => {
  it(`all ${schemas.length} method/event/envelope schemas`, () => {
    expect(schemas.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: schemas.length - 1 }).chain((i) => fc.tuple(fc.constant(i), inputFor(schemas[i]![1]))), ([i, input]) => {
        const [name, schema] = schemas[i]!;
        const started = performance.now();
        let r: ReturnType<Schema['safeParse']>;
        try {
          r = schema.safeParse(input);
        } catch (e) {
          throw new Error(`${name}.safeParse threw: ${(e as Error).message}`);
        }
        expect(typeof r.success).toBe('boolean');
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
        expect(performance.now() - started).toBeLessThan(CASE_MS);
      }),
      params(3000, 3),
    );
  }, TEST_TIMEOUT);
});

/** What the console and customer endpoints do with one frame: readFrame, then the method table. */
function consoleFrame(data: Buffer | Buffer[], isBinary: boolean): string {
  const f = readFrame(data, isBinary);
  if (!f.ok) {
    expect(isErrorCode(f.code)).toBe(true);
    expect(f.id === null || (Number.isInteger(f.id) && f.id >= 0)).toBe(true);
    return f.code;
  }
  expect(Number.isInteger(f.id)).toBe(true);
  if (!isMethodName(f.method)) return 'E_UNKNOWN_METHOD';
  const spec = methods[f.method] as { params: Schema };
  return spec.params.safeParse(f.params).success ? 'ok' : 'E_BAD_PARAMS';
}

const envelopeish = fc.record(
  {
    t: fc.oneof(fc.constantFrom('req', 'res', 'err', 'evt'), fc.string({ maxLength: 4 })),
    id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.constant(null), fc.string({ maxLength: 3 })),
    method: fc.oneof(fc.constantFrom(...Object.keys(methods), 'toString', '__proto__', 'constructor', 'hasOwnProperty'), fc.string({ maxLength: 80 })),
    params: anyJson,
  },
  { requiredKeys: [] },
);

describe('inbound frames: a request or a coded refusal, never a throw', () => {
  it('arbitrary bytes, strings, JSON and near-envelopes', () => {
    const frame = fc.oneof(
      fc.uint8Array({ maxLength: 256 }).map((b) => ({ data: Buffer.from(b), bin: true })),
      fc.uint8Array({ maxLength: 256 }).map((b) => ({ data: Buffer.from(b), bin: false })),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => ({ data: Buffer.from(s), bin: false })),
      anyJson.map((j) => ({ data: Buffer.from(JSON.stringify(j) ?? 'undefined'), bin: false })),
      envelopeish.map((j) => ({ data: Buffer.from(JSON.stringify(j)), bin: false })),
      envelopeish.map((j) => {
        const b = Buffer.from(JSON.stringify(j));
        const cut = Math.floor(b.length / 2);
        return { data: [b.subarray(0, cut), b.subarray(cut)], bin: false };
      }),
    );
    fc.assert(
      fc.property(frame, ({ data, bin }) => {
        const code = consoleFrame(data, bin);
        expect(code === 'ok' || code in ERRORS).toBe(true);
      }),
      params(3000, 2),
    );
  }, TEST_TIMEOUT);

  it('regressions: oversized, binary, fragmented', () => {
    expect(consoleFrame(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20), false)).toBe('E_TOO_LARGE');
    expect(consoleFrame(Buffer.from('{}'), true)).toBe('E_BAD_ENVELOPE');
    expect(consoleFrame(Buffer.from('null'), false)).toBe('E_BAD_ENVELOPE');
    expect(consoleFrame(Buffer.from('{"t":"req","id":1,"method":"toString"}'), false)).toBe('E_UNKNOWN_METHOD');
    expect(consoleFrame([Buffer.from('{"t":"req","id":1,'), Buffer.from('"method":"auth.me"}')], false)).toBe('ok');
  });
});
