/**
 * Every request method and every event of the console protocol, each with its schema.
 * The appliance validates params with these before any handler runs; the renderer's client is typed
 * from the same table, so the two ends cannot drift apart.
 */
import { z } from 'zod';
import { JumpGroup, JumpItem, Me, Queue, QueueId, SessionSummary } from './models.js';

const Empty = z.object({}).strict();

export const ConsoleKind = z.enum(['web', 'desktop']);
export type ConsoleKind = z.infer<typeof ConsoleKind>;

export const methods = {
  /** Log in with username + password (+ TOTP when enrolled). Returns a console token. */
  'auth.login': {
    params: z.object({
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(256),
      totp: z.string().regex(/^\d{6}$/).optional(),
      console: ConsoleKind,
    }),
    result: z.object({ token: z.string(), me: Me }),
  },
  /** Resume a console login with a token from an earlier auth.login (desktop console, reloads). */
  'auth.resume': {
    params: z.object({ token: z.string().min(16).max(256), console: ConsoleKind }),
    result: z.object({ token: z.string(), me: Me }),
  },
  'auth.logout': { params: Empty, result: Empty },
  'auth.me': { params: Empty, result: Me },

  /** Queues the rep can see with the sessions waiting or running in them. */
  'queues.list': {
    params: Empty,
    result: z.object({ queues: z.array(Queue), sessions: z.array(SessionSummary), serverTime: z.string() }),
  },
  'queues.setFavourite': {
    params: z.object({ queueId: QueueId, favourite: z.boolean() }),
    result: Empty,
  },

  /** Take a waiting session: the rep becomes its owner and it turns active. */
  'session.accept': {
    params: z.object({ sessionId: z.string().regex(/^[0-9a-f]{32}$/) }),
    result: z.object({ session: SessionSummary }),
  },

  /** Jump Items the rep may see, searched and paged (at most 50 per page). */
  'jump.list': {
    params: z.object({
      search: z.string().max(255).default(''),
      groupId: z.number().int().nullable().default(null),
      page: z.number().int().min(0).default(0),
      pageSize: z.number().int().min(1).max(50).default(50),
    }),
    result: z.object({
      items: z.array(JumpItem),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      groups: z.array(JumpGroup),
    }),
  },
} as const;

export type MethodName = keyof typeof methods;
export type ParamsInput<M extends MethodName> = z.input<(typeof methods)[M]['params']>;
export type Params<M extends MethodName> = z.output<(typeof methods)[M]['params']>;
export type Result<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export const events = {
  /** A session appeared in, or changed in, a queue the rep can see. */
  'queue.session': SessionSummary,
  /** A session left every queue the rep can see (accepted by someone else, ended...). */
  'queue.sessionRemoved': z.object({ id: z.string(), queueId: QueueId }),
  /** This console was logged out by the appliance; reason says why (shown to the rep). */
  'auth.kicked': z.object({ code: z.string(), message: z.string() }),
} as const;

export type EventName = keyof typeof events;
export type EventData<E extends EventName> = z.output<(typeof events)[E]>;
