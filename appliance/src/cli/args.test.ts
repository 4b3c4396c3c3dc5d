import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './args.js';

describe('rep-appliance serve arguments', () => {
  it('parses the contract', () => {
    expect(parseServeArgs(['--port', '0', '--data', '/tmp/x', '--demo'])).toEqual({ port: 0, dataDir: '/tmp/x', host: '127.0.0.1', demo: true });
    expect(parseServeArgs(['--port', '8443', '--data', 'd', '--host', '0.0.0.0', '--cert', 'c.pem', '--key', 'k.pem'])).toMatchObject({ host: '0.0.0.0', cert: 'c.pem', key: 'k.pem' });
    expect(parseServeArgs(['--port', '8443', '--data', 'd', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toMatchObject({ cert: 'c.pem', key: 'k.pem' });
  });

  it.each([
    [[], /usage/],
    [['--port', '70000', '--data', 'd'], /0–65535/],
    [['--port', '1', '--data'], /needs a value/],
    [['--port', '1', '--data', 'd', '--inspect'], /Unknown option --inspect/],
    [['--port', '1', '--data', 'd', '--cert', 'c'], /go together/],
    [['--port', '1', '--data', 'd', '--tls-key', 'k'], /--tls-cert and --tls-key go together/],
  ])('refuses %j', (argv, msg) => {
    expect(() => parseServeArgs(argv)).toThrow(msg);
  });
});
