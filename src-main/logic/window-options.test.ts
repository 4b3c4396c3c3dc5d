import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleUrl, MAIN_WINDOW, windowBackground } from './window-options.js';

describe('main window', () => {
  it('is titled, sized for the console and hidden until ready', () => {
    expect(MAIN_WINDOW).toMatchObject({ title: 'Rep Console', width: 1366, height: 820, minWidth: 1024, minHeight: 640, show: false });
  });

  it("paints the console's background for the OS theme", () => {
    expect(windowBackground(true)).toBe('#12161d');
    expect(windowBackground(false)).toBe('#f5f6f8');
    const theme = readFileSync(new URL('../../src-renderer/styles/theme.css', import.meta.url), 'utf8');
    expect(theme).toContain(`--bg: ${windowBackground(true)}`);
    expect(theme).toContain(`--bg: ${windowBackground(false)}`);
  });

  it('opens /console on the appliance', () => {
    expect(consoleUrl('http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234/console');
    expect(consoleUrl('http://127.0.0.1:41234/')).toBe('http://127.0.0.1:41234/console');
  });
});
