/**
 * The TLS option (issue 10): `rep-appliance serve --tls-cert --tls-key` with a self-signed certificate made
 * by openssl for this test. Pages and the console WebSocket work over https / wss with HSTS and Secure
 * cookies; TLS 1.1 and TLS 1.2 without forward secrecy are refused by the appliance itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';

const hasOpenssl = spawnSync('sh', ['-c', 'command -v openssl']).status === 0;
let app: RunningAppliance;
let dir: string;
let ca: Buffer;
let port: number;

beforeAll(async () => {
  if (!hasOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'rep-tls-'));
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  expect(made.status, made.stderr.toString()).toBe(0);
  ca = readFileSync(join(dir, 'cert.pem'));
  app = await startAppliance({ demo: true, extraArgs: ['--host', '127.0.0.1', '--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')] });
  port = Number(new URL(app.url).port);
}, 60_000);
afterAll(async () => {
  await app?.stop({ remove: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function get(path: string, init: { method?: string; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', ca, headers: init.body ? { 'content-type': 'application/json', origin: `https://127.0.0.1:${port}` } : {} }, (r) => {
      r.resume();
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers }));
    });
    req.on('error', rej);
    req.end(init.body);
  });
}

/** A raw TLS handshake with the given client limits: resolves with the protocol agreed or the error. */
function handshake(opts: { minVersion?: 'TLSv1' | 'TLSv1.2'; maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'; ciphers?: string }): Promise<string> {
  return new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port, ca, servername: 'localhost', ...opts }, () => {
      const p = s.getProtocol() ?? 'none';
      s.end();
      res(p);
    });
    s.on('error', (e) => res(`error: ${e.message}`));
  });
}

describe.skipIf(!hasOpenssl)('TLS (--cert / --key)', () => {
  it('serves the pages over https with HSTS and the usual security headers', async () => {
    expect(app.url).toMatch(/^https:\/\//);
    const r = await get('/login');
    expect(r.status).toBe(200);
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('login cookies are Secure over TLS', async () => {
    const r = await get('/login/api/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'password' }) });
    expect(r.status).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('the console WebSocket works over wss', async () => {
    const ws = new WebSocket(`wss://127.0.0.1:${port}/ws/console`, { ca, headers: { origin: `https://127.0.0.1:${port}` } });
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    ws.close();
  });

  it('TLS 1.3 and 1.2 with forward-secret AEAD suites are accepted', async () => {
    expect(await handshake({})).toBe('TLSv1.3');
    expect(await handshake({ maxVersion: 'TLSv1.2' })).toBe('TLSv1.2');
  });

  it('TLS 1.1 and TLS 1.2 without forward secrecy are refused', async () => {
    // The client is made willing (security level 0), so the refusal is the appliance's.
    expect(await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' })).toMatch(/^error: .*alert protocol version/);
    expect(await handshake({ maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA:AES256-SHA:AES128-GCM-SHA256@SECLEVEL=0' })).toMatch(/^error: .*alert handshake failure/);
  });
});
