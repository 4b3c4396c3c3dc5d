/**
 * Support Buttons on a real computer: the agent keeps each deployed button as a small JSON file
 * (mode 0600: it holds the button's token) in REP_SUPPORT_BUTTON_DIR, by default
 * ~/.rep-support-buttons. `rep-appliance customer --support-button [ID]` reads them back and clicks
 * one (the newest when no ID is given).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CodedError, InstalledSupportButton, isErrorCode, type ApplianceParams, type ApplianceResult } from '../protocol/index.js';

export function supportButtonDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.REP_SUPPORT_BUTTON_DIR || join(homedir(), '.rep-support-buttons');
}

const siteTag = (site: string) => new URL(site).host.replace(/[^A-Za-z0-9.-]/g, '_');
const fileFor = (dir: string, site: string, id: number) => join(dir, `${siteTag(site)}-${id}.json`);

/** The agent-protocol handlers for Support Buttons, storing in `dir` for the agent's `site`. */
export function supportButtonHandlers(site: string, dir = supportButtonDir()) {
  return {
    'supportButton.install': (p: ApplianceParams<'supportButton.install'>): ApplianceResult<'supportButton.install'> => {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // The site named by the appliance is how the console reached it; the agent's own address is the one that works from here.
      writeFileSync(fileFor(dir, site, p.buttonId), JSON.stringify({ ...p, site }, null, 2), { mode: 0o600 });
      return {};
    },
    'supportButton.remove': (p: ApplianceParams<'supportButton.remove'>): ApplianceResult<'supportButton.remove'> => {
      rmSync(fileFor(dir, site, p.buttonId), { force: true });
      return {};
    },
  };
}

/** The buttons installed on this computer (unreadable files are skipped), newest first. */
export function installedButtons(dir = supportButtonDir()): InstalledSupportButton[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const out: InstalledSupportButton[] = [];
  for (const n of names) {
    try {
      const parsed = InstalledSupportButton.safeParse(JSON.parse(readFileSync(join(dir, n), 'utf8')));
      if (parsed.success) out.push(parsed.data);
    } catch {
      /* not ours */
    }
  }
  return out.sort((a, b) => b.buttonId - a.buttonId);
}

/** The button `--support-button [ID]` means; E_SUPPORT_BUTTON_NOT_FOUND when this computer has none such. */
export function pickButton(buttons: readonly InstalledSupportButton[], id: number | null, site: string | null): InstalledSupportButton {
  const mine = site ? buttons.filter((b) => new URL(b.site).host === new URL(site).host) : buttons;
  const b = id === null ? mine[0] : mine.find((x) => x.buttonId === id);
  if (!b) throw new CodedError('E_SUPPORT_BUTTON_NOT_FOUND', id === null ? 'No Support Button is installed on this computer.' : `No Support Button ${id} is installed on this computer.`);
  return b;
}

/** Clicks the Support Button `which` (latest, or its number) installed here for `site`: a new session waits in its queue. */
export async function clickInstalledButton(site: string, which: number | 'latest', name: string, dir = supportButtonDir()): Promise<{ sessionId: string; customerToken: string; queueName: string }> {
  const b = pickButton(installedButtons(dir), which === 'latest' ? null : which, site);
  let res: Response;
  try {
    res = await fetch(new URL('/api/support-button/click', site), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: b.token, name }) });
  } catch (e) {
    throw new CodedError('E_INTERNAL', `Cannot reach ${site}: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string }; sessionId?: string; customerToken?: string; queueName?: string };
  if (!res.ok || body.error || !body.sessionId || !body.customerToken) {
    const code = body.error?.code;
    throw new CodedError(isErrorCode(code) ? code : 'E_INTERNAL', body.error?.message ?? `The site answered HTTP ${res.status}.`);
  }
  return { sessionId: body.sessionId, customerToken: body.customerToken, queueName: body.queueName ?? '' };
}
