import { describe, expect, it } from 'vitest';
import type { ScreenInput } from '../protocol/screen-frames.js';
import { demoDesktop } from './presets.js';
import { FIXED_NOW, smallDesktop } from './test-helpers.js';
import { ScreenRefusalError, VirtualDesktop, type DesktopEvent } from './virtual-desktop.js';

const click = (d: VirtualDesktop, x: number, y: number, monitorId = '1') => {
  d.input('v', { kind: 'pointer', monitorId, action: 'down', x, y });
  return d.input('v', { kind: 'pointer', monitorId, action: 'up', x, y });
};
const key = (d: VirtualDesktop, k: string, mods: Partial<Extract<ScreenInput, { kind: 'key' }>> = {}) => d.input('v', { kind: 'key', action: 'down', key: k, ...mods });
const notepad = (d: VirtualDesktop) => d.windows().find((w) => w.app === 'notepad')!;

/** Share of pixels that are (nearly) black. */
function blackShare(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! + rgba[i + 1]! + rgba[i + 2]! < 30) n++;
  return n / (rgba.length / 4);
}

describe('monitors', () => {
  it('lists the demo workstation’s two monitors side by side with one primary', () => {
    const d = new VirtualDesktop(demoDesktop('windows', 'WS-1'));
    expect(d.monitors()).toEqual([
      { id: '1', name: '1', x: 0, y: 0, width: 1920, height: 1080, primary: true },
      { id: '2', name: '2', x: 1920, y: 0, width: 1280, height: 1024, primary: false },
    ]);
    expect(() => d.frame('v', { monitor: '3', colorMode: 'all-colors' })).toThrow(ScreenRefusalError);
  });

  it('gives phones one portrait screen and makes them view-only', () => {
    const d = new VirtualDesktop(demoDesktop('ios', 'iPhone'));
    const [m] = d.monitors();
    expect(d.monitors()).toHaveLength(1);
    expect(m!.height).toBeGreaterThan(m!.width);
    expect(d.viewOnly).toBe(true);
    expect(d.setControl('v', true)?.code).toBe('E_SCREEN_MOBILE_VIEW_ONLY');
    expect(d.input('v', { kind: 'pointer', monitorId: '1', action: 'down', x: 1, y: 1 })?.code).toBe('E_SCREEN_MOBILE_VIEW_ONLY');
    expect(d.frame('v', { monitor: '1', colorMode: 'more-colors' }).tiles.length).toBeGreaterThan(0);
    expect(d.specialActions()).toEqual([]);
  });
});

describe('control', () => {
  it('refuses input in view mode with a code, and applies it in control mode', () => {
    const d = smallDesktop();
    expect(d.input('v', { kind: 'text', text: 'x' })).toEqual({ refused: true, code: 'E_SCREEN_VIEW_ONLY', message: expect.any(String) });
    expect(notepad(d).text).toBe('hello');
    expect(d.setControl('v', true)).toBeNull();
    expect(d.input('v', { kind: 'text', text: ' there' })).toBeNull();
    key(d, 'Enter');
    key(d, 'x');
    expect(notepad(d).text).toBe('hello there\nx');
    d.setControl('v', false);
    expect(key(d, 'y')?.code).toBe('E_SCREEN_VIEW_ONLY');
    d.setControl('v', true);
    d.closeViewer('v');
    expect(key(d, 'y')?.code).toBe('E_SCREEN_VIEW_ONLY');
  });

  it('moves a window by its title bar, raises and focuses windows, closes with the close button', () => {
    const d = smallDesktop({ windows: [{ app: 'explorer', x: 20, y: 20, w: 500, h: 300 }, { app: 'notepad', x: 200, y: 150, w: 500, h: 300 }] });
    d.setControl('v', true);
    const [explorer] = d.windows();
    expect(explorer!.focused).toBe(false);
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'down', x: 60, y: 30 });
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'move', x: 90, y: 70 });
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'up', x: 90, y: 70 });
    const moved = d.windows().find((w) => w.app === 'explorer')!;
    expect([moved.x, moved.y, moved.focused]).toEqual([50, 60, true]);
    expect(d.windows().at(-1)!.app).toBe('explorer');
    // Windows-style close button: the rightmost 46 px of the title bar.
    click(d, moved.x + moved.width - 20, moved.y + 12);
    expect(d.windows().map((w) => w.app)).toEqual(['notepad']);
    expect(notepad(d).focused).toBe(true);
  });

  it('switches, minimises and restores windows from the taskbar', () => {
    const d = smallDesktop({ windows: [{ app: 'explorer', x: 20, y: 20, w: 300, h: 200 }, { app: 'notepad', x: 300, y: 200, w: 300, h: 200 }] });
    d.setControl('v', true);
    const taskbarY = 600 - 20;
    const explorerButton = 356 + 10;
    click(d, explorerButton, taskbarY);
    expect(d.windows().find((w) => w.focused)!.app).toBe('explorer');
    click(d, explorerButton, taskbarY);
    expect(d.windows().find((w) => w.app === 'explorer')!.minimized).toBe(true);
    expect(d.windows().find((w) => w.focused)!.app).toBe('notepad');
    click(d, explorerButton, taskbarY);
    expect(d.windows().find((w) => w.app === 'explorer')).toMatchObject({ minimized: false, focused: true });
  });

  it('maximises on a title-bar double-click, opens apps from the start menu and folders on double-click', () => {
    const d = smallDesktop({ windows: [{ app: 'explorer', x: 20, y: 20, w: 600, h: 400 }] });
    d.setControl('v', true);
    click(d, 200, 30);
    click(d, 200, 30);
    expect(d.windows()[0]).toMatchObject({ maximized: true, x: 0, y: 0, width: 800, height: 560 });
    // Explorer lists Documents: Invoices first; double-click it.
    const rowY = 31 + 40 + 4 + 22 + 11;
    click(d, 300, rowY);
    click(d, 300, rowY);
    expect(d.windows()[0]!.title).toBe('Invoices - File Explorer');
    key(d, 'Meta');
    // Start menu: Settings is the third entry.
    click(d, 120, 600 - 40 - 470 + 52 + 2 * 44 + 20);
    expect(d.windows().at(-1)).toMatchObject({ app: 'settings', focused: true });
  });
});

describe('Ctrl-Alt-Del and the login screen', () => {
  it('unlocks with Ctrl-Alt-Del and the configured password, and says so when it is wrong', () => {
    const d = smallDesktop({ locked: true });
    d.setControl('v', true);
    expect(d.status().state).toBe('lock');
    d.input('v', { kind: 'text', text: 'Secret-1\n' });
    expect(d.status().state).toBe('lock');
    d.input('v', { kind: 'ctrl-alt-del' });
    expect(d.status().state).toBe('signin');
    d.input('v', { kind: 'text', text: 'wrong' });
    key(d, 'Enter');
    expect(d.status().state).toBe('signin');
    const error = d.snapshot('1', { cursor: false });
    key(d, 'Enter');
    d.input('v', { kind: 'text', text: 'Secret-1' });
    key(d, 'Enter');
    expect(d.status().state).toBe('desktop');
    expect(Buffer.from(error.rgba).equals(Buffer.from(d.snapshot('1', { cursor: false }).rgba))).toBe(false);
  });

  it('shows the security options on a signed-in desktop; Lock locks, Escape returns', () => {
    const d = smallDesktop();
    d.setControl('v', true);
    key(d, 'Delete', { ctrl: true, alt: true });
    expect(d.status().state).toBe('security');
    key(d, 'Escape');
    expect(d.status().state).toBe('desktop');
    d.input('v', { kind: 'ctrl-alt-del' });
    click(d, 400, 300 - 130 + 18);
    expect(d.status().state).toBe('lock');
  });

  it('injects credentials at the login screen only, and only the right ones', () => {
    const d = smallDesktop();
    expect(d.injectCredentials('ana', 'Secret-1')?.code).toBe('E_SCREEN_NOT_AT_LOGIN');
    const locked = smallDesktop({ locked: true });
    expect(locked.injectCredentials('ana', 'nope')?.code).toBe('E_SCREEN_LOGIN_FAILED');
    expect(locked.injectCredentials('ANA', 'Secret-1')).toBeNull();
    expect(locked.status().state).toBe('desktop');
  });
});

describe('clipboard', () => {
  it('works both ways: the rep’s text pastes on the endpoint, the endpoint’s copies reach the rep', () => {
    const d = smallDesktop();
    const events: DesktopEvent[] = [];
    d.subscribe((e) => events.push(e));
    expect(d.setClipboard('v', 'from rep')?.code).toBe('E_SCREEN_VIEW_ONLY');
    d.setControl('v', true);
    expect(d.setClipboard('v', 'from rep')).toBeNull();
    key(d, 'v', { ctrl: true });
    expect(notepad(d).text).toBe('hellofrom rep');
    key(d, 'a', { ctrl: true });
    key(d, 'c', { ctrl: true });
    expect(d.clipboard()).toBe('hellofrom rep');
    expect(events).toContainEqual({ type: 'clipboard', text: 'hellofrom rep' });
    expect(events.some((e) => e.type === 'damage')).toBe(true);
  });
});

describe('privacy screen and customer input', () => {
  it('needs an elevated Windows or macOS endpoint', () => {
    expect(smallDesktop().setPrivacyScreen(true)?.code).toBe('E_SCREEN_NOT_ELEVATED');
    expect(smallDesktop({ os: 'linux', elevated: true }).setPrivacyScreen(true)?.code).toBe('E_SCREEN_UNSUPPORTED_OS');
    expect(smallDesktop({ os: 'macos', elevated: true }).setCustomerInputDisabled(true)).toBeNull();
  });

  it('blacks out the customer’s screen, not the rep’s, blocks the customer until Ctrl-Alt-Del', () => {
    const d = smallDesktop({ elevated: true });
    expect(d.setPrivacyScreen(true)).toBeNull();
    expect(d.status()).toMatchObject({ privacyScreen: true, customerInputDisabled: true });
    expect(blackShare(d.snapshot('1', { side: 'customer' }).rgba)).toBeGreaterThan(0.95);
    expect(blackShare(d.snapshot('1').rgba)).toBeLessThan(0.5);
    expect(d.customerInput({ kind: 'text', text: 'x' })?.code).toBe('E_SCREEN_CUSTOMER_INPUT_DISABLED');
    expect(d.customerInput({ kind: 'ctrl-alt-del' })).toBeNull();
    expect(d.status()).toMatchObject({ privacyScreen: false, customerInputDisabled: false });
    expect(d.customerInput({ kind: 'text', text: 'x' })).toBeNull();
    expect(notepad(d).text).toBe('hellox');
  });
});

describe('elevation dialog and special actions', () => {
  it('refuses the rep on the secure desktop unless elevated; elevated, Yes opens the app', () => {
    const d = smallDesktop();
    d.setControl('v', true);
    expect(d.runSpecialAction('v', 'elevated-command-prompt')).toBeNull();
    expect(d.status().uacShowing).toBe(true);
    expect(d.input('v', { kind: 'pointer', monitorId: '1', action: 'move', x: 5, y: 5 })).toBeNull();
    expect(key(d, 'Enter')?.code).toBe('E_SCREEN_SECURE_DESKTOP');
    d.setElevated(true);
    // Yes: bottom-left button of the 460 × 320 dialog centred on the monitor.
    expect(click(d, 400 - 230 + 60, 300 + 160 - 40)).toBeNull();
    expect(d.status().uacShowing).toBe(false);
    expect(d.windows().at(-1)).toMatchObject({ app: 'terminal', focused: true });
  });

  it('lists actions per OS, refuses unknown ones and system-context ones without elevation, reboots to the lock screen', () => {
    const d = smallDesktop();
    expect(d.specialActions().map((a) => a.id)).toContain('reboot-safe-mode');
    expect(new VirtualDesktop(demoDesktop('macos', 'MAC-1')).specialActions().map((a) => a.label)).toContain('Activity Monitor');
    expect(d.runSpecialAction('v', 'task-manager')?.code).toBe('E_SCREEN_VIEW_ONLY');
    d.setControl('v', true);
    expect(d.runSpecialAction('v', 'format-disk')?.code).toBe('E_SCREEN_UNKNOWN_ACTION');
    expect(d.runSpecialAction('v', 'reboot')?.code).toBe('E_SCREEN_NOT_ELEVATED');
    expect(d.runSpecialAction('v', 'task-manager')).toBeNull();
    expect(d.windows().at(-1)!.title).toBe('Task Manager');
    d.setElevated(true);
    expect(d.runSpecialAction('v', 'reboot')).toBeNull();
    expect(d.windows()).toEqual([]);
    expect(d.status().state).toBe('lock');
  });
});

describe('clock', () => {
  it('repaints the taskbar clock when the minute turns', () => {
    let now = FIXED_NOW;
    const d = smallDesktop({ now: () => now });
    d.frame('v', { monitor: '1', colorMode: 'all-colors' });
    expect(d.tick()).toBe(false);
    now = new Date(FIXED_NOW.getTime() + 60_000);
    expect(d.tick()).toBe(true);
    const f = d.frame('v', { monitor: '1', colorMode: 'all-colors' });
    expect(f.tiles.length).toBeGreaterThan(0);
    expect(f.tiles.every((t) => t.y + t.h > 600 - 40)).toBe(true);
  });
});
