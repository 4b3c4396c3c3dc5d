/**
 * The Jump Client's saved identity, `<install dir>/jump-client.json`: which site it belongs to, its
 * agent id and secret. Written once at registration (owner-only permissions, atomically), read at
 * every start, so a restart needs no installer key.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentId, AgentSecret } from '../protocol/index.js';

export const CONFIG_FILE = 'jump-client.json';

export const JumpClientConfig = z.object({
  site: z.string().url(),
  agentId: AgentId,
  secret: AgentSecret,
  jumpItemId: z.number().int(),
  registeredAt: z.string(),
});
export type JumpClientConfig = z.infer<typeof JumpClientConfig>;

export function configPath(installDir: string): string {
  return join(installDir, CONFIG_FILE);
}

/** The saved identity, or null when there is none yet. A damaged file is an error, not a silent re-registration. */
export function readConfig(installDir: string): JumpClientConfig | null {
  let text: string;
  try {
    text = readFileSync(configPath(installDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${configPath(installDir)} is not valid JSON: delete it and install again with an installer key.`);
  }
  const parsed = JumpClientConfig.safeParse(raw);
  if (!parsed.success) throw new Error(`${configPath(installDir)} is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}): delete it and install again with an installer key.`);
  return parsed.data;
}

/** Saves the identity: a temp file, then a rename, so a crash never leaves half a file; readable by the owner only. */
export function writeConfig(installDir: string, config: JumpClientConfig): void {
  mkdirSync(installDir, { recursive: true, mode: 0o700 });
  const tmp = `${configPath(installDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, configPath(installDir));
}

/** Sites compare by origin: `http://host:1/` and `http://host:1` are the same site. */
export function sameSite(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
