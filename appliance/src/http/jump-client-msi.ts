/**
 * The Jump Client MSI, built on demand with msitools' `wixl` (FORMATS.md §Installers) from the WiX
 * source in domain/installer-files.ts, and cached by content: the same installer on the same site
 * address is built once. Where wixl is not on the PATH there is no MSI (the route says so).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { CodedError } from '../protocol/index.js';
import { cmdScript, installerJson, jumpClientWxs, type InstallerFileOptions } from '../domain/installer-files.js';
import { VERSION } from '../version.js';

const run = promisify(execFile);

/** Like `command -v NAME`: the executable's path on the PATH, or null. */
export function findOnPath(name: string, path: string = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** MSI ProductVersion: major.minor.build, numbers only. */
const msiVersion = (v: string): string => /^(\d+)\.(\d+)\.(\d+)/.exec(v)?.slice(1, 4).join('.') ?? '1.0.0';

export class JumpClientMsiBuilder {
  private readonly wixl: string | null;
  private readonly building = new Map<string, Promise<string>>();

  constructor(
    private readonly cacheDir: string,
    wixl: string | null = findOnPath('wixl'),
  ) {
    this.wixl = wixl;
  }

  get available(): boolean {
    return this.wixl !== null;
  }

  /** The MSI's path in the cache, building it first if needed; E_MSI_UNAVAILABLE without wixl. */
  build(o: InstallerFileOptions): Promise<string> {
    const wixl = this.wixl;
    if (!wixl) return Promise.reject(new CodedError('E_MSI_UNAVAILABLE'));
    // The MSI's .cmd runs on Windows: this site's own checkout is no use there.
    const files = { ...o, agentPath: null, nodePath: null };
    const cmd = cmdScript(files, { registry: true });
    const json = installerJson(files);
    const wxs = jumpClientWxs({ ...files, version: msiVersion(VERSION), cmdFile: 'rep-jump-client.cmd', jsonFile: 'installer.json' });
    const id = createHash('sha256').update(wxs).update('\0').update(cmd).update('\0').update(json).digest('hex').slice(0, 32);
    const target = join(this.cacheDir, `${id}.msi`);
    if (existsSync(target)) return Promise.resolve(target);
    let pending = this.building.get(id);
    if (!pending) {
      pending = this.compile(wixl, { cmd, json, wxs }, target).finally(() => this.building.delete(id));
      this.building.set(id, pending);
    }
    return pending;
  }

  private async compile(wixl: string, src: { cmd: string; json: string; wxs: string }, target: string): Promise<string> {
    // The MSI holds the installer key: the cache is for this site's user only.
    mkdirSync(this.cacheDir, { recursive: true, mode: 0o700 });
    const work = mkdtempSync(join(this.cacheDir, 'build-'));
    try {
      writeFileSync(join(work, 'rep-jump-client.cmd'), src.cmd);
      writeFileSync(join(work, 'installer.json'), src.json);
      writeFileSync(join(work, 'jump-client.wxs'), src.wxs);
      try {
        await run(wixl, ['-a', 'x64', '-o', 'jump-client.msi', 'jump-client.wxs'], { cwd: work, timeout: 60_000 });
      } catch (e) {
        const err = e as { stderr?: string; message: string };
        throw new Error(`wixl could not build the Jump Client MSI: ${(err.stderr || err.message).trim()}`);
      }
      // Whole file or nothing under the final name.
      renameSync(join(work, 'jump-client.msi'), target);
      return target;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
