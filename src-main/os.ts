/**
 * OS integration (decisions in logic/os-integration.ts): the count of waiting sessions on the
 * badge / tray / window title, desktop notifications, and the native save / open dialogs the
 * console uses for file transfer and screenshots.
 */
import { app, dialog, nativeImage, Notification, Tray, type BrowserWindow } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenedFiles, SavedFile, SaveFileKind } from './logic/ipc-channels.js';
import { baseName, notificationPlan, openDialogPlan, saveDialogPlan, savePathFor, unreadableReason, uploadSelection, waitingIndicators } from './logic/os-integration.js';
import { BADGE_SIZE, badgeBitmap } from './logic/overlay-badge.js';

export interface OsIntegration {
  setWaiting(waiting: number): void;
  /** The site name shown in the title and tray (null: the embedded demo site). */
  setSite(site: string | null): void;
  /** Shows the tray tooltip and the taskbar overlay's description again, in the rep's new language. */
  reword(): void;
  notify(title: string, body: string): void;
  saveFile(kind: SaveFileKind, suggestedName: string, data: Uint8Array): Promise<SavedFile>;
  openFiles(): Promise<OpenedFiles>;
  destroy(): void;
}

export function createOsIntegration(window: () => BrowserWindow | null, iconPath: string | null, report: (message: string, error?: unknown) => void): OsIntegration {
  let waiting = 0;
  let site: string | null = null;
  let tray: Tray | null = null;
  try {
    const icon = iconPath ? nativeImage.createFromPath(iconPath) : nativeImage.createEmpty();
    if (!icon.isEmpty()) {
      tray = new Tray(icon.resize({ width: 16, height: 16 }));
      tray.on('click', () => {
        const w = window();
        if (w && !w.isDestroyed()) {
          if (w.isMinimized()) w.restore();
          w.show();
          w.focus();
        }
      });
    }
  } catch (error) {
    report('No tray icon on this desktop.', error);
  }

  const apply = () => {
    const plan = waitingIndicators(waiting, site);
    app.setBadgeCount(plan.badgeCount);
    tray?.setToolTip(plan.trayTooltip);
    const w = window();
    if (w && !w.isDestroyed()) {
      w.setTitle(plan.windowTitle);
      if (process.platform === 'win32') {
        w.flashFrame(plan.badgeCount > 0 && !w.isFocused());
        // Windows has no app badge: the taskbar button gets an overlay with the count instead.
        const overlay = plan.overlayText ? nativeImage.createFromBitmap(badgeBitmap(plan.overlayText), { width: BADGE_SIZE, height: BADGE_SIZE }) : null;
        w.setOverlayIcon(overlay, plan.overlayDescription);
      }
    }
  };

  const parent = () => {
    const w = window();
    return w && !w.isDestroyed() ? w : null;
  };

  return {
    setWaiting(n) {
      waiting = n;
      apply();
    },
    setSite(s) {
      site = s;
      apply();
    },
    reword: apply,
    notify(title, body) {
      const plan = notificationPlan(title, body, parent()?.isFocused() ?? false);
      // Not every Linux desktop runs a notification daemon; the console has its own in-window popups.
      if (!plan || !Notification.isSupported()) return;
      const n = new Notification({ title: plan.title, body: plan.body, silent: plan.silent });
      n.on('click', () => {
        const w = parent();
        if (w) {
          w.show();
          w.focus();
        }
      });
      n.show();
    },
    async saveFile(kind, suggestedName, data) {
      const plan = saveDialogPlan(kind, suggestedName);
      const folder = app.getPath(plan.folder);
      const options = { title: plan.title, defaultPath: join(folder, plan.fileName), filters: plan.filters };
      const w = parent();
      const r = await (w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options));
      const path = r.canceled ? null : savePathFor(r.filePath);
      if (!path) return { saved: false };
      await writeFile(path, data);
      return { saved: true, fileName: baseName(path) };
    },
    async openFiles() {
      const options = openDialogPlan();
      const w = parent();
      const r = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
      if (r.canceled) return { files: [], refused: [] };
      const unreadable: OpenedFiles['refused'] = [];
      // Only the paths the dialog returned are read: the page never names a path.
      const stated = await Promise.all(
        r.filePaths.map(async (path) => {
          const s = await stat(path).catch(() => null);
          if (!s?.isFile()) unreadable.push({ name: baseName(path), reason: unreadableReason() });
          return s?.isFile() ? { path, size: s.size, lastModified: Math.floor(s.mtimeMs) } : null;
        }),
      );
      const sized = stated.filter((f) => f !== null);
      const { accepted, refused } = uploadSelection(sized);
      const modified = new Map(sized.map((f) => [f.path, f.lastModified]));
      const read = await Promise.all(
        accepted.map(async (f) => {
          const data = await readFile(f.path).catch(() => null);
          if (!data) unreadable.push({ name: f.name, reason: unreadableReason() });
          return data ? { name: f.name, data: new Uint8Array(data), lastModified: modified.get(f.path) ?? 0 } : null;
        }),
      );
      const files = read.filter((f) => f !== null);
      return { files, refused: [...refused, ...unreadable] };
    },
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}
