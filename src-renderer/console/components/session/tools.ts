/**
 * The in-session tools as tabs: what each one is called (the vendor's labels), which customer prompt
 * starts it, and which of the rep's permissions it needs.
 */
import type { Permissions, Prompt, PromptKind } from '../../../../appliance/src/protocol/index.js';
import type { GlyphName } from './glyphs.js';

export type ToolId = 'screen' | 'shell' | 'files' | 'sysinfo';

export interface Tool {
  id: ToolId;
  label: string;
  /** The button that asks the customer: "Start Screen Sharing". */
  start: string;
  glyph: GlyphName;
  /** Prompts that belong to this tool (their latest answer is the tool's state). */
  kinds: readonly PromptKind[];
  /** Which prompt this rep sends, or null when their account may not use the tool. */
  promptFor: (p: Permissions) => PromptKind | null;
  /** One line under the start button: what the customer will be asked. */
  blurb: string;
}

export const TOOLS: readonly Tool[] = [
  {
    id: 'screen',
    label: 'Screen Sharing',
    start: 'Start Screen Sharing',
    glyph: 'screen',
    kinds: ['screen_view', 'screen_control'],
    promptFor: (p) => (p.screenControl ? 'screen_control' : p.screenView ? 'screen_view' : null),
    blurb: 'The customer is asked to let you view and control their computer.',
  },
  {
    id: 'shell',
    label: 'Command Shell',
    start: 'Start the Command Shell',
    glyph: 'shell',
    kinds: ['command_shell'],
    promptFor: (p) => (p.commandShell ? 'command_shell' : null),
    blurb: 'The customer is asked to let you open a command shell on their computer.',
  },
  {
    id: 'files',
    label: 'File Transfer',
    start: 'Start File Transfer',
    glyph: 'files',
    kinds: ['file_transfer'],
    promptFor: (p) => (p.fileUpload || p.fileDownload ? 'file_transfer' : null),
    blurb: 'The customer is asked to let you transfer files to and from their computer.',
  },
  {
    id: 'sysinfo',
    label: 'System Info',
    start: 'Start System Info',
    glyph: 'sysinfo',
    kinds: ['system_info'],
    promptFor: (p) => (p.systemInfo ? 'system_info' : null),
    blurb: 'The customer is asked to let you view system information about their computer.',
  },
];

/** What the tool pane says about the customer's latest answer. */
export function promptOutcome(p: Prompt, customer: string): { tone: 'wait' | 'ok' | 'refused' | 'muted'; text: string } {
  switch (p.state) {
    case 'pending':
      return { tone: 'wait', text: 'Waiting on the customer to respond to the prompt.' };
    case 'allowed':
      return { tone: 'ok', text: `${customer} allowed it.` };
    case 'refused':
      return { tone: 'refused', text: `${customer} refused. You can ask again.` };
    case 'cancelled':
      return { tone: 'muted', text: 'The request was withdrawn before the customer answered.' };
  }
}
