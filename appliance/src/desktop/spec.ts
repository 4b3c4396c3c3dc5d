/** What an emulated endpoint's desktop is made of: its OS, user, monitors and opening windows. */
import type { MonitorInfo } from '../protocol/screen-frames.js';
import type { AppKind, FileEntry } from './apps/app.js';

export type OsFlavor = 'windows' | 'macos' | 'linux' | 'ios' | 'android';

export interface MonitorSpec {
  width: number;
  height: number;
  /** Position in the virtual desktop; monitors without one are placed left to right. */
  x?: number;
  y?: number;
  primary?: boolean;
}

export interface WindowSpec {
  app: AppKind;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  /** Notepad: the text and file name. */
  text?: string;
  fileName?: string;
  /** Explorer: the folder shown (forward slashes). */
  path?: string;
  minimized?: boolean;
  maximized?: boolean;
}

export interface DesktopSpec {
  hostname: string;
  os: OsFlavor;
  /** The logged-in (or last) user's account name. */
  userName: string;
  /** Shown on the login screen's user tile; defaults to userName. */
  displayName?: string;
  /** What unlocks the login screen (Ctrl-Alt-Del, then this password and Enter). Empty when unset. */
  password?: string;
  /** Further accounts the login screen accepts through Inject Credentials (`DOMAIN\\user` or `user`), e.g. the demo's DEMO\\Administrator. */
  accounts?: { userName: string; password: string }[];
  /** Whether the customer client runs elevated (system service): privacy screen, UAC control. */
  elevated?: boolean;
  /** Start at the lock screen instead of the desktop. */
  locked?: boolean;
  monitors?: MonitorSpec[];
  /** Windows open at start, bottom to top; the last one has the focus. */
  windows?: WindowSpec[];
  /** The endpoint's clock (taskbar, lock screen); the real one by default. */
  now?: () => Date;
  /** Folder listings for Explorer (e.g. the endpoint's sandbox); a small synthetic tree by default. */
  listDirectory?: (path: string) => FileEntry[];
}

export const isMobile = (os: OsFlavor): os is 'ios' | 'android' => os === 'ios' || os === 'android';

/** The monitors as the menu lists them: ids "1", "2", …, exactly one primary, positions filled in. */
export function layoutMonitors(spec: DesktopSpec): MonitorInfo[] {
  if (isMobile(spec.os)) {
    const [w, h] = spec.os === 'ios' ? [750, 1334] : [720, 1520];
    const m = spec.monitors?.[0];
    return [{ id: '1', name: '1', x: 0, y: 0, width: m?.width ?? w, height: m?.height ?? h, primary: true }];
  }
  const list = spec.monitors?.length ? spec.monitors : [{ width: 1920, height: 1080, primary: true }];
  const primaryIndex = Math.max(0, list.findIndex((m) => m.primary));
  let nextX = 0;
  return list.map((m, i) => {
    const x = m.x ?? nextX;
    nextX = x + m.width;
    return { id: String(i + 1), name: String(i + 1), x, y: m.y ?? 0, width: m.width, height: m.height, primary: i === primaryIndex };
  });
}

const DAY = (d: number) => new Date(Date.UTC(2025, 2, d, 9 + (d % 7), (d * 13) % 60)).toISOString().slice(0, 16).replace('T', ' ');

/** A plausible home folder, the same on every call (Explorer's default listing). */
export function defaultListing(path: string): FileEntry[] {
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const folders = (names: string[]) => names.map((name, i) => ({ name, kind: 'folder' as const, modified: DAY(i + 2) }));
  const files = (list: [string, number][]) => list.map(([name, size], i) => ({ name, kind: 'file' as const, size, modified: DAY(i + 10) }));
  switch (last.toLowerCase()) {
    case 'documents':
      return [...folders(['Invoices', 'Projects']), ...files([['Budget 2025.xlsx', 48_213], ['Printer setup.pdf', 391_044], ['Quarterly report.docx', 120_556], ['notes.txt', 1_204]])];
    case 'downloads':
      return files([['driver-update.zip', 12_845_112], ['remote-support-setup.msi', 3_411_968], ['screenshot.png', 245_112]]);
    case 'desktop':
      return files([['Shortcuts.txt', 412], ['VPN instructions.pdf', 88_104]]);
    case 'pictures':
      return [...folders(['Holiday']), ...files([['scan-001.jpg', 1_204_556], ['whiteboard.png', 845_003]])];
    case 'invoices':
      return files([['INV-1042.pdf', 52_300], ['INV-1043.pdf', 51_980]]);
    case 'projects':
    case 'holiday':
      return [];
    default:
      return folders(['Desktop', 'Documents', 'Downloads', 'Music', 'Pictures', 'Videos']);
  }
}
