/**
 * scripts/check-log-secrets.mjs, the last step of the test command: it finds the test passwords, API
 * secrets and run-time secret shapes in logs, and passes ordinary appliance log lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, repoRoot } from '../helpers/appliance.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function check(lines: string[]): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rep-log-secrets-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'appliance-1.log'), lines.join('\n'));
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/check-log-secrets.mjs')], { env: { ...process.env, REP_TEST_LOG_DIR: dir } });
  return { status: r.status, out: r.stdout.toString() };
}

const ordinary = '{"level":30,"time":1,"msg":"session started","sessionId":12,"code":"E_FORBIDDEN","url":"/api/portal/sessions"}';

describe('the log-secrets check', () => {
  it('passes ordinary log lines', () => {
    expect(check([ordinary, 'listening on http://127.0.0.1:4000'])).toMatchObject({ status: 0 });
  });

  it.each([
    ['a demo rep password', `login failed for ana with ${DEMO.reps.general[0].password}`],
    ['the demo API secret', 'client Demo-API-Secret-1 refused'],
    ['a TOTP enrolment link', 'otpauth://totp/Rep%20Console:ana?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'],
    ['a bare TOTP secret', 'enrolled JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'],
    ['a session-key link', '"url":"/?ak=AbCdEfGhIjKlMnOpQrSt"'],
    ['a bearer token', 'authorization: Bearer abcdefghijklmnopqrstuvwx'],
    ['a form-posted client secret', 'body grant_type=client_credentials&client_secret=whatever-it-is'],
    ['a secret-named JSON field', '{"msg":"x","password":"hunter22"}'],
  ])('fails on %s, naming the file and line with the secret masked', (_what, line) => {
    const r = check([ordinary, line]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/appliance-1\.log:2:/);
  });

  it('says so when there are no logs (skipped, not passed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rep-log-secrets-'));
    dirs.push(dir);
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/check-log-secrets.mjs')], { env: { ...process.env, REP_TEST_LOG_DIR: dir } });
    expect(r.status).toBe(77);
  });
});
