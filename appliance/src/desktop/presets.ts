/** Desktops for the demo fleet: a two-monitor Windows workstation, a Mac, a Linux box, phones. */
import type { DesktopSpec, OsFlavor } from './spec.js';

const NOTE = [
  'Printer on 3rd floor keeps jamming.',
  'Driver version: 4.2.1 (installed 2025-02-28)',
  '',
  'Steps tried:',
  '  1. Restarted the print spooler',
  '  2. Reinstalled the driver',
  '',
].join('\n');

/** A believable desktop for an emulated endpoint of the given OS. */
export function demoDesktop(os: OsFlavor, hostname: string, userName = 'ana', extra: Partial<DesktopSpec> = {}): DesktopSpec {
  const base: DesktopSpec = { hostname, os, userName, displayName: userName.charAt(0).toUpperCase() + userName.slice(1), password: 'Demo-Password-1' };
  if (os === 'ios' || os === 'android') return { ...base, ...extra };
  return {
    ...base,
    monitors: os === 'windows' ? [{ width: 1920, height: 1080, primary: true }, { width: 1280, height: 1024 }] : [{ width: 1920, height: 1080, primary: true }],
    windows: [
      { app: 'explorer', x: os === 'linux' ? 140 : 90, y: 90, path: undefined },
      { app: 'notepad', x: 640, y: 260, w: 760, h: 500, fileName: 'printer-notes.txt', text: NOTE },
    ],
    ...extra,
  };
}
