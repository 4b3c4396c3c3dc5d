/**
 * `start_jump_item_session` in the web console (FORMATS.md §Client scripting API): the appliance's
 * `/api/client_script?type=web_console…` sends the browser here with the validated criteria in the
 * URL fragment. The command waits until the rep is logged in (the login screen comes first when
 * nobody is), then runs once: one matching Jump Item → the Jump starts; several → a chooser; none →
 * an error in the console.
 */
import { WEB_CONSOLE_SCRIPT_KEY, describeJumpCriteria, jumpListSearchFor, matchJumpItems, readWebConsoleScript, type BrcsCommandOf, type JumpItem } from '../../../appliance/src/protocol/index.js';
import { messageOf } from '../../lib/client.js';
import { t } from '../../lib/i18n/index.svelte.js';
import type { ConsoleModel } from './console.svelte.js';

type StartJumpItemSession = BrcsCommandOf<'start_jump_item_session'>;

/** `jump.list` pages at most 50; a script looks through this many pages at most (2,000 items). */
const MAX_PAGES = 40;

/** What a Jump started from a script carries besides the item. */
export interface ScriptedJump {
  /** For credential injection once the site has a credential store. */
  credentialId?: string;
  /** `session.custom.*`, for the session's custom attributes. */
  custom: Record<string, string>;
}

/**
 * Starts a Jump to `item` — the one place a client script starts a session. The item is shown in the
 * Jump Items view first (search, details open), so whatever the appliance answers lands on its row:
 * the session opens when the Jump starts; a refusal, "Start anyway?" or a password question
 * otherwise. `session.custom.*` become the session's custom attributes. A `credential_id` is injected
 * into the endpoint once the session has started (ECM or Vault); the outcome is a line in the session's
 * chat, and a refusal before that (no permission, not a Windows login screen) shows as a notice.
 */
export async function startJump(app: ConsoleModel, item: JumpItem, jump: ScriptedJump): Promise<void> {
  const itemId = item.id;
  app.jump.search = item.name;
  app.jump.groupId = null;
  app.jump.page = 0;
  app.show('jump');
  await app.jump.load();
  if (!app.jump.expanded.includes(itemId)) app.jump.toggle(itemId);
  const listed = app.jump.items.find((i) => i.id === itemId) ?? (await app.client.call('jump.details', { itemId }).catch(() => null));
  if (!listed) {
    app.jump.outcome = { itemId, tone: 'error', text: t('console.script.gone', { name: item.name }) };
    return;
  }
  const sessionId = await app.jump.jump(listed, {}, jump.custom);
  if (sessionId && jump.credentialId) await injectScripted(app, sessionId, jump.credentialId);
}

/**
 * The vendor's scripts carry the credential store's own id; ours are source-scoped (`ecm:…`, `vault:…`),
 * so a bare id means the ECM's credential of that id.
 */
export function scriptedCredentialId(credentialId: string): string {
  return /^(ecm|vault):/.test(credentialId) ? credentialId : `ecm:${credentialId}`;
}

async function injectScripted(app: ConsoleModel, sessionId: string, credentialId: string): Promise<void> {
  try {
    await app.client.call('session.inject.run', { sessionId, credentialId: scriptedCredentialId(credentialId) });
  } catch (e) {
    app.say(t('console.script.injectFailed', { reason: messageOf(e) }), 'error');
  }
}

export class ClientScript {
  /** The command from the URL, until it has run. */
  pending = $state<StartJumpItemSession | null>(null);
  /** Several Jump Items matched: the chooser lists them. */
  choices = $state<JumpItem[] | null>(null);
  /** The criteria of the command the chooser is for, in words. */
  criteria = $state('');

  private running = false;
  private chosenFor: StartJumpItemSession | null = null;
  /** Said instead of "No Jump Item matches …" when a handed-over `.brcs` command finds none. */
  private noMatch: ((wanted: string) => string) | null = null;

  /** Reads the page's URL; the command in it runs when the rep enters the console. */
  constructor(private readonly app: ConsoleModel) {
    this.readUrl();
    app.auth.onEnter(() => void this.runPending());
    app.auth.onLeave(() => this.closeChooser());
  }

  /** Also runs scripts that arrive later in this tab (only the URL fragment changes). Returns the unsubscribe. */
  listen(): () => void {
    const onHash = () => {
      this.readUrl();
      if (this.app.auth.phase === 'ready') void this.runPending();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }

  /** The rep picked one of several matches. */
  choose(item: JumpItem): void {
    const command = this.chosenFor;
    this.closeChooser();
    if (command) void startJump(this.app, item, jumpOf(command));
  }

  /**
   * Runs a command handed over by the desktop app (a `.brcs` file, src-renderer/console/state/brcs-handover.ts)
   * exactly like a link's: one match starts, several → the chooser, none → `noMatch` (or the usual error).
   */
  async run(command: StartJumpItemSession, noMatch?: (wanted: string) => string): Promise<void> {
    this.pending = command;
    this.noMatch = noMatch ?? null;
    await this.runPending();
  }

  closeChooser(): void {
    this.choices = null;
    this.chosenFor = null;
  }

  private readUrl(): void {
    const script = readWebConsoleScript(location.hash);
    if (!script) return;
    if (script.ok) this.pending = script.command;
    else {
      this.clearUrl();
      this.showError(t('console.script.failed', { reason: script.message }));
    }
  }

  /** Runs the waiting command once the rep is in. */
  private async runPending(): Promise<void> {
    const command = this.pending;
    if (!command || this.running) return;
    this.pending = null;
    this.clearUrl();
    this.running = true;
    try {
      const matches = matchJumpItems(await this.candidates(command), command.params);
      const wanted = describeJumpCriteria(command.params);
      if (matches.length === 1) await startJump(this.app, matches[0]!, jumpOf(command));
      else if (matches.length === 0) this.showError(this.noMatch ? this.noMatch(wanted) : t('console.script.noMatch', { criteria: wanted }));
      else {
        this.chosenFor = command;
        this.criteria = wanted;
        this.choices = matches;
      }
    } catch (e) {
      this.showError(t('console.script.searchFailed', { reason: messageOf(e) }));
    } finally {
      this.running = false;
      this.noMatch = null;
    }
    // Another link arrived in this tab while this one ran.
    if (this.pending) void this.runPending();
  }

  /** Every Jump Item the rep may see that could match (the server narrows by one criterion when it can). */
  private async candidates(command: StartJumpItemSession): Promise<JumpItem[]> {
    const search = jumpListSearchFor(command.params);
    const items: JumpItem[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await this.app.client.call('jump.list', { search, groupId: null, page, pageSize: 50 });
      items.push(...r.items);
      if (r.items.length === 0 || items.length >= r.total) break;
    }
    return items;
  }

  /** Stays until dismissed: the rep came from another tool and should see why nothing started. */
  private showError(text: string): void {
    this.app.notice = { text, tone: 'error' };
  }

  /** A reload must not run the script again. */
  private clearUrl(): void {
    if (location.hash.slice(1).startsWith(`${WEB_CONSOLE_SCRIPT_KEY}=`)) history.replaceState(history.state, '', location.pathname + location.search);
  }
}

function jumpOf(command: StartJumpItemSession): ScriptedJump {
  return { ...(command.params.credential_id !== undefined ? { credentialId: command.params.credential_id } : {}), custom: command.custom };
}
