/** `rep-appliance ecm` flags and config files, and the site address it connects to. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ecmUrl } from './bridge.js';
import { resolveConfig, writeConfig } from './config.js';
import { filterCredentials, splitAccount } from './plugin.js';

const dir = mkdtempSync(join(tmpdir(), 'rep-ecm-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const full = ['--client-id', 'id', '--client-secret', 's', '--site', 'https://support.example.com', '--port', '443', '--plugin', 'file'];

describe('ECM configuration', () => {
  it('needs every field and names the missing ones', () => {
    expect(() => resolveConfig(['--site', 'x'])).toThrow(/--client-id, --client-secret, --port \(1-65535\), --plugin/);
    expect(() => resolveConfig([...full.slice(0, 6), '--port', '70000', '--plugin', 'file'])).toThrow(/--port/);
    expect(() => resolveConfig(['--client-id'])).toThrow(/needs a value/);
  });

  it('keeps the other --key value pairs as plugin options; flags win over the file', () => {
    const path = join(dir, 'ecm.json');
    const { config } = resolveConfig([...full, '--file', 'creds.ecm', '--passphrase-env=MY_VAR']);
    expect(config).toEqual({ clientId: 'id', clientSecret: 's', site: 'https://support.example.com', port: 443, plugin: 'file', options: { file: 'creds.ecm', 'passphrase-env': 'MY_VAR' } });
    writeConfig(path, config);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(resolveConfig(['--config', path, '--port', '8443']).config).toMatchObject({ clientId: 'id', port: 8443, options: { file: 'creds.ecm' } });
    expect(() => resolveConfig(['--config', join(dir, 'missing.json')])).toThrow(/ecm configure/);
  });

  it('turns --site and --port into the /ws/ecm address', () => {
    expect(ecmUrl('https://support.example.com', 443)).toBe('wss://support.example.com/ws/ecm');
    expect(ecmUrl('http://127.0.0.1', 8080)).toBe('ws://127.0.0.1:8080/ws/ecm');
    expect(ecmUrl('support.example.com/some/path', 8443)).toBe('wss://support.example.com:8443/ws/ecm');
  });

  it('plugin helpers: DOMAIN\\user, search and limit', () => {
    expect(splitAccount('DEMO\\Administrator')).toEqual({ domain: 'DEMO', username: 'Administrator' });
    expect(splitAccount('root')).toEqual({ username: 'root' });
    const all = [{ id: '1', name: 'DEMO\\Administrator' }, { id: '2', name: 'demo\\helpdesk' }, { id: '3', name: 'Other' }];
    expect(filterCredentials(all, { search: 'DEMO', limit: 200 }).map((c) => c.id)).toEqual(['1', '2']);
    expect(filterCredentials(all, { limit: 1 })).toHaveLength(1);
  });
});
