/**
 * The keytar SecretStore against a real Secret Service: each case runs a small Node program inside
 * its own `dbus-run-session` with GNOME Keyring unlocked (`printf pw | gnome-keyring-daemon
 * --unlock --components=secrets`), with HOME and XDG dirs in a temp directory, so nothing touches
 * the machine's own keyring. Without a session bus the same program must get the NullSecretStore,
 * a coded reason, and store nothing anywhere.
 *
 * Needs Debian's dbus, gnome-keyring and libsecret (keytar's native addon links it); without them
 * the tests report themselves skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const keytarBuilt = existsSync(join(root, 'node_modules/keytar/build/Release/keytar.node'));
const skip = !has('dbus-run-session')
  ? 'dbus is not installed (apt-get install dbus)'
  : !has('gnome-keyring-daemon')
    ? 'gnome-keyring is not installed (apt-get install gnome-keyring)'
    : !keytarBuilt
      ? "keytar's native addon is not built (npm install with libsecret-1-dev present)"
      : '';

// Inside node_modules so the bundle's `import('keytar')` resolves to the project's keytar.
const cacheDir = join(root, 'node_modules/.cache');
let work = '';
let bundle = '';

const SECRET = 'tök€n-😀-' + 'x'.repeat(40);

/** The program each case runs: exercises the store and prints what happened as JSON. */
const PROGRAM = `
import { loadKeytarSecretStore, KeytarSecretStore } from './store.mjs';
const store = await loadKeytarSecretStore({ service: 'Rep Console test' });
const out = { kind: store.constructor.name, status: await store.status() };
out.setA = await store.set('login-token:demo', process.env.SECRET);
out.setB = await store.set('update-token:demo', 'second');
out.getA = await store.get('login-token:demo');
out.getB = await store.get('update-token:demo');
out.overwrite = await store.set('login-token:demo', 'replaced');
out.getA2 = await store.get('login-token:demo');
out.delete = await store.delete('login-token:demo');
out.getA3 = await store.get('login-token:demo');
out.missing = await store.get('never-set');
await store.set('left-behind', process.env.SECRET);
console.log(JSON.stringify(out));
`;

function run(withKeyring: boolean): { out: Record<string, unknown>; home: string; stderr: string } {
  const home = mkdtempSync(join(work, 'home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_RUNTIME_DIR: mkdirAndReturn(join(home, 'run')),
    SECRET,
  };
  const node = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(work, 'program.mjs'))}`;
  const r = withKeyring
    ? spawnSync('dbus-run-session', ['--', 'sh', '-c', `printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${node}`], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
        cwd: work,
      })
    : spawnSync('sh', ['-c', node], { env, encoding: 'utf8', timeout: 60_000, cwd: work });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let out: Record<string, unknown> = {};
  try {
    out = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`the program printed no JSON (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { out, home, stderr: r.stderr };
}

function mkdirAndReturn(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(async () => {
  if (skip) return;
  mkdirSync(cacheDir, { recursive: true });
  work = mkdtempSync(join(cacheDir, 'rep-keychain-'));
  bundle = join(work, 'store.mjs');
  await build({
    entryPoints: [join(root, 'src-main/logic/keytar-secret-store.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: bundle,
    logLevel: 'silent',
  });
  writeFileSync(join(work, 'program.mjs'), PROGRAM);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!!skip)(`keytar SecretStore${skip ? ` — skipped: ${skip}` : ''}`, () => {
  it('stores, reads, replaces and deletes secrets in a real Secret Service (GNOME Keyring over D-Bus)', () => {
    const { out } = run(true);
    expect(out).toEqual({
      kind: 'KeytarSecretStore',
      status: { available: true },
      setA: true,
      setB: true,
      getA: SECRET,
      getB: 'second',
      overwrite: true,
      getA2: 'replaced',
      delete: true,
      getA3: null,
      missing: null,
    });
  });

  it('keeps the secret encrypted on disk: the keyring file never holds it in clear', () => {
    const { home } = run(true);
    const files = filesUnder(home).filter((f) => statSync(f).isFile());
    expect(files.some((f) => f.includes('keyrings'))).toBe(true);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(SECRET)), f).toBe(false);
      expect(bytes.includes(Buffer.from('second')), f).toBe(false);
    }
  });

  it('without a Secret Service: the NullSecretStore, a coded reason, and nothing stored anywhere', () => {
    const { out, home } = run(false);
    expect(out.kind).toBe('NullSecretStore');
    expect(out.status).toMatchObject({ available: false, code: expect.stringMatching(/^E_KEYCHAIN_(FAILED|UNAVAILABLE)$/), reason: expect.stringMatching(/cannot be remembered/) });
    expect(out.setA).toBe(false);
    expect(out.getA).toBeNull();
    for (const f of filesUnder(home)) expect(readFileSync(f).includes(Buffer.from(SECRET)), f).toBe(false);
  });
});
