/**
 * Downloads in the console window (decisions in logic/downloads.ts): File Transfer's downloads and
 * anything else the site's page offers go through the native save dialog — suggested name and
 * folder, a filter for the file's type — and are streamed by Electron to exactly the path the rep
 * picked; downloads from anywhere else are cancelled before anything is written.
 */
import { app, type Session } from 'electron';
import { join } from 'node:path';
import { downloadDecision } from './logic/downloads.js';

/** Installs the save-dialog rule on `ses`, for the site the window shows (`siteOrigin()`, asked per download). */
export function guardDownloads(ses: Session, siteOrigin: () => string | null, report: (message: string, error?: unknown) => void): void {
  ses.on('will-download', (event, item) => {
    const d = downloadDecision(item.getURL(), item.getFilename(), siteOrigin());
    if (!d.allow) {
      event.preventDefault();
      report(`Refused a download: ${d.reason}.`);
      return;
    }
    // No save path set: Electron asks with this dialog, and a cancelled dialog cancels the download.
    item.setSaveDialogOptions({ title: d.title, defaultPath: join(app.getPath(d.folder), d.fileName), filters: d.filters, properties: ['createDirectory', 'showOverwriteConfirmation'] });
    item.once('done', (_e, state) => {
      if (state === 'interrupted') report(`The download of ${d.fileName} was interrupted.`);
    });
  });
}
