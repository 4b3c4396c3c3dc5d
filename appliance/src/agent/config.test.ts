import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configPath, readConfig, sameSite, writeConfig } from './config.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rep-jc-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const config = { site: 'http://127.0.0.1:8080', agentId: 7, secret: 's'.repeat(43), jumpItemId: 31, registeredAt: '2026-11-20T10:00:00.000Z' };

describe('the Jump Client identity file', () => {
  it('is absent before installation', () => {
    expect(readConfig(tmp())).toBeNull();
  });

  it('round-trips, readable by the owner only, in a directory it creates', () => {
    const dir = join(tmp(), 'nested', 'install');
    writeConfig(dir, config);
    expect(readConfig(dir)).toEqual(config);
    if (process.platform !== 'win32') expect(statSync(configPath(dir)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(configPath(dir), 'utf8'))).toEqual(config);
  });

  it('a damaged file is an error that says what to do, not a silent re-registration', () => {
    const dir = tmp();
    writeFileSync(configPath(dir), '{ nope');
    expect(() => readConfig(dir)).toThrow(/not valid JSON.*installer key/);
    writeFileSync(configPath(dir), JSON.stringify({ ...config, secret: 'short' }));
    expect(() => readConfig(dir)).toThrow(/damaged/);
  });

  it('sites compare by origin', () => {
    expect(sameSite('http://127.0.0.1:8080/', 'http://127.0.0.1:8080')).toBe(true);
    expect(sameSite('http://127.0.0.1:8080', 'http://127.0.0.1:8081')).toBe(false);
    expect(sameSite('nonsense', 'http://x')).toBe(false);
  });
});
