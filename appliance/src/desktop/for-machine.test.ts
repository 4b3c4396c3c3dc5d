import { describe, expect, it } from 'vitest';
import { desktopForMachine } from './for-machine.js';
import { layoutMonitors } from './spec.js';

const machine = (extra: Partial<Parameters<typeof desktopForMachine>[0]>) => ({ hostname: 'ws-1.corp.example', os: 'windows' as const, name: 'WS-1', comments: '', user: 'support', ...extra });

describe('the desktop a demo machine shows', () => {
  it('gives a workstation whose comments say so two monitors, the first primary', () => {
    const spec = desktopForMachine(machine({ name: 'WS-107 Finance – M. Keller', comments: 'Finance, two monitors', user: 'mkeller' }));
    expect(spec.hostname).toBe('WS-1');
    expect(spec.displayName).toBe('M. Keller');
    expect(layoutMonitors(spec).map((m) => [m.width, m.height, m.primary])).toEqual([
      [1920, 1080, true],
      [1280, 1024, false],
    ]);
  });

  it('gives a point-of-sale terminal a customer display; other machines one monitor', () => {
    expect(layoutMonitors(desktopForMachine(machine({ tag: 'pos' }))).map((m) => m.width)).toEqual([1920, 1024]);
    expect(layoutMonitors(desktopForMachine(machine({ tag: 'finance' })))).toHaveLength(1);
  });

  it('starts at the login screen when nobody is logged in', () => {
    const spec = desktopForMachine(machine({ user: null }));
    expect(spec.locked).toBe(true);
    expect(spec.userName).toBe('frontdesk');
    expect(desktopForMachine(machine({})).locked).toBe(false);
  });

  it('keeps phones on one portrait screen and other OSes’ host names as they are', () => {
    const ipad = desktopForMachine(machine({ hostname: 'muc-ipad-lager', os: 'ios' }));
    expect(ipad.hostname).toBe('muc-ipad-lager');
    const [m] = layoutMonitors(ipad);
    expect(m!.height).toBeGreaterThan(m!.width);
    expect(desktopForMachine(machine({ hostname: 'web-01.corp.example', os: 'linux' })).hostname).toBe('web-01');
  });
});
