import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.js';

describe('linkify', () => {
  it('leaves plain text alone', () => {
    expect(linkify('no links here')).toEqual([{ text: 'no links here' }]);
    expect(linkify('')).toEqual([]);
  });

  it('turns web addresses into links, without the sentence’s punctuation', () => {
    expect(linkify('Download https://example.com/tool.exe. Then run it')).toEqual([
      { text: 'Download ' },
      { text: 'https://example.com/tool.exe', href: 'https://example.com/tool.exe' },
      { text: '. Then run it' },
    ]);
    expect(linkify('(see http://a.example/x_(y))')).toEqual([{ text: '(see ' }, { text: 'http://a.example/x_(y)', href: 'http://a.example/x_(y)' }, { text: ')' }]);
  });

  it('only http and https become links', () => {
    expect(linkify('javascript:alert(1) ftp://x.example file:///etc/passwd').every((p) => !p.href)).toBe(true);
  });
});
