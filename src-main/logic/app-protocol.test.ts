import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appPageUrl, resolveAppRequest } from './app-protocol.js';

const pages = { 'site-prompt': (q: URLSearchParams) => `<p>${q.get('value') ?? ''}|${q.getAll('recent').join(',')}</p>` };
const assets = join('/opt', 'rep', 'assets');

describe('app:// pages and assets', () => {
  it('renders a page from its query', () => {
    const url = appPageUrl('site-prompt', { value: 'a b', recent: ['https://x.example', 'https://y.example'], error: undefined });
    expect(url).toBe('app://rep-console/site-prompt?value=a+b&recent=https%3A%2F%2Fx.example&recent=https%3A%2F%2Fy.example');
    expect(resolveAppRequest(url, pages, assets)).toEqual({ kind: 'page', html: '<p>a b|https://x.example,https://y.example</p>' });
  });

  it('serves plain asset names from the assets folder only', () => {
    expect(resolveAppRequest('app://rep-console/assets/icon.png', pages, assets)).toEqual({ kind: 'file', path: join(assets, 'icon.png'), type: 'image/png' });
    for (const hostile of [
      'app://rep-console/assets/../package.json',
      'app://rep-console/assets/..%2F..%2Fetc%2Fpasswd',
      'app://rep-console/assets/%2e%2e%2fsecret.png',
      'app://rep-console/assets/sub%2Ficon.png',
      'app://rep-console/assets/..%5Cicon.png',
      'app://rep-console/assets/C:%5Cwindows%5Cicon.png',
      'app://rep-console/assets/.hidden.png',
      'app://rep-console/assets/main.js',
      'app://rep-console/assets/%E0%A4%A',
    ]) {
      expect(resolveAppRequest(hostile, pages, assets).kind, hostile).toBe('refused');
    }
  });

  it('refuses other hosts, unknown pages and garbage', () => {
    expect(resolveAppRequest('app://evil/site-prompt', pages, assets)).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveAppRequest('https://rep-console/site-prompt', pages, assets)).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveAppRequest('app://rep-console/nope', pages, assets)).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppRequest('not a url', pages, assets)).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('is a standard, secure scheme without fetch, CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false });
  });
});
