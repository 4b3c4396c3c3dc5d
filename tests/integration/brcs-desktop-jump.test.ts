/**
 * A `.brcs` file with `login` + `start_jump_item_session` opened in the desktop console, against a
 * real appliance, through the desktop code end to end in Node: the main process's session code
 * (src-main/logic/brcs-session.ts) redeems the login and hands the rest over; the hand-over queue
 * (src-main/logic/brcs-handover.ts) keeps it for the site's window; the window's runner
 * (src-renderer/console/state/brcs-handover.ts, the shared interpreter) runs it in order. The Jump
 * itself is started over the desktop console's own logged-in connection the way the console's
 * client-script code does it (jump.list → matchJumpItems → jump.request), so the session really
 * starts on the site; a later line with no matching Jump Item is reported by line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jumpListSearchFor, matchJumpItems, type BrcsCommandOf, type JumpItem } from '../../appliance/src/protocol/index.js';
import type { HandedBrcs } from '../../src-main/logic/ipc-channels.js';
import { BrcsHandover } from '../../src-main/logic/brcs-handover.js';
import { runBrcsFile, type ConsoleLink } from '../../src-main/logic/brcs-session.js';
import { openConsoleLink } from '../../src-main/logic/console-link.js';
import { SitesStore } from '../../src-main/logic/sites.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';

/*
 * The window's runner is renderer code (its imports reach DOM types, checked by the renderer's
 * tsconfig); the root tsconfig that checks tests has none, so it is loaded by a specifier tsc does not
 * follow, with the part of its interface this test uses written out here.
 */
interface HandoverActions {
  startJump(command: BrcsCommandOf<'start_jump_item_session'>, noMatch?: (wanted: string) => string): Promise<void>;
  openSessionKeyDialog(command: BrcsCommandOf<'generate_session_key'>): void;
  fail(text: string): void;
}
const rendererRunner = '../../src-renderer/console/state/brcs-handover.js';
const { runHandedBrcs } = (await import(rendererRunner)) as { runHandedBrcs: (batch: HandedBrcs, actions: HandoverActions) => Promise<void> };

let app: RunningAppliance;
let userData: string;
const links: ConsoleLink[] = [];

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  userData = mkdtempSync(join(tmpdir(), 'rep-console-brcs-jump-'));
});
afterAll(async () => {
  for (const l of links) l.close();
  await app?.stop({ remove: true });
  rmSync(userData, { recursive: true, force: true });
});

/** The console window's actions, over the desktop console's connection (what ClientScript.run does, minus the UI). */
function windowActions(link: ConsoleLink, log: string[]): HandoverActions {
  return {
    startJump: async (command, noMatch) => {
      const r = (await link.call('jump.list', { search: jumpListSearchFor(command.params), groupId: null, page: 0, pageSize: 50 })) as { items: JumpItem[] };
      const matches = matchJumpItems(r.items, command.params);
      if (matches.length !== 1) {
        log.push(`no single match: ${noMatch ? noMatch('x') : matches.length}`);
        return;
      }
      const started = (await link.call('jump.request', { itemId: matches[0]!.id, override: false, customAttributes: command.custom })) as { sessionId: string | null };
      log.push(`jumped ${matches[0]!.name} ${started.sessionId ?? 'waiting'}`);
    },
    openSessionKeyDialog: () => void log.push('key dialog'),
    fail: (text) => void log.push(`fail ${text}`),
  };
}

describe('.brcs with login + start_jump_item_session in the desktop console', () => {
  it('logs in, hands the Jump to the window, and the session starts on the site; a later unmatched line is named', async () => {
    const web = await rep(app.url, 'ana');
    const file = await web.call('desktop.handoff', {});
    const text = [
      file.text.trimEnd(),
      'action=start_jump_item_session&search_string=muc-pos-02&session.custom.ticket=INC-4711',
      'action=push_and_start_remote&target=10.99.99.99',
      '',
    ].join('\n');

    const result = await runBrcsFile(
      { name: file.fileName, text },
      {
        sites: new SitesStore(join(userData, 'sites.json')),
        connect: async (origin) => {
          const link = await openConsoleLink(origin);
          links.push(link);
          return link;
        },
        confirmUnknownSite: async () => true,
        handOver: true,
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.login?.me.username).toBe('ana');

    // src-main/index.ts: the batch waits under the site until that site's window takes it, once.
    const queue = new BrcsHandover();
    expect(queue.put(result.site, file.fileName, result.handed)).toBe(true);
    expect(queue.take('https://other.example')).toEqual([]);
    const batches = queue.take(result.site);
    expect(batches).toHaveLength(1);
    expect(queue.take(result.site)).toEqual([]);
    // What crosses IPC is plain data (structured clone).
    const [batch] = structuredClone(batches);

    const log: string[] = [];
    const link = result.link!;
    await runHandedBrcs(batch!, windowActions(link, log));
    expect(log).toHaveLength(2);
    const [jumped, missing] = log;
    expect(jumped).toMatch(/^jumped MUENCHEN-POS-02 \S+$/);
    expect(missing).toBe(
      `no single match: ${file.fileName}, line 4 (push_and_start_remote): this site has no Jump Item using Remote Jump for "10.99.99.99" (E_BRCS_NO_JUMP_ITEM).`,
    );

    // The session is the desktop console's, with the file's custom attribute.
    const sessionId = jumped!.split(' ').pop()!;
    const mine = (await link.call('session.mine', {})) as { sessions: { session: { id: string } }[] };
    expect(mine.sessions.map((m) => m.session.id)).toContain(sessionId);
    const detail = (await link.call('session.open', { sessionId })) as { myRole: string; session: { customAttributes?: Record<string, string> } };
    expect(detail.myRole).toBe('owner');
    expect(JSON.stringify(detail)).toContain('INC-4711');
  });

  it('a handed command the interpreter refuses stops the batch at its line', async () => {
    const log: string[] = [];
    const noLink = { call: async () => ({ items: [] }), close: () => undefined };
    await runHandedBrcs(
      { file: 'ops.brcs-demo_site', commands: [{ line: 2, command: { action: 'start_jump_item_session', params: {}, custom: {} } }, { line: 3, command: { action: 'generate_session_key', params: {}, custom: {} } }] },
      windowActions(noLink, log),
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^fail ops\.brcs-demo_site could not be run: .*Line 2/);
  });
});
