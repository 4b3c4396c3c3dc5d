/** Chat lines and prompts for the unit tests beside this file. */
import type { ChatMessage, Prompt } from '../../../appliance/src/protocol/index.js';

const SESSION = 'a'.repeat(32);

/** A chat line; `at` defaults to one second per id after 10:00. */
export function msg(id: number, kind: 'rep' | 'customer' | 'system', body: string, at = `2026-03-02T10:00:${String(id % 60).padStart(2, '0')}.000Z`): ChatMessage {
  const name = kind === 'rep' ? 'Ana Lopez' : kind === 'customer' ? 'Maria' : 'System';
  return { id, sessionId: SESSION, at, from: { kind, id: kind === 'rep' ? 3 : null, name }, body, audience: 'all' };
}

export const prompt = (id: number, state: Prompt['state'] = 'pending', at = `2026-03-02T10:0${id}:00.000Z`, kind: Prompt['kind'] = 'screen_view'): Prompt => ({
  id,
  sessionId: SESSION,
  kind,
  state,
  askedBy: 'Ana Lopez',
  at,
});
