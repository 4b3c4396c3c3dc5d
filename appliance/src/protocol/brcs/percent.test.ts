import { describe, expect, it } from 'vitest';
import { PercentError, percentDecode, percentEncode } from './percent.js';

describe('percentEncode (RFC 3986 §2.1)', () => {
  it('leaves only the unreserved characters as they are', () => {
    expect(percentEncode('AZaz09-._~')).toBe('AZaz09-._~');
    expect(percentEncode(" !\"#$%&'()*+,/:;=?@[]")).toBe('%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D');
  });

  it('writes UTF-8 bytes in upper-case hex, surrogate pairs as one code point', () => {
    expect(percentEncode('é')).toBe('%C3%A9');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
    expect(percentEncode('\n\r\t')).toBe('%0A%0D%09');
  });

  it('refuses a lone surrogate instead of writing U+FFFD', () => {
    expect(() => percentEncode('a\uD800b')).toThrow(PercentError);
  });
});

describe('percentDecode', () => {
  it('reverses percentEncode', () => {
    for (const s of ['', 'plain', 'a b&c=d%e+f', 'é中😀\n', '\uFEFFbom', '\u0000']) expect(percentDecode(percentEncode(s))).toBe(s);
  });

  it('accepts lower-case hex and raw characters (lenient)', () => {
    expect(percentDecode('%c3%a9')).toBe('é');
    expect(percentDecode('caf%C3%A9 é')).toBe('café é');
  });

  it('reads + as + in RFC 3986 mode and as a space in form mode', () => {
    expect(percentDecode('a+b')).toBe('a+b');
    expect(percentDecode('a+b%2B', { plusIsSpace: true })).toBe('a b+');
  });

  it('refuses a bad escape and bytes that are not UTF-8', () => {
    expect(() => percentDecode('100%')).toThrow(/two hexadecimal digits/);
    expect(() => percentDecode('%G1')).toThrow(/two hexadecimal digits/);
    expect(() => percentDecode('%FF')).toThrow(/not valid UTF-8/);
    expect(() => percentDecode('%C3')).toThrow(/not valid UTF-8/);
    expect(() => percentDecode('%ED%A0%80')).toThrow(/not valid UTF-8/); // an encoded surrogate
  });
});
