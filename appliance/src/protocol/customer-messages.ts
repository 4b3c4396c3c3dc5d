/**
 * The customer client protocol (/ws/customer): the browser customer page and the `customer` agent.
 * Same envelope as the console; a smaller table of methods, authenticated by the customer token.
 */
import { z } from 'zod';
import { SessionStatus } from './models.js';
import { ChatMessage, MAX_CHAT_CHARS, Prompt } from './session-models.js';
import { SystemLine } from './system-lines.js';

const Empty = z.object({}).strict();

/** The general queue's name as the appliance sends it; pages show it in their reader's language. */
export const GENERAL_QUEUE_NAME = 'General Queue';

export const CustomerStatus = z.object({
  status: SessionStatus,
  queueName: z.string(),
  repName: z.string().nullable(),
  /** False while the owning representative's console is disconnected (their grace period); null with no owner. */
  repConnected: z.boolean().nullable(),
  position: z.number().int().nullable(),
});
export type CustomerStatus = z.infer<typeof CustomerStatus>;

export const customerMethods = {
  /** Join with the token the portal handed out (or its HttpOnly cookie); returns the state and the visible chat so far. */
  'customer.hello': {
    params: z.object({ token: z.string().min(16).max(128).optional() }),
    result: z.object({ status: CustomerStatus, customerName: z.string(), messages: z.array(ChatMessage), prompts: z.array(Prompt) }),
  },
  'customer.chat': { params: z.object({ body: z.string().trim().min(1).max(MAX_CHAT_CHARS) }), result: z.object({ message: ChatMessage }) },
  'customer.answer': { params: z.object({ promptId: z.number().int(), allow: z.boolean() }), result: Empty },
  'customer.leave': { params: Empty, result: Empty },
} as const;

export type CustomerMethodName = keyof typeof customerMethods;
export type CustomerParamsInput<M extends CustomerMethodName> = z.input<(typeof customerMethods)[M]['params']>;
export type CustomerParams<M extends CustomerMethodName> = z.output<(typeof customerMethods)[M]['params']>;
export type CustomerResult<M extends CustomerMethodName> = z.output<(typeof customerMethods)[M]['result']>;

export function isCustomerMethodName(name: string): name is CustomerMethodName {
  return Object.prototype.hasOwnProperty.call(customerMethods, name);
}

export const customerEvents = {
  'customer.chat': ChatMessage,
  'customer.prompt': Prompt,
  'customer.status': CustomerStatus,
  /** The session is over for the customer (ended by the rep, or the grace period ran out). */
  'customer.ended': z.object({ reason: z.string(), line: SystemLine.optional() }),
} as const;

export type CustomerEventName = keyof typeof customerEvents;
export type CustomerEventData<E extends CustomerEventName> = z.output<(typeof customerEvents)[E]>;
