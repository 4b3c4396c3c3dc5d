/**
 * The desktop console and the OS (FEATURES.md §H): the count of waiting sessions on the dock /
 * taskbar badge, the tray tooltip and the window title; the notification when a session lands in
 * one of the rep's queues; the native open/save dialogs for file transfer and screenshots. Plain
 * decisions here; src-main/os.ts hands them to Electron. Everything a rep reads is worded in their
 * language when asked for (desktop-words.ts).
 */
import { word } from './desktop-words.js';

/** What shows the number of sessions waiting in the rep's queues. */
export interface WaitingIndicators {
  /** app.setBadgeCount (macOS dock, Linux Unity launchers); 0 clears it. */
  readonly badgeCount: number;
  /** Windows taskbar overlay text ("9+" past 9), null to clear it. */
  readonly overlayText: string | null;
  /** The overlay's accessible description. */
  readonly overlayDescription: string;
  readonly trayTooltip: string;
  readonly windowTitle: string;
}

export const APP_TITLE = 'Rep Console';

export function waitingIndicators(waiting: number, site: string | null = null): WaitingIndicators {
  const n = Number.isSafeInteger(waiting) && waiting > 0 ? waiting : 0;
  const sessions = word('desktop.waiting.count', { count: n });
  const state = n === 0 ? word('desktop.waiting.none') : sessions;
  const where = site ? ` — ${site}` : '';
  return {
    badgeCount: n,
    overlayText: n === 0 ? null : n > 9 ? '9+' : String(n),
    overlayDescription: sessions,
    trayTooltip: site ? word('desktop.waiting.tooltipSite', { app: APP_TITLE, site, waiting: state }) : word('desktop.waiting.tooltip', { app: APP_TITLE, waiting: state }),
    windowTitle: n === 0 ? `${APP_TITLE}${where}` : `(${n}) ${APP_TITLE}${where}`,
  };
}

export interface NotificationPlan {
  readonly title: string;
  readonly body: string;
  /** Quiet when the window is focused (the console shows its own popup then). */
  readonly silent: boolean;
}

/**
 * Whether and how to show a desktop notification the console asked for (new session in a queue,
 * chat while away): never while the rep is looking at the window (the page has its own popup);
 * text kept to one short line each, control characters out.
 */
export function notificationPlan(title: string, body: string, windowFocused: boolean): NotificationPlan | null {
  if (windowFocused) return null;
  // eslint-disable-next-line no-control-regex
  const clean = (s: string, max: number) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
  const t = clean(title, 64);
  if (!t) return null;
  return { title: t, body: clean(body, 240), silent: false };
}

export type SaveKind = 'file' | 'screenshot';

/** A name safe on Windows, macOS and Linux: no path, no reserved characters or device names. */
export function safeFileName(name: string, fallback = 'download'): string {
  // eslint-disable-next-line no-control-regex
  let n = name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[\s._]+|[\s.]+$/g, '')
    .slice(0, 200);
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(n)) n = `_${n}`;
  return n || fallback;
}

export interface SaveDialogPlan {
  readonly title: string;
  /** Joined with the folder (Downloads or Pictures) by the main process. */
  readonly fileName: string;
  readonly folder: 'downloads' | 'pictures';
  readonly filters: { name: string; extensions: string[] }[];
}

/** The save dialog for a file the rep downloads from the remote computer, or a screenshot. */
export function saveDialogPlan(kind: SaveKind, suggestedName: string): SaveDialogPlan {
  if (kind === 'screenshot') {
    const base = safeFileName(suggestedName, 'screenshot').replace(/\.png$/i, '');
    return { title: word('desktop.save.screenshotTitle'), fileName: `${base}.png`, folder: 'pictures', filters: [{ name: word('desktop.save.pngImage'), extensions: ['png'] }] };
  }
  return { title: word('desktop.save.fileTitle'), fileName: safeFileName(suggestedName), folder: 'downloads', filters: [{ name: word('desktop.save.allFiles'), extensions: ['*'] }] };
}

/**
 * Where a save dialog's answer is written: exactly the path the rep picked, never a folder or name
 * the page chose (nothing is appended: a silently added ".png" could replace a file the rep was never
 * asked about). Null for an answer that is not an absolute path to a file.
 */
export function savePathFor(picked: string | undefined): string | null {
  if (!picked || !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(picked) || /[\\/]$/.test(picked)) return null;
  return picked;
}

/** The open dialog for files the rep uploads to the remote computer. */
export function openDialogPlan(): { title: string; properties: ('openFile' | 'multiSelections')[] } {
  return { title: word('desktop.open.title'), properties: ['openFile', 'multiSelections'] };
}

/** Largest file the dialogs move through IPC, and most files per upload. */
export const DIALOG_LIMITS = { maxFileBytes: 256 * 1024 * 1024, maxFiles: 20 } as const;

/** The last segment of a Windows or POSIX path (the path itself when it has none). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** Why a picked file was not read (it vanished, is a folder, or cannot be opened). */
export const unreadableReason = (): string => word('desktop.upload.unreadable');

/** Which of the picked files can be read (size known beforehand), with a reason for each refused one. */
export function uploadSelection(files: readonly { path: string; size: number }[]): { accepted: { path: string; name: string }[]; refused: { name: string; reason: string }[] } {
  const accepted: { path: string; name: string }[] = [];
  const refused: { name: string; reason: string }[] = [];
  let total = 0;
  for (const f of files) {
    const name = baseName(f.path);
    if (accepted.length >= DIALOG_LIMITS.maxFiles) refused.push({ name, reason: word('desktop.upload.tooMany', { max: DIALOG_LIMITS.maxFiles }) });
    else if (f.size > DIALOG_LIMITS.maxFileBytes || total + f.size > DIALOG_LIMITS.maxFileBytes) refused.push({ name, reason: word('desktop.upload.tooLarge', { size: DIALOG_LIMITS.maxFileBytes / (1024 * 1024) }) });
    else {
      total += f.size;
      accepted.push({ path: f.path, name });
    }
  }
  return { accepted, refused };
}
