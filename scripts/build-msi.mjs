// `npm run build:msi`: writes dist/rep-console-<version>-x64.msi with Debian's `wixl` (msitools)
// from build/msi/rep-console.wxs and a generated fragment listing the application's files.
//
// What goes in: the Windows app electron-builder unpacks (`dist/win-unpacked/`, from
// `electron-builder --win --dir` where an Electron Windows build can be downloaded), or — on machines
// that cannot download one, like ours — the app's resources as electron-builder would lay them out
// without asar: `resources/app/package.json` and `resources/app/out/{main,preload,renderer,appliance,
// console-cli}` (source maps left out). The registry, shortcut and association authoring is the same
// either way; only the executable itself is missing from the second kind.
//
// Usage: node scripts/build-msi.mjs [--version X.Y.Z] [--out FILE]
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const EXE_NAME = 'Rep Console.exe';
/** The product's UpgradeCode (build/msi/rep-console.wxs): also the namespace of the component GUIDs below. */
const UPGRADE_CODE = '6A4C2B1E-93D2-4E55-8C1B-3F1E2D9A7B40';
/** The bundles `npm run build` writes that the desktop app loads (out/ holds other things too). */
const APP_BUNDLES = ['main', 'preload', 'renderer', 'appliance', 'console-cli'];

function fail(message) {
  console.error(`build:msi: ${message}`);
  process.exit(1);
}

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = option('version') ?? pkg.version;
// MSI ProductVersion: major.minor.build, each a number (255.255.65535 at most); pre-release tags dropped.
const msiVersion = /^(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1, 4).join('.');
if (!msiVersion) fail(`"${version}" is not a major.minor.patch version.`);
const output = resolve(root, option('out') ?? `dist/rep-console-${msiVersion}-x64.msi`);

if (spawnSync('wixl', ['--version'], { encoding: 'utf8' }).status !== 0) {
  fail('wixl is not installed (Debian: apt-get install wixl msitools).');
}

/** [installRelativePath, sourcePath] for every file the MSI installs. */
function collectFiles() {
  const unpacked = join(root, 'dist/win-unpacked');
  if (existsSync(join(unpacked, EXE_NAME))) {
    return walk(unpacked).map((file) => [relative(unpacked, file), file]);
  }
  for (const bundle of ['main/index.js', 'preload/index.cjs', 'renderer/console/index.html', 'appliance/index.js']) {
    if (!existsSync(join(root, 'out', bundle))) fail(`out/${bundle} is missing: run \`npm run build\` first.`);
  }
  const files = [['resources/app/package.json', join(root, 'package.json')]];
  for (const bundle of APP_BUNDLES) {
    const dir = join(root, 'out', bundle);
    if (!existsSync(dir)) continue;
    for (const file of walk(dir)) {
      if (file.endsWith('.map')) continue;
      files.push([join('resources/app/out', relative(join(root, 'out'), file)), file]);
    }
  }
  return files;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() ? [path] : [];
    });
}

/** A short identifier from a path: MSI identifiers are at most 72 characters of [A-Za-z0-9_.]. */
function id(prefix, text) {
  return `${prefix}_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
}

/**
 * A stable GUID per installed path (name-based, SHA-1, RFC 4122 §4.3): a file keeps its component
 * GUID from one build to the next, as Windows Installer's component rules require.
 */
function componentGuid(path) {
  const ns = Buffer.from(UPGRADE_CODE.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(path.replace(/\\/g, '/').toLowerCase()).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex').toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The generated fragment: the directory tree under INSTALLDIR and one component per file. */
function fragment(files) {
  const tree = { dirs: new Map(), files: [] };
  for (const [rel, src] of files) {
    const parts = rel.split(/[\\/]/);
    let node = tree;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) node.dirs.set(part, { dirs: new Map(), files: [] });
      node = node.dirs.get(part);
    }
    node.files.push([rel, src]);
  }
  const components = [];
  const lines = [];
  const emit = (node, relDir, indent) => {
    for (const [rel, src] of node.files) {
      const cid = id('c', rel);
      components.push(cid);
      lines.push(
        `${indent}<Component Id="${cid}" Guid="${componentGuid(rel)}" Win64="yes">`,
        `${indent}  <File Id="${id('f', rel)}" Name="${xml(basename(rel))}" Source="${xml(relative(root, src))}" KeyPath="yes" />`,
        `${indent}</Component>`,
      );
    }
    for (const [name, child] of node.dirs) {
      const rel = relDir ? `${relDir}/${name}` : name;
      const did = id('d', rel);
      lines.push(`${indent}<Directory Id="${did}" Name="${xml(name)}">`);
      // Every directory the MSI created goes on uninstall (once its files have gone).
      const rid = id('r', rel);
      components.push(rid);
      lines.push(
        `${indent}  <Component Id="${rid}" Guid="${componentGuid(`${rel}/`)}" Win64="yes">`,
        `${indent}    <RemoveFolder Id="${id('x', rel)}" On="uninstall" />`,
        `${indent}  </Component>`,
      );
      emit(child, rel, `${indent}  `);
      lines.push(`${indent}</Directory>`);
    }
  };
  emit(tree, '', '      ');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated by scripts/build-msi.mjs: the application files. Do not edit. -->',
    '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
    '  <Fragment>',
    '    <DirectoryRef Id="INSTALLDIR">',
    ...lines,
    '    </DirectoryRef>',
    '    <ComponentGroup Id="AppFiles">',
    ...components.map((c) => `      <ComponentRef Id="${c}" />`),
    '    </ComponentGroup>',
    '  </Fragment>',
    '</Wix>',
    '',
  ].join('\n');
}

const files = collectFiles();
const work = join(root, 'dist/.msi-work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const filesWxs = join(work, 'files.wxs');
writeFileSync(filesWxs, fragment(files));

mkdirSync(dirname(output), { recursive: true });
// One MSI in dist/: drop the ones earlier builds wrote.
if (!option('out')) {
  for (const name of readdirSync(dirname(output))) {
    if (/^rep-console-.*\.msi$/.test(name)) rmSync(join(dirname(output), name));
  }
}
const wixl = spawnSync(
  'wixl',
  ['-a', 'x64', '-D', `Version=${msiVersion}`, '-D', `ExeName=${EXE_NAME}`, '-o', output, join(root, 'build/msi/rep-console.wxs'), filesWxs],
  { encoding: 'utf8', cwd: root },
);
if (wixl.status !== 0) fail(`wixl failed:\n${wixl.stderr || wixl.stdout}`);
fixHkmuRoot(output);
rmSync(work, { recursive: true, force: true });

/**
 * wixl 0.101 writes Root="HKMU" as 4 in the Registry table, a root Windows Installer does not know
 * (it then writes nothing); HKMU is -1 ("HKCU per user, HKLM per machine"). Re-import the table with
 * msitools' msibuild.
 */
function fixHkmuRoot(msi) {
  const exported = spawnSync('msiinfo', ['export', msi, 'Registry'], { encoding: 'utf8' });
  if (exported.status !== 0) fail(`msiinfo export Registry failed: ${exported.stderr}`);
  const lines = exported.stdout.split('\r\n');
  const fixed = lines.map((line, i) => {
    if (i < 3 || line === '') return line;
    const cols = line.split('\t');
    if (cols[1] === '4') cols[1] = '-1';
    return cols.join('\t');
  });
  const idt = join(work, 'Registry.idt');
  writeFileSync(idt, fixed.join('\r\n'));
  const imported = spawnSync('msibuild', [msi, '-i', idt], { encoding: 'utf8' });
  if (imported.status !== 0) fail(`msibuild could not re-import the Registry table: ${imported.stderr || imported.stdout}`);
}
const size = statSync(output).size;
console.log(`build:msi: ${relative(root, output)} (${files.length} files, ${(size / 1024 / 1024).toFixed(1)} MiB, version ${msiVersion})`);
