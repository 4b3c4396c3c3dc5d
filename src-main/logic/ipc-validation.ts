/**
 * Runtime validation of what the renderer sends over IPC, one schema per channel of
 * ipc-channels.ts. Main-process only: the preload never imports zod (see ipc-channels.ts).
 * A renderer is untrusted input like any network client: nothing crosses unvalidated.
 */
import { z } from 'zod';
import { UI_LANGUAGES, type UiLanguage } from './desktop-words.js';
import { IPC_CHANNELS, IPC_LIMITS, type DesktopLanguage, type IpcArgs, type IpcChannel } from './ipc-channels.js';

/** Printable ASCII without spaces: what the appliance's tokens are made of. */
const Token = z
  .string()
  .min(1)
  .max(IPC_LIMITS.tokenMaxLength)
  .regex(/^[\x21-\x7e]+$/, 'a login token is printable ASCII without spaces');

type ArgSchemas = { [C in IpcChannel]: z.ZodType<IpcArgs<C>> };

/** ipc-channels.ts spells the offered languages out (it imports nothing): a compile error if they drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const languagesAgree: Same<DesktopLanguage, UiLanguage> = true;
void languagesAgree;

/** One argument-tuple schema per channel; the type makes a missing or mistyped channel a compile error. */
export const IPC_ARG_SCHEMAS: ArgSchemas = {
  [IPC_CHANNELS.saveLoginToken]: z.tuple([Token.nullable()]),
  [IPC_CHANNELS.loadLoginToken]: z.tuple([]),
  [IPC_CHANNELS.notify]: z.tuple([
    z.string().min(1).max(IPC_LIMITS.notificationTitleMaxLength),
    z.string().max(IPC_LIMITS.notificationBodyMaxLength),
  ]),
  [IPC_CHANNELS.saveUpdateToken]: z.tuple([Token]),
  [IPC_CHANNELS.keychainStatus]: z.tuple([]),
  [IPC_CHANNELS.setWaitingCount]: z.tuple([z.number().int().min(0).max(IPC_LIMITS.waitingMax)]),
  [IPC_CHANNELS.saveFile]: z.tuple([
    z.enum(['file', 'screenshot']),
    z.string().min(1).max(IPC_LIMITS.fileNameMaxLength),
    z.instanceof(Uint8Array).refine((d) => d.byteLength <= IPC_LIMITS.fileMaxBytes, 'a file is at most 256 MB'),
  ]),
  [IPC_CHANNELS.openFiles]: z.tuple([]),
  [IPC_CHANNELS.takeBrcsCommands]: z.tuple([]),
  // Only the offered languages, exactly as the page's language picker names them.
  [IPC_CHANNELS.setLanguage]: z.tuple([z.enum(UI_LANGUAGES)]),
};

/** A refused IPC call: the message names the channel and what was wrong, never the values sent. */
export class IpcRefusal extends Error {
  override readonly name = 'IpcRefusal';
}

/** True for a string that names one of our channels. */
export function isIpcChannel(channel: string): channel is IpcChannel {
  return Object.values<string>(IPC_CHANNELS).includes(channel);
}

/**
 * The arguments of a call on `channel`, validated; throws IpcRefusal when they do not match the
 * contract (wrong count, wrong types, too long).
 */
export function parseIpcArgs<C extends IpcChannel>(channel: C, args: readonly unknown[]): IpcArgs<C> {
  const result = IPC_ARG_SCHEMAS[channel].safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : '';
    throw new IpcRefusal(`Refused ${channel}: ${where}${issue?.message ?? 'invalid arguments'}`);
  }
  return result.data;
}
