/** The composer's rules: how long a line may be, when to show the counter, which key sends. */
import { MAX_CHAT_CHARS } from '../../../appliance/src/protocol/index.js';

/** The counter appears this close to the cap. */
export const COUNTER_MARGIN = 500;

export interface Measure {
  /** Characters the appliance counts (it trims the line first). */
  length: number;
  /** Characters over the cap (0 when it fits). */
  over: number;
  showCounter: boolean;
  canSend: boolean;
}

export function measure(text: string, max: number = MAX_CHAT_CHARS): Measure {
  const length = text.trim().length;
  const over = Math.max(0, length - max);
  return { length, over, showCounter: length >= max - COUNTER_MARGIN, canSend: length > 0 && over === 0 };
}

/** Enter (and Ctrl+Enter) sends; Shift+Enter is a new line; Enter that confirms an IME composition does neither. */
export function isSendKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing' | 'altKey'>): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing;
}

const grouped = new Intl.NumberFormat('en-US');

/** "3,612 / 4,000". */
export function counterText(length: number, max: number = MAX_CHAT_CHARS): string {
  return `${grouped.format(length)} / ${grouped.format(max)}`;
}
