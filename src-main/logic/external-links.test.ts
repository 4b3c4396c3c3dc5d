import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, MAX_EXTERNAL_URL_LENGTH } from './external-links.js';

describe('isAllowedExternalUrl', () => {
  it('lets https web pages open in the system browser', () => {
    expect(isAllowedExternalUrl('https://www.example.com/help?topic=jump#top')).toBe(true);
    expect(isAllowedExternalUrl('https://example.com')).toBe(true);
  });

  it('refuses everything the OS could turn into running something', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'smb://host/share',
      'mailto:someone@example.com',
      'rep-console://open',
      'ftp://example.com/',
      '//example.com/path',
      '/relative/path',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses URLs with credentials and absurdly long ones', () => {
    expect(isAllowedExternalUrl('https://user:pass@example.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user@example.com/')).toBe(false);
    expect(isAllowedExternalUrl(`https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`)).toBe(false);
  });

  it('refuses non-strings that slip through an untyped caller', () => {
    expect(isAllowedExternalUrl(undefined as unknown as string)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://example.com' } as unknown as string)).toBe(false);
  });
});
