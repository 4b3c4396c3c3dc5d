/**
 * File-transfer paths, uploaded images and the desktop console's launch argv against generated input:
 * no path ever leaves its volume, every image refusal is E_IMAGE_INVALID / E_IMAGE_TOO_LARGE, and no
 * argument that looks like a switch is ever passed on as a target.
 */
import { posix, win32 } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breadcrumbs, checkName, childPath, normalizePath, parentPath, pathSegments } from '../../appliance/src/domain/file-paths.js';
import { checkBanner, checkPhoto } from '../../appliance/src/domain/image-check.js';
import { classifyLaunchArg, parseLaunchArgs, parseOpenedItem } from '../../src-main/logic/launch-args.js';
import { makeBmp, makeJpeg, makePng } from '../helpers/images.js';
import { expectCodedOrOk, params, TEST_TIMEOUT } from './fuzz-config.js';

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('..', '.', '', '...', '.. ', ' ..', '..\u0000', 'C:', 'c:', '~', '~user', 'CON', 'nul.txt', 'a', 'dir', '.~rc-1.part', '%2e%2e', '\u2025', '．．', '..\u200b') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const pathArb = fc.tuple(fc.array(segment, { maxLength: 8 }), fc.array(fc.constantFrom('/', '\\', '//', '\\\\', '/./'), { minLength: 8, maxLength: 8 }), fc.constantFrom('', '/', '\\', '//', '\\\\?\\', 'C:', 'C:\\', '~/', './'))
  .map(([segs, seps, lead]) => lead + segs.map((s, i) => (i === 0 ? s : seps[i]! + s)).join(''));

const ROOT_POSIX = '/srv/volume';
const ROOT_WIN = 'D:\\volume';
const inside = (segs: string[]) => {
  const p = posix.resolve(ROOT_POSIX, ...segs);
  const w = win32.resolve(ROOT_WIN, ...segs);
  return (p === ROOT_POSIX || p.startsWith(ROOT_POSIX + '/')) && (w.toLowerCase() === ROOT_WIN.toLowerCase() || w.toLowerCase().startsWith(ROOT_WIN.toLowerCase() + '\\'));
};

describe('file-transfer paths', () => {
  it('every accepted path stays below its volume (POSIX and Windows); every refusal is coded', () => {
    fc.assert(
      fc.property(pathArb, segment, (path, name) => {
        const segs = expectCodedOrOk(() => pathSegments(path));
        if (segs.ok) {
          expect(inside(segs.value)).toBe(true);
          for (const s of segs.value) expect(s === '..' || s === '.' || /[\\/]/.test(s) || /^[A-Za-z]:$/.test(s)).toBe(false);
          expect(expectCodedOrOk(() => normalizePath(path))).toMatchObject({ ok: true });
          expect(expectCodedOrOk(() => parentPath(path))).toMatchObject({ ok: true });
          expect(expectCodedOrOk(() => breadcrumbs('C:', path))).toMatchObject({ ok: true });
          // Normalizing is idempotent: the normal form reads back to the same segments.
          expect(pathSegments(normalizePath(path))).toEqual(segs.value);
        }
        const child = expectCodedOrOk(() => childPath(path, name));
        if (child.ok) expect(inside(child.value.split('/'))).toBe(true);
        const n = expectCodedOrOk(() => checkName(name));
        if (n.ok) expect(inside([n.value])).toBe(true);
      }),
      params(5000, 1),
    );
  }, TEST_TIMEOUT);

  it('regression: ./~ is refused like ~ (its normal form), so normalizing never turns an accepted path into a refused one', () => {
    for (const p of ['./~', './/~x', '~']) expect(() => pathSegments(p)).toThrow(expect.objectContaining({ code: 'E_PATH_ABSOLUTE' }));
    expect(normalizePath('a/~')).toBe('a/~');
  });
});

/** Flip, cut, splice or overwrite bytes of a valid file. */
const mutated = (valid: Buffer) =>
  fc.array(fc.tuple(fc.constantFrom('flip', 'cut', 'splice', 'u32'), fc.nat(), fc.nat({ max: 255 }), fc.integer()), { minLength: 1, maxLength: 4 }).map((ops) => {
    let b = Buffer.from(valid);
    for (const [op, at, byte, big] of ops) {
      const i = b.length ? at % b.length : 0;
      if (op === 'flip' && b.length) b[i] = byte;
      else if (op === 'cut') b = b.subarray(0, i);
      else if (op === 'splice') b = Buffer.concat([b.subarray(0, i), Buffer.from([byte, byte, byte]), b.subarray(i)]);
      else if (op === 'u32' && i + 4 <= b.length) b.writeInt32LE(big | 0, i);
    }
    return b;
  });

describe('image validators', () => {
  const png = makePng(96, 96);
  const jpeg = makeJpeg(100, 90);
  const bmp = makeBmp(480, 40);
  it('photos (PNG/JPEG) and banners (BMP): an image, or a coded refusal', () => {
    const input = fc.oneof(mutated(png), mutated(jpeg), mutated(bmp), fc.uint8Array({ maxLength: 600 }).map((u) => Buffer.from(u)), fc.constant(Buffer.alloc(0)));
    fc.assert(
      fc.property(input, (data) => {
        for (const check of [checkPhoto, checkBanner]) {
          const r = expectCodedOrOk(() => check(data));
          if (r.ok) {
            expect(r.value.width).toBeGreaterThan(0);
            expect(r.value.height).toBeGreaterThan(0);
          } else expect(['E_IMAGE_INVALID', 'E_IMAGE_TOO_LARGE']).toContain(r.error.code);
        }
      }),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);

  it('the valid files themselves pass (the generators start from real images)', () => {
    expect(checkPhoto(png)).toMatchObject({ mime: 'image/png' });
    expect(checkPhoto(jpeg)).toMatchObject({ mime: 'image/jpeg' });
    expect(checkBanner(bmp)).toMatchObject({ mime: 'image/bmp', width: 480 });
  });
});

const DASHES = ['-', '--', '\u2010', '\u2013', '\u2014', '\u2212', '\uff0d'];
const switchArb = fc.tuple(fc.constantFrom(...DASHES), fc.constantFrom('inspect', 'gpu-launcher=calc', 'no-sandbox', 'remote-debugging-port=9222', 'renderer-cmd-prefix=x', ''), fc.string({ maxLength: 10 })).map(([d, s, t]) => d + s + t);
const argArb = fc.oneof(
  switchArb,
  fc.constantFrom('rep-console://start?x=1', 'REP-CONSOLE:open', 'file:///tmp/a.brcs-demo_site', 'file://host/a.brcs-x', '/home/u/a.brcs-demo_site', 'C:\\u\\a.brcs-demo', '\\\\srv\\s\\a.brcs-x', 'a.brcs-x', '--', ''),
  fc.tuple(fc.constantFrom('rep-console:', 'file://', '/tmp/', 'C:\\', 'javascript:', 'http://'), fc.string({ maxLength: 30 }), fc.constantFrom('', '.brcs-demo_site', '.brcs-')).map(([a, b, c]) => a + b + c),
  fc.string({ maxLength: 30 }),
);

describe('launch argv', () => {
  it('no switch ever passes through as a target; everything else is a target or a reason', () => {
    fc.assert(
      fc.property(fc.array(argArb, { maxLength: 24 }), (argv) => {
        const r = parseLaunchArgs(argv);
        const after = argv.indexOf('--') < 0 ? [] : argv.slice(argv.indexOf('--') + 1);
        expect(r.targets.length + r.refused.length).toBe(after.length);
        expect(r.targets.length).toBeLessThanOrEqual(16);
        for (const t of r.targets) {
          const value = t.kind === 'url' ? t.url : t.path;
          expect(/^[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/.test(value)).toBe(false);
          expect(/[\u0000-\u001f\u007f]/.test(value)).toBe(false);
          if (t.kind === 'url') expect(value.toLowerCase().startsWith('rep-console:')).toBe(true);
          else expect(value).toMatch(/\.brcs-[A-Za-z0-9_.-]+$/i);
        }
        for (const f of r.refused) expect(f.reason.length).toBeGreaterThan(0);
        for (const a of argv) {
          const c = classifyLaunchArg(a);
          if (/^[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/.test(a)) expect('kind' in c).toBe(false);
          for (const kind of ['file', 'url'] as const) expect(parseOpenedItem(kind, a).targets.length + parseOpenedItem(kind, a).refused.length).toBe(1);
        }
      }),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);
});
