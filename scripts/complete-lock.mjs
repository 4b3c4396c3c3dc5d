// Completes package-lock.json with the optional per-platform packages npm 11 leaves out when the
// registry it resolved against lacks them (npm/cli#4828): `npm ci` otherwise refuses the lock with
// "Missing: @rollup/rollup-…". Entries are marked optional with their os/cpu, so npm skips them on
// other platforms without fetching. Run after changing dependencies: node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', openbsd: 'openbsd', openharmony: 'openharmony', win32: 'win32', netbsd: 'netbsd', sunos: 'sunos', aix: 'aix' };
const CPU = { arm: 'arm', 'arm-eabi': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x', mips64el: 'mips64el' };

/** os/cpu/libc from a platform package name such as rollup-linux-arm-gnueabihf or esbuild's linux-x64. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const osIdx = parts.findIndex((p) => p in OS);
  if (osIdx < 0) return null;
  const cpuRaw = parts[osIdx + 1] === 'arm' && parts[osIdx + 2] === 'eabi' ? 'arm-eabi' : parts[osIdx + 1];
  const rest = parts.slice(osIdx + 2).join('-');
  const out = { os: [OS[parts[osIdx]]], cpu: [CPU[cpuRaw] ?? cpuRaw] };
  if (/musl/.test(rest)) out.libc = ['musl'];
  else if (/gnu/.test(rest)) out.libc = ['glibc'];
  return out;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = (path ? path + '/' : '') + 'node_modules/' + name;
    if (pkgs[nested] || pkgs['node_modules/' + name]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    pkgs['node_modules/' + name] = { version, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} optional platform entries`);
