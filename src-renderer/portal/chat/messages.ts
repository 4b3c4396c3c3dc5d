/**
 * The chat as the customer sees it: one copy of each line in the appliance's order, and the
 * appliance's narration (written for the reps' log) put in the customer's own words.
 */
import { NOT_FOR_THE_CUSTOMER, type ChatMessage, type SystemLineKey } from '../../../appliance/src/protocol/index.js';
import { t } from '../../lib/i18n/index.svelte.js';
import { knowsLine, lineText, localArgs } from '../../lib/i18n/system-line.js';

/**
 * Known lines plus new ones (an event, a send's answer, or `customer.hello` after a reconnect): one
 * copy per id, sorted by id — the appliance numbers lines in the order it committed them.
 * Returns `known` itself when nothing new arrived, so a no-op update does not re-render.
 */
export function mergeMessages(known: readonly ChatMessage[], incoming: readonly ChatMessage[]): readonly ChatMessage[] {
  const ids = new Set(known.map((m) => m.id));
  const fresh = incoming.filter((m) => m.audience === 'all' && !ids.has(m.id));
  if (!fresh.length) return known;
  const byId = new Map<number, ChatMessage>();
  for (const m of [...known, ...fresh]) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The highest id known (0 for none): a line the customer sends now gets a higher one. */
export function lastMessageId(messages: readonly ChatMessage[]): number {
  return messages.reduce((max, m) => Math.max(max, m.id), 0);
}

/** Lines the customer reads in their own words ("The customer allowed…" → "You allowed…"): portal.line.<key>. */
const SAID_TO_THE_CUSTOMER = new Set<SystemLineKey>([
  'prompt.asked', 'prompt.allowed', 'prompt.refused', 'customer.left', 'customer.gone',
  'elevation.fullClient', 'elevation.elevated', 'elevation.elevatedAs', 'elevation.elevatedWithConsent',
]);

/** Older lines (no key) that only make sense to the reps. */
const ENGLISH_NOT_FOR_THE_CUSTOMER = new Set(['The customer reconnected.']);

/**
 * A system line in the customer's words and language ("The customer allowed…" → "You allowed…"),
 * or null when the line is not worth showing them.
 */
export function customerWording(m: Pick<ChatMessage, 'body' | 'line'>): string | null {
  const { line } = m;
  if (knowsLine(line)) {
    const key = line.key as SystemLineKey;
    if (NOT_FOR_THE_CUSTOMER.includes(key)) return null;
    if (!SAID_TO_THE_CUSTOMER.has(key)) return lineText(line, m.body);
    const kind = line.args['kind'];
    return t(`portal.line.${key}`, { ...localArgs(line.args), action: typeof kind === 'string' ? t(`portal.action.${kind}`) : '' });
  }
  return englishWording(m.body);
}

/** A line written before lines carried keys: its English reworded. */
function englishWording(body: string): string | null {
  if (ENGLISH_NOT_FOR_THE_CUSTOMER.has(body)) return null;
  if (body.startsWith('The customer ')) return `You ${body.slice('The customer '.length)}`;
  // A prompt's announcement shows only where its card does not (after a reload): it is history by then.
  const asked = ASKED.exec(body);
  if (asked) return `${asked[1]} asked to ${asked[2]}.`;
  return body;
}

const ASKED = /^(.+) is requesting to (.+)\. Waiting on the customer to respond to the prompt\.$/;

/** Why the session ended: the appliance's reason (a line, or English from an older appliance), or one the page knows. */
export type Ending = Pick<ChatMessage, 'body' | 'line'> | 'left' | 'ended';

/** The ending in the customer's words and language, or null for the plain "this session has ended". */
export function endingText(e: Ending): string | null {
  if (e === 'ended') return null;
  if (e === 'left') return t('portal.ended.left');
  return customerWording(e) ?? null;
}

/** The representative named by a "<name> joined the session." line, or null. */
export function joinedName(m: ChatMessage): string | null {
  if (m.from.kind !== 'system') return null;
  if (m.line) return m.line.key === 'member.joined' && typeof m.line.args['name'] === 'string' ? m.line.args['name'] : null;
  const match = /^(.+) joined the session\.$/.exec(m.body);
  return match?.[1] ?? null;
}

/** Whether a representative has been in this conversation (they wrote, or the appliance said they joined). */
export function hadRepresentative(messages: readonly ChatMessage[]): boolean {
  return messages.some((m) => m.from.kind === 'rep' || joinedName(m) !== null);
}

/** The last representative who wrote or joined (for the header once the session is over). */
export function lastRepName(messages: readonly ChatMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.from.kind === 'rep') return m.from.name;
    const joined = joinedName(m);
    if (joined) return joined;
  }
  return null;
}
