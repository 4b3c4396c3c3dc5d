/**
 * The in-session tools as tabs: what each one is called (the vendor's labels), which customer prompt
 * starts it, and which of the rep's permissions it needs. The words are getters over t(), so they
 * follow the chosen language.
 */
import type { Permissions, Prompt, PromptKind } from '../../../../appliance/src/protocol/index.js';
import { t } from '../../../lib/i18n/index.svelte.js';
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
    get label() { return t('console.session.tools.screen'); },
    get start() { return t('console.session.tools.screenStart'); },
    glyph: 'screen',
    kinds: ['screen_view', 'screen_control'],
    promptFor: (p) => (p.screenControl ? 'screen_control' : p.screenView ? 'screen_view' : null),
    get blurb() { return t('console.session.tools.screenBlurb'); },
  },
  {
    id: 'shell',
    get label() { return t('console.session.tools.shell'); },
    get start() { return t('console.session.tools.shellStart'); },
    glyph: 'shell',
    kinds: ['command_shell'],
    promptFor: (p) => (p.commandShell ? 'command_shell' : null),
    get blurb() { return t('console.session.tools.shellBlurb'); },
  },
  {
    id: 'files',
    get label() { return t('console.session.tools.files'); },
    get start() { return t('console.session.tools.filesStart'); },
    glyph: 'files',
    kinds: ['file_transfer'],
    promptFor: (p) => (p.fileUpload || p.fileDownload ? 'file_transfer' : null),
    get blurb() { return t('console.session.tools.filesBlurb'); },
  },
  {
    id: 'sysinfo',
    get label() { return t('console.session.tools.sysinfo'); },
    get start() { return t('console.session.tools.sysinfoStart'); },
    glyph: 'sysinfo',
    kinds: ['system_info'],
    promptFor: (p) => (p.systemInfo ? 'system_info' : null),
    get blurb() { return t('console.session.tools.sysinfoBlurb'); },
  },
];

/** What the tool pane says about the customer's latest answer. */
export function promptOutcome(p: Prompt, customer: string): { tone: 'wait' | 'ok' | 'refused' | 'muted'; text: string } {
  switch (p.state) {
    case 'pending':
      return { tone: 'wait', text: t('console.session.tools.promptPending') };
    case 'allowed':
      return { tone: 'ok', text: t('console.session.tools.promptAllowed', { customer }) };
    case 'refused':
      return { tone: 'refused', text: t('console.session.tools.promptRefused', { customer }) };
    case 'cancelled':
      return { tone: 'muted', text: t('console.session.tools.promptCancelled') };
  }
}
