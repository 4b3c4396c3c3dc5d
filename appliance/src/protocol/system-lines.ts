/**
 * The lines the appliance itself writes into a session's chat ("Ana Lopez joined the session.").
 * Each is stored and sent as a key plus arguments, next to its English text: consoles and the portal
 * word it from their catalogues ("line.<key>" — English here, French and German in
 * src-renderer/lib/i18n/catalogs/common-lines.{fr,de}.json), while reports, the APIs and older
 * clients read the English `body`.
 *
 * The templates are ICU messages. Argument naming conventions the renderer localizes:
 *   <x>Code  an error code: the reader's catalogue words it in place of <x>
 *   <x>Iso   an ISO instant: formatted in the reader's language (in `timeZone`) in place of <x>
 *   <x>Bytes a byte count: formatted as a file size in place of <x>
 * Pure data, shared with the renderer.
 */
import { z } from 'zod';

const ACTION =
  '{kind, select, screen_view {view your screen} screen_control {view and control your computer} command_shell {open a command shell on your computer} file_transfer {transfer files to and from your computer} system_info {view system information about your computer} elevation {run the support software with administrative rights} full_client {download and run the full customer client} other {{kind}}}';
const WHY = '{why, select, logged_out {logged out} admin {was logged out by an administrator} other {was disconnected}}';
const DIRECTION = '{direction, select, upload {upload} other {download}}';
const EXPIRY =
  '{expiry, select, 1d {expires 1 day from now} 1w {expires 1 week from now} 1m {expires 1 month from now} 6m {expires 6 months from now} 1y {expires 1 year from now} other {never expires}}';

export const SYSTEM_LINES = {
  // Members
  'member.joined': '{name} joined the session.',
  'member.resumed': '{name} resumed the session.',
  'member.left': '{name} left the session.',
  'member.removed': '{name} removed {target} from the session.',
  'member.owner': '{name} is now the owner of the session.',
  'member.reconnected': '{name} reconnected.',
  'member.connectionLost': '{name} lost the connection; waiting for them to reconnect…',
  'member.dropped': `{name} ${WHY} and left the session.`,
  'member.droppedOwnerPassed': `{name} ${WHY}; {successor} is now the owner.`,
  'member.droppedRequeued': `{name} ${WHY}; the session went back to a queue.`,
  'external.invited': '{name} invited {guest} as an external representative.',
  'external.joined': '{name} joined the session as an external representative.',
  // The session as a whole
  'session.held': '{name} put the session on hold.',
  'session.ended': '{name} ended the session.',
  'session.endedByAdmin': 'The session was ended by an administrator.',
  'session.transferred': 'The session was transferred to {queue}.',
  'session.transferredByApi': 'The session was transferred to {queue} through the API.',
  // What a rep who is taken out of the session reads
  'closed.left': 'You left the session.',
  'closed.removed': '{name} removed you from the session.',
  'closed.disconnected': 'You were disconnected from the session.',
  'closed.transferred': 'You transferred the session.',
  // Invitations
  'invite.share': '{name} invited {target}.',
  'invite.transfer': '{name} is transferring the session to {target}.',
  'invite.help': '{name} requested help from {target}.',
  'invite.withdrawn': '{name} withdrew the invitation to {target}.',
  'invite.declined': '{name} declined the invitation.',
  // The customer
  'customer.left': 'The customer left the session.',
  'customer.gone': 'The customer disconnected and did not return.',
  'customer.reconnected': 'The customer reconnected.',
  'customer.waiting': 'Customer disconnected, waiting for them to return…',
  /** The question itself, as the command-line customer client prints it. */
  'prompt.question': `{name} is requesting to ${ACTION}.`,
  'prompt.asked': `{name} is requesting to ${ACTION}. Waiting on the customer to respond to the prompt.`,
  'prompt.allowed': `The customer allowed the request to ${ACTION}.`,
  'prompt.refused': `The customer refused the request to ${ACTION}.`,
  // Elevation
  'elevation.fullClient': 'The customer is now running the full customer client.',
  'elevation.elevated': 'The customer client now runs with administrative rights.',
  'elevation.elevatedAs': 'The customer client now runs with administrative rights as {account}.',
  'elevation.elevatedWithConsent': 'The customer client now runs with administrative rights with the consent of the person at the computer.',
  'elevation.refused': 'Elevation was refused: {reason}',
  // Jump
  'jump.started': '{name} started a Jump to {item}.',
  'jump.allowed': 'The end user at {item} allowed the session.',
  'jump.scheduleOverridden': '{name} overrode the schedule of the Jump Policy "{policy}".',
  'jump.endsAt': 'The Jump Policy "{policy}" ends this session at {endsAt}.',
  'jump.warning': "The Jump Policy's schedule ends this session in {minutes, plural, one {# minute} other {# minutes}}. Save your work.",
  'jump.scheduleClosed': "The Jump Policy's schedule has closed, so the session ended.",
  /** Not a chat line: what the rep reads while a Jump waits for the end user's consent. */
  'jump.waiting': 'Waiting for the end user at {item} to allow the session (Jump Policy "{policy}"). They have {seconds} seconds to answer.',
  'jump.clientOnline': 'The Jump Client on {host} is connected.',
  'jump.clientOffline': 'The Jump Client on {host} went offline.',
  'jump.pinned': '{name} pinned a Jump Client to {group}{password, select, yes {, with a password} other {}}.',
  'jump.pinnedPersonal': "{name} pinned a Jump Client to {name}'s personal list{password, select, yes {, with a password} other {}}.",
  'jump.unpinned': '{name} unpinned the Jump Client {item}.',
  // Support Buttons
  'button.deployed': `{name} deployed a Support Button “{description}” on {host} ({queue}, ${EXPIRY}).`,
  'button.removed': '{name} removed the Support Button “{description}” from {host}.',
  // Command Shell
  'shell.opened': '{name} opened a command shell on {host}.',
  'shell.closed': 'The command shell on {host} closed.',
  // Screen Sharing
  'screen.started': '{name} started screen sharing with {host}{control, select, yes { (control)} other { (view only)}}.',
  'screen.tookControl': '{name} took control of {host}.',
  'screen.releasedControl': '{name} released control of {host}.',
  'screen.ctrlAltDel': '{name} sent Ctrl-Alt-Del to {host}.',
  'screen.specialAction': '{name} ran the special action “{action}” on {host}.',
  'screen.privacyOn': '{name} turned on the privacy screen on {host}.',
  'screen.privacyOff': '{name} turned off the privacy screen.',
  'screen.inputDisabled': "{name} disabled the customer's mouse and keyboard.",
  'screen.inputRestored': '{name} gave the customer their mouse and keyboard back.',
  'screen.stopped': '{name} stopped screen sharing.',
  'screen.ended': 'Screen sharing with {host} stopped.',
  // File Transfer
  'file.renamed': '{name} renamed {from} to {to} on {host}.',
  'file.deleted': '{name} deleted {count, plural, one {{item}} other {{count} items}} on {host}.',
  'file.uploaded': '{name} uploaded {file} ({size}) to {host}: {path}.',
  'file.downloaded': '{name} downloaded {file} ({size}) from {host}.',
  'file.cancelled': `The ${DIRECTION} of {file} was cancelled.`,
  'file.cancelledWhy': `The ${DIRECTION} of {file} was cancelled: {reason}`,
  'file.failed': `The ${DIRECTION} of {file} failed: {reason}`,
  // Credentials
  'credentials.injected': '{name} injected the credentials “{credential}” ({source, select, ecm {ECM} other {Vault}}) into {host}.',
  'credentials.failed': '{name} could not inject the credentials “{credential}” into {host} ({outcome}).',
} as const;

export type SystemLineKey = keyof typeof SYSTEM_LINES;

/** A system line as stored and sent. `key` is any string so an older reader still parses a newer appliance's lines (it shows `body`). */
export const SystemLine = z.object({
  key: z.string(),
  args: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type SystemLine = z.infer<typeof SystemLine>;

/** A line the appliance writes: the key is checked where it is written. */
export const line = (key: SystemLineKey, args: Record<string, string | number> = {}): SystemLine => ({ key, args });

/** Lines the portal does not show the customer: they know they just reloaded their page. */
export const NOT_FOR_THE_CUSTOMER: readonly SystemLineKey[] = ['customer.reconnected'];
