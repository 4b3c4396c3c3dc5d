import { describe, expect, it } from 'vitest';
import type { Permissions, Prompt } from '../../../../appliance/src/protocol/index.js';
import { TOOLS, promptOutcome } from './tools.js';

const none = Object.fromEntries(
  ['screenView', 'screenControl', 'commandShell', 'fileUpload', 'fileDownload', 'systemInfo'].map((k) => [k, false]),
) as unknown as Permissions;
const tool = (id: string) => TOOLS.find((t) => t.id === id)!;

describe('session tools', () => {
  it('carry the vendor labels the console is tested by', () => {
    expect(TOOLS.map((t) => t.start)).toEqual(['Start Screen Sharing', 'Start the Command Shell', 'Start File Transfer', 'Start System Info']);
  });

  it('ask for control when the rep may control, for view only otherwise, and for nothing without the permission', () => {
    expect(tool('screen').promptFor({ ...none, screenView: true, screenControl: true })).toBe('screen_control');
    expect(tool('screen').promptFor({ ...none, screenView: true })).toBe('screen_view');
    expect(tool('screen').promptFor(none)).toBeNull();
    expect(tool('files').promptFor({ ...none, fileDownload: true })).toBe('file_transfer');
    expect(tool('shell').promptFor(none)).toBeNull();
  });

  it('say what the customer answered', () => {
    const p = (state: Prompt['state']): Prompt => ({ id: 1, sessionId: 'a'.repeat(32), kind: 'system_info', state, askedBy: 'Ana', at: '2026-01-01T00:00:00Z' });
    expect(promptOutcome(p('pending'), 'Erin').text).toBe('Waiting on the customer to respond to the prompt.');
    expect(promptOutcome(p('allowed'), 'Erin')).toEqual({ tone: 'ok', text: 'Erin allowed it.' });
    expect(promptOutcome(p('refused'), 'Erin').tone).toBe('refused');
    expect(promptOutcome(p('cancelled'), 'Erin').tone).toBe('muted');
  });
});
