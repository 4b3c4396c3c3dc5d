/**
 * Sites in the app (decisions in logic/sites.ts, logic/certificates.ts, logic/site-prompt.ts):
 * the "Connect to Another Site…" prompt, the question before a `.brcs` file connects to a site the
 * console never used, and certificate errors — shown with the certificate's details, trusted only
 * when the rep says so (and then pinned for that site), never silently.
 */
import { app, BrowserWindow, dialog, session, type Certificate, type WebContents } from 'electron';
import { certificateDialog, decideCertificateError, pinnedCertificate } from './logic/certificates.js';
import { readSitePrompt, sitePromptUrl } from './logic/site-prompt.js';
import { word } from './logic/desktop-words.js';
import { unknownSiteQuestion, type SitesStore } from './logic/sites.js';

/** Asks for a site address; resolves with its origin, or null when the rep cancels. */
export function promptForSite(parent: BrowserWindow | null, recent: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    const win = new BrowserWindow({
      width: 480,
      height: 330,
      resizable: false,
      minimizable: false,
      maximizable: false,
      title: word('desktop.sitePrompt.title'),
      modal: parent !== null,
      ...(parent ? { parent } : {}),
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
    });
    let done = false;
    const finish = (origin: string | null) => {
      if (done) return;
      done = true;
      resolve(origin);
      if (!win.isDestroyed()) win.close();
    };
    win.webContents.on('will-navigate', (event) => {
      event.preventDefault();
      const r = readSitePrompt(event.url);
      if (!r || r.kind === 'cancel') return finish(null);
      if (r.result.ok) return finish(r.result.origin);
      void win.loadURL(sitePromptUrl({ value: r.input, error: r.result.message, recent }));
    });
    win.on('closed', () => finish(null));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(sitePromptUrl({ recent }));
  });
}

/** The question before a `.brcs` file (or a link) connects to a site this console never used. */
export async function confirmUnknownSite(parent: BrowserWindow | null, origin: string): Promise<boolean> {
  const options = { type: 'question' as const, ...unknownSiteQuestion(origin) };
  const r = await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  return r.response === 1;
}

/**
 * Certificate errors: the current site's pinned certificate passes Chromium's verification (also
 * for main-process requests), every other failure reaches 'certificate-error', where the rep sees
 * the details and decides.
 */
export function guardCertificates(sites: SitesStore, currentOrigin: () => string | null, parent: () => BrowserWindow | null, report: (m: string) => void): void {
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (request.errorCode === 0) return callback(-3);
    const origin = currentOrigin();
    void sites.get(origin ?? '').then((site) => {
      const d = decideCertificateError({ url: `https://${request.hostname}/`, error: request.verificationResult, certificate: request.certificate, siteOrigin: origin, site, now: new Date() });
      callback(d.action === 'trust' ? 0 : -3);
    }, () => callback(-3));
  });

  app.on('certificate-error', (event, _contents: WebContents, url: string, error: string, certificate: Certificate, callback: (trust: boolean) => void) => {
    event.preventDefault();
    const origin = currentOrigin();
    void (async () => {
      const site = origin ? await sites.get(origin) : null;
      const d = decideCertificateError({ url, error, certificate, siteOrigin: origin, site, now: new Date() });
      if (d.action === 'trust') return callback(true);
      if (d.action === 'refuse') {
        report(`Refused a certificate for ${url}: ${d.reason}`);
        return callback(false);
      }
      const w = parent();
      const r = await (w ? dialog.showMessageBox(w, { type: 'warning', ...certificateDialog(d.details) }) : dialog.showMessageBox({ type: 'warning', ...certificateDialog(d.details) }));
      if (r.response === 1) {
        await sites.trustCertificate(d.details.origin, pinnedCertificate(certificate));
        return callback(true);
      }
      callback(false);
    })().catch(() => callback(false));
  });
}
