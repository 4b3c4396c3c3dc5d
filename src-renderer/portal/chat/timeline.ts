/**
 * What the chat page lists, top to bottom: lines grouped by sender, the appliance's narration, the
 * "<rep> has joined" marker, permission prompt cards where they were asked, and the customer's
 * lines still on their way.
 */
import type { ChatMessage, Prompt } from '../../../appliance/src/protocol/index.js';
import { customerWording, joinedName } from './messages.js';
import type { Outgoing } from './outbox.js';
import { announcementOf, answerLineOf } from './prompts.js';

/** Lines from one sender closer together than this share one name-and-time heading. */
export const GROUP_WINDOW_MS = 5 * 60_000;

export interface Line {
  key: string;
  body: string;
  at: string;
  /** `sent` once the appliance stored it; a customer's own line is `sending` or `failed` before that. */
  status: 'sent' | 'sending' | 'failed';
  clientId?: number;
  error?: string | null;
}

export type TimelineItem =
  | { kind: 'group'; key: string; side: 'me' | 'rep'; name: string; at: string; lines: Line[] }
  | { kind: 'system'; key: string; at: string; text: string }
  | { kind: 'joined'; key: string; at: string; name: string }
  | { kind: 'prompt'; key: string; prompt: Prompt };

/**
 * Lines the prompt cards stand in for: each card replaces the appliance's "… is requesting to …"
 * line, and an answered card its "The customer allowed/refused …" line.
 */
export function coveredByPrompts(messages: readonly ChatMessage[], prompts: readonly Prompt[]): Set<number> {
  const covered = new Set<number>();
  for (const p of prompts) {
    const ask = messages.find((m) => m.from.kind === 'system' && !covered.has(m.id) && m.at === p.at && m.body === announcementOf(p));
    if (!ask) continue;
    covered.add(ask.id);
    if (p.state !== 'allowed' && p.state !== 'refused') continue;
    const line = answerLineOf(p, p.state === 'allowed');
    const answer = messages.find((m) => m.from.kind === 'system' && !covered.has(m.id) && m.id > ask.id && m.body === line);
    if (answer) covered.add(answer.id);
  }
  return covered;
}

const within = (a: string, b: string) => Math.abs(Date.parse(b) - Date.parse(a)) <= GROUP_WINDOW_MS;

/** `me` labels the customer's own lines ("You" reads better to them than their own name). */
export function buildTimeline(messages: readonly ChatMessage[], outbox: readonly Outgoing[], prompts: readonly Prompt[], me = 'You'): TimelineItem[] {
  const covered = coveredByPrompts(messages, prompts);
  const items: TimelineItem[] = [];
  const queue = [...prompts].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));

  const addLine = (side: 'me' | 'rep', name: string, line: Line) => {
    const last = items[items.length - 1];
    if (last?.kind === 'group' && last.side === side && last.name === name && within(last.at, line.at)) {
      last.lines.push(line);
      return;
    }
    items.push({ kind: 'group', key: `g-${line.key}`, side, name, at: line.at, lines: [line] });
  };
  /** Cards asked before `at` (or at `at` too, when `inclusive`); all the rest when `at` is null. */
  const promptsBefore = (at: string | null, inclusive = false) => {
    while (queue.length && (at === null || queue[0]!.at < at || (inclusive && queue[0]!.at === at))) {
      const p = queue.shift()!;
      items.push({ kind: 'prompt', key: `p-${p.id}`, prompt: p });
    }
  };

  for (const m of messages) {
    // A card takes the place of the line that announced it (same instant), before anything later.
    promptsBefore(m.at, covered.has(m.id));
    if (covered.has(m.id)) continue;
    if (m.from.kind === 'system') {
      const joined = joinedName(m);
      if (joined) items.push({ kind: 'joined', key: `m-${m.id}`, at: m.at, name: joined });
      else {
        const text = customerWording(m);
        if (text !== null) items.push({ kind: 'system', key: `m-${m.id}`, at: m.at, text });
      }
    } else {
      const side = m.from.kind === 'customer' ? 'me' : 'rep';
      addLine(side, side === 'me' ? me : m.from.name, { key: `m-${m.id}`, body: m.body, at: m.at, status: 'sent' });
    }
  }
  promptsBefore(null);
  for (const o of outbox) addLine('me', me, { key: `o-${o.clientId}`, body: o.body, at: o.at, status: o.state, clientId: o.clientId, error: o.error });
  return items;
}
