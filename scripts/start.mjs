// Starts the desktop console when an Electron binary runs here; otherwise says so in one line and
// starts the appliance with the demo site, prints where to go, and opens the console in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The path of a runnable Electron binary, or the reason there is none. */
function findElectron() {
  const candidate = process.env.ELECTRON_PATH || (() => {
    try { return createRequire(import.meta.url)('electron'); } catch (e) { return null; }
  })();
  if (!candidate || typeof candidate !== 'string') return { reason: 'the electron package has no binary (it cannot be downloaded here)' };
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  if (probe.status !== 0) return { reason: `${candidate} does not run (${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]})` };
  return { path: candidate };
}

const electron = findElectron();
if (electron.path) {
  const child = spawn(electron.path, [resolve(root, 'out/main/index.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`No Electron binary can run on this machine (${electron.reason}): starting the demo appliance for the browser instead.`);
  const port = process.env.PORT ?? '0';
  const dataDir = process.env.REP_DATA_DIR ?? resolve(root, '.data/demo-site');
  const app = spawn(process.execPath, [resolve(root, 'bin/rep-appliance.js'), 'serve', '--port', port, '--data', dataDir, '--demo'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  app.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffered += chunk.toString();
    const m = /listening on (\S+)/.exec(buffered);
    if (m && buffered !== null) {
      const url = m[1].replace(/\/$/, '');
      buffered = '';
      console.log(
        [
          '',
          `  Rep console:      ${url}/console`,
          `  Administration:   ${url}/login`,
          `  Support portal:   ${url}/`,
          '',
          '  Log in as admin / password (administrator and rep), or a demo rep:',
          '  ana, ben (team General) · carla, dieter (team Remote Support) — password Support-Demo-1',
          '  Data lives in ' + dataDir + ' (delete it to start over). Ctrl-C stops the site.',
          '',
        ].join('\n'),
      );
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open';
      if (spawnSync('sh', ['-c', `command -v ${opener}`]).status === 0 && (process.env.DISPLAY || process.platform !== 'linux')) {
        spawn(opener, [`${url}/console`], { stdio: 'ignore', detached: true }).unref();
      }
    }
  });
  const stop = () => app.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  app.on('exit', (code) => process.exit(code ?? 0));
}
