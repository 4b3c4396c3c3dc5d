/**
 * The Jump Client / endpoint agent protocol (/ws/agent): a real `rep-appliance jump-client` or
 * `customer` process, and the demo fleet's emulated agents in-process, all speak it. Same envelope as
 * the console protocol ({t:'req'|'res'|'err'|'evt'}), but both ends ask: the agent asks the
 * appliance (register, hello, attach, presence), and the appliance asks the agent (open a shell,
 * list files, system info). Shell bytes travel as events in both directions.
 */
import { z } from 'zod';
import { EndpointOs } from './models.js';
import { shellFlowEvents } from './shell-messages.js';
import { endpointMethods } from './elevation-messages.js';
import { consentApplianceMethods } from './jump-consent.js';
import { fileAgentMethods } from './file-messages.js';

const Empty = z.object({}).strict();

/** Where a new Jump Client goes: a Jump Group by code, or a user's personal list. */
export const JumpGroupTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), username: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('jumpgroup'), code: z.string().min(1).max(64) }),
]);
export type JumpGroupTarget = z.infer<typeof JumpGroupTarget>;

/** `user:NAME` or `jumpgroup:CODE`, the installer's command-line form (`--jc-jump-group`). */
export function parseJumpGroupTarget(text: string): JumpGroupTarget | null {
  const m = /^(user|jumpgroup):(.+)$/.exec(text.trim());
  if (!m) return null;
  const parsed = JumpGroupTarget.safeParse(m[1] === 'user' ? { kind: 'user', username: m[2] } : { kind: 'jumpgroup', code: m[2] });
  return parsed.success ? parsed.data : null;
}

export const AgentId = z.number().int().positive();
/** The agent's secret: random, handed out once at registration, stored by the appliance only as a hash. */
export const AgentSecret = z.string().min(32).max(128);
export const ShellChannelId = z.number().int().positive();
/** Terminal sizes a shell accepts. */
export const ShellCols = z.number().int().min(10).max(500);
export const ShellRows = z.number().int().min(2).max(300);
/** Shell data travels in chunks below the frame cap: keystrokes and pastes in 16 Ki characters. */
export const MAX_SHELL_CHUNK = 16 * 1024;
/**
 * Output in up to 40 Ki characters: fewer frames per MB of a flood (each costs a parse and a
 * dispatch), and its JSON still fits the 256 KiB frame cap at worst (6 bytes a character, `\u001b`).
 */
export const MAX_SHELL_OUTPUT_CHUNK = 40 * 1024;
export const ShellData = z.string().max(MAX_SHELL_CHUNK);
export const ShellOutputData = z.string().max(MAX_SHELL_OUTPUT_CHUNK);
export const AgentPresence = z.enum(['present', 'absent', 'unknown']);
export type AgentPresence = z.infer<typeof AgentPresence>;

const text = (max: number) => z.string().max(max);

/** Requests the agent sends to the appliance. */
export const agentMethods = {
  /** First start: trade an installer key for an identity; the agent saves agentId + secret in its install directory. */
  'agent.register': {
    params: z.object({
      installerKey: z.string().min(1).max(256),
      hostname: z.string().min(1).max(255),
      os: EndpointOs,
      publicIp: text(64).optional(),
      privateIp: text(64).optional(),
      /** Command-line overrides of the installer's defaults (--jc-jump-group, --jc-tag, --jc-comments). */
      jumpGroup: JumpGroupTarget.optional(),
      tag: text(255).optional(),
      comments: text(1000).optional(),
      presence: AgentPresence.default('unknown'),
    }),
    result: z.object({ agentId: AgentId, secret: AgentSecret, jumpItemId: z.number().int() }),
  },
  /** Every later connection: the saved identity. The Jump Item turns Active. */
  'agent.hello': {
    params: z.object({
      agentId: AgentId,
      secret: AgentSecret,
      presence: AgentPresence.default('unknown'),
      hostname: z.string().min(1).max(255).optional(),
      privateIp: text(64).optional(),
    }),
    result: z.object({ agentId: AgentId, jumpItemId: z.number().int() }),
  },
  /** A customer client joined by session key attaches its machine as the session's endpoint. */
  'agent.attach': {
    params: z.object({
      customerToken: z.string().min(16).max(128),
      hostname: z.string().min(1).max(255),
      os: EndpointOs,
      presence: AgentPresence.default('present'),
      /** The machine's own address on its network, for the session's report. */
      privateIp: text(64).optional(),
    }),
    result: z.object({ sessionId: z.string() }),
  },
  /** Someone sat down at (or left) the endpoint: decides whether a Jump prompts. */
  'agent.presence': {
    params: z.object({ present: z.boolean() }),
    result: Empty,
  },
} as const;

export type AgentMethodName = keyof typeof agentMethods;
export type AgentParamsInput<M extends AgentMethodName> = z.input<(typeof agentMethods)[M]['params']>;
export type AgentParams<M extends AgentMethodName> = z.output<(typeof agentMethods)[M]['params']>;
export type AgentResult<M extends AgentMethodName> = z.output<(typeof agentMethods)[M]['result']>;

export function isAgentMethodName(name: string): name is AgentMethodName {
  return Object.prototype.hasOwnProperty.call(agentMethods, name);
}

/** Events the agent sends: its shells' output and their end. */
export const agentEvents = {
  'shell.output': z.object({ channelId: ShellChannelId, data: ShellOutputData }),
  'shell.exit': z.object({ channelId: ShellChannelId, code: z.number().int().nullable() }),
} as const;
export type AgentEventName = keyof typeof agentEvents;
export type AgentEventData<E extends AgentEventName> = z.output<(typeof agentEvents)[E]>;

export function isAgentEventName(name: string): name is AgentEventName {
  return Object.prototype.hasOwnProperty.call(agentEvents, name);
}

export const EndpointFileEntry = z.object({
  name: z.string(),
  kind: z.enum(['file', 'dir', 'link', 'other']),
  size: z.number().int().nonnegative(),
  /** ISO timestamp. */
  modifiedAt: z.string(),
  hidden: z.boolean(),
});
export type EndpointFileEntry = z.infer<typeof EndpointFileEntry>;

export const EndpointFileListing = z.object({
  /** The directory listed, absolute, as the endpoint names it. */
  path: z.string(),
  /** The folders this endpoint allows (its roots). */
  roots: z.array(z.string()),
  entries: z.array(EndpointFileEntry),
});
export type EndpointFileListing = z.infer<typeof EndpointFileListing>;

/** The System Info tool's further categories (optional: older agents send only the basics above). */
const SystemInfoDetails = z.object({
  system: z.object({ manufacturer: z.string(), model: z.string(), serial: z.string(), bios: z.string() }).partial().optional(),
  cpuDetails: z.object({ speedGHz: z.number(), threads: z.number().int(), loadPercent: z.number() }).partial().optional(),
  swap: z.object({ totalBytes: z.number(), freeBytes: z.number() }).optional(),
  timezone: z.string().optional(),
  diskDetails: z.array(z.object({ mount: z.string(), fsType: z.string(), device: z.string() })).max(64).optional(),
  networkDetails: z.array(z.object({ iface: z.string(), ip6: z.string(), speedMbps: z.number().nullable(), up: z.boolean() })).max(64).optional(),
  processes: z.array(z.object({ pid: z.number().int(), name: z.string(), user: z.string(), cpuPercent: z.number(), memBytes: z.number() })).max(500).optional(),
  services: z.array(z.object({ name: z.string(), running: z.boolean(), startup: z.string() })).max(500).optional(),
  users: z.array(z.object({ name: z.string(), terminal: z.string(), loggedInAt: z.string() })).max(100).optional(),
});

export const EndpointSystemInfo = z.object({
  hostname: z.string(),
  os: z.object({ platform: EndpointOs, distro: z.string(), release: z.string(), arch: z.string() }),
  cpu: z.object({ model: z.string(), cores: z.number().int() }),
  memory: z.object({ totalBytes: z.number(), freeBytes: z.number() }),
  /** The logged-in user, or null at a login screen. */
  user: z.string().nullable(),
  uptimeSeconds: z.number(),
  network: z.array(z.object({ iface: z.string(), ip4: z.string(), mac: z.string() })),
  disks: z.array(z.object({ mount: z.string(), sizeBytes: z.number(), usedBytes: z.number() })),
  ...SystemInfoDetails.shape,
});
export type EndpointSystemInfo = z.infer<typeof EndpointSystemInfo>;

/** Requests the appliance sends to the agent. */
export const applianceMethods = {
  /**
   * Open a shell; its output arrives as shell.output events under this channel id, or with `binary`
   * as binary messages ("RSO1" + channel id, shell-frames.ts) where the agent can send them.
   */
  'shell.open': {
    params: z.object({ channelId: ShellChannelId, cols: ShellCols, rows: ShellRows, binary: z.boolean().default(false) }),
    result: Empty,
  },
  /** List one directory inside the agent's allowed paths ('' = its first root). Outside them: E_PATH_NOT_ALLOWED. */
  'files.list': {
    params: z.object({ path: z.string().max(4096) }),
    result: EndpointFileListing,
  },
  'system.info': { params: Empty, result: EndpointSystemInfo },
  ...endpointMethods,
  ...consentApplianceMethods,
  ...fileAgentMethods,
} as const;

export type ApplianceMethodName = keyof typeof applianceMethods;
export type ApplianceParams<M extends ApplianceMethodName> = z.output<(typeof applianceMethods)[M]['params']>;
export type ApplianceResult<M extends ApplianceMethodName> = z.output<(typeof applianceMethods)[M]['result']>;

export function isApplianceMethodName(name: string): name is ApplianceMethodName {
  return Object.prototype.hasOwnProperty.call(applianceMethods, name);
}

/** Events the appliance sends the agent: keystrokes, size changes and the end of a shell. */
export const applianceEvents = {
  ...shellFlowEvents,
  'shell.input': z.object({ channelId: ShellChannelId, data: ShellData }),
  'shell.resize': z.object({ channelId: ShellChannelId, cols: ShellCols, rows: ShellRows }),
  'shell.close': z.object({ channelId: ShellChannelId }),
} as const;
export type ApplianceEventName = keyof typeof applianceEvents;
export type ApplianceEventData<E extends ApplianceEventName> = z.output<(typeof applianceEvents)[E]>;

export function isApplianceEventName(name: string): name is ApplianceEventName {
  return Object.prototype.hasOwnProperty.call(applianceEvents, name);
}

/** Any frame on /ws/agent, either direction: the console envelope, where both ends may ask. */
export const AgentFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('req'), id: z.number().int().nonnegative(), method: z.string().min(1).max(64), params: z.unknown().optional() }),
  z.object({ t: z.literal('res'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({
    t: z.literal('err'),
    id: z.number().int().nonnegative().nullable(),
    code: z.string().max(64),
    message: z.string().max(2000),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ t: z.literal('evt'), event: z.string().min(1).max(64), data: z.unknown() }),
]);
export type AgentFrame = z.infer<typeof AgentFrame>;
