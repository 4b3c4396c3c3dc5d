/**
 * Console methods and agent methods of Elevate and Support Buttons; spread into `methods`
 * (messages.ts) and `applianceMethods` (agent-messages.ts). Changes of a session's mode reach the
 * consoles inside `session.state` (its `endpoint`).
 */
import { z } from 'zod';
import { Queue, QueueId } from './models.js';
import { SessionEndpoint } from './elevation-models.js';
import { InstalledSupportButton, SupportButton, SupportButtonExpiry, SupportButtonProfile } from './support-button-models.js';

const SessionId = z.string().regex(/^[0-9a-f]{32}$/);
const Empty = z.object({}).strict();

/** Console → appliance. */
export const elevationMethods = {
  /** Click-to-chat → full client: the customer is prompted to download and run the full customer client. */
  'session.elevate.fullClient': { params: z.object({ sessionId: SessionId }), result: z.object({ endpoint: SessionEndpoint }) },
  /**
   * User mode → elevated. prompt: the customer (or the person at the endpoint) is asked for
   * administrator consent; specific_user: the endpoint checks the administrator's credentials.
   */
  'session.elevate': {
    params: z.discriminatedUnion('method', [
      z.object({ sessionId: SessionId, method: z.literal('prompt') }),
      z.object({ sessionId: SessionId, method: z.literal('specific_user'), username: z.string().trim().min(1).max(256), password: z.string().min(1).max(256) }),
    ]),
    result: z.object({ endpoint: SessionEndpoint }),
  },
  /** The session's endpoint: kind, machine facts, client mode and privilege. */
  'session.endpoint': { params: z.object({ sessionId: SessionId }), result: SessionEndpoint },

  /** What the Add Support Button dialog offers: profiles and the queues the rep may link. */
  'session.supportButton.options': {
    params: z.object({ sessionId: SessionId }),
    result: z.object({
      profiles: z.array(z.object({ code: SupportButtonProfile, name: z.string() })),
      queues: z.array(Queue.pick({ id: true, name: true })),
      defaultDescription: z.string(),
    }),
  },
  /** The Support Buttons deployed on the session's endpoint. */
  'session.supportButton.list': { params: z.object({ sessionId: SessionId }), result: z.object({ buttons: z.array(SupportButton) }) },
  'session.supportButton.deploy': {
    params: z.object({
      sessionId: SessionId,
      description: z.string().trim().min(1).max(255),
      profile: SupportButtonProfile.default('default'),
      queueId: QueueId,
      expiry: SupportButtonExpiry,
    }),
    result: z.object({ button: SupportButton }),
  },
  'session.supportButton.remove': { params: z.object({ sessionId: SessionId, buttonId: z.number().int() }), result: Empty },
} as const;

/** Appliance → agent (the endpoint). */
export const endpointMethods = {
  /** Ask for administrative rights: consent from the person at the computer, or an administrator's credentials. */
  'endpoint.elevate': {
    params: z.discriminatedUnion('method', [
      z.object({ method: z.literal('prompt'), requestedBy: z.string().max(255) }),
      z.object({ method: z.literal('specific_user'), username: z.string().min(1).max(256), password: z.string().min(1).max(256) }),
    ]),
    result: z.object({ elevated: z.literal(true), account: z.string() }),
  },
  /** Put a Support Button on the computer (the agent keeps it, token included, until removed). */
  'supportButton.install': { params: InstalledSupportButton, result: Empty },
  'supportButton.remove': { params: z.object({ buttonId: z.number().int() }), result: Empty },
} as const;
