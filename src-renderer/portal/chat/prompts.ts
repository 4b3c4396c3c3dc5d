/**
 * Permission prompts as the customer sees them: what each request means, and keeping the list right
 * as prompts arrive, get answered, or are withdrawn while the customer was away.
 */
import type { Prompt, PromptKind } from '../../../appliance/src/protocol/index.js';
import { t } from '../../lib/i18n/index.svelte.js';

/** "… is requesting to <action>": the same words the appliance uses in its chat narration. */
export const PROMPT_ACTION: Record<PromptKind, string> = {
  screen_view: 'view your screen',
  screen_control: 'view and control your computer',
  command_shell: 'open a command shell on your computer',
  file_transfer: 'transfer files to and from your computer',
  system_info: 'view system information about your computer',
  elevation: 'run the support software with administrative rights',
  full_client: 'download and run the full customer client',
};

/** What saying yes means, in one sentence. */
export const PROMPT_DETAIL: Record<PromptKind, string> = {
  screen_view: 'They will see everything on your screen, but cannot use your mouse or keyboard.',
  screen_control: 'They will see your screen and can use your mouse and keyboard.',
  command_shell: 'They can run commands on your computer.',
  file_transfer: 'They can copy files to and from your computer.',
  system_info: 'They will see details such as your operating system, hardware and installed software.',
  elevation: 'The support software will be able to change system settings on your computer.',
  full_client: 'The full customer client runs on your computer so they can offer screen sharing, files and more; it is removed when the session ends.',
};

export const promptTitle = (p: Pick<Prompt, 'askedBy' | 'kind'>): string => `${p.askedBy} is requesting to ${PROMPT_ACTION[p.kind]}`;

/** The request in the customer's language (the card's title); promptTitle stays the appliance's English. */
export const promptTitleText = (p: Pick<Prompt, 'askedBy' | 'kind'>): string => t('portal.prompt.title', { rep: p.askedBy, action: t(`portal.action.${p.kind}`) });

/** What saying yes means, in the customer's language. */
export const promptDetail = (kind: PromptKind): string => t(`portal.detail.${kind}`);

/** What became of an answered (or withdrawn) prompt, said to the customer. */
export function promptOutcome(p: Pick<Prompt, 'askedBy' | 'kind' | 'state'>): string {
  const values = { rep: p.askedBy, action: t(`portal.action.${p.kind}`) };
  if (p.state === 'allowed') return t('portal.prompt.allowed', values);
  if (p.state === 'refused') return t('portal.prompt.refused', values);
  if (p.state === 'cancelled') return t('portal.prompt.withdrawn', values);
  return `${promptTitleText(p)}.`;
}

/** The appliance's chat line announcing the prompt (the card shows it instead). */
export const announcementOf = (p: Pick<Prompt, 'askedBy' | 'kind'>): string =>
  `${promptTitle(p)}. Waiting on the customer to respond to the prompt.`;

/** The appliance's chat line recording the answer (the answered card shows it instead). */
export const answerLineOf = (p: Pick<Prompt, 'kind'>, allowed: boolean): string =>
  `The customer ${allowed ? 'allowed' : 'refused'} the request to ${PROMPT_ACTION[p.kind]}.`;

const byTime = (a: Prompt, b: Prompt) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id);

/** A prompt asked or answered: replaces the copy with the same id, or joins the list in time order. */
export function upsertPrompt(list: readonly Prompt[], p: Prompt): readonly Prompt[] {
  const i = list.findIndex((x) => x.id === p.id);
  if (i < 0) return [...list, p].sort(byTime);
  const copy = [...list];
  copy[i] = p;
  return copy;
}

/**
 * After `customer.hello` (a reload or a reconnect), which lists only the prompts still pending: the
 * pending ones we knew that are not listed any more were withdrawn meanwhile; answered ones stay as
 * they were, and the listed ones are added or refreshed.
 */
export function reconcilePrompts(list: readonly Prompt[], pending: readonly Prompt[]): readonly Prompt[] {
  const listed = new Set(pending.map((p) => p.id));
  let next: readonly Prompt[] = list.map((p) => (p.state === 'pending' && !listed.has(p.id) ? { ...p, state: 'cancelled' as const } : p));
  for (const p of pending) next = upsertPrompt(next, p);
  return next;
}
