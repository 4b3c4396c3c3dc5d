/** Logging in through the real login forms in Chromium: /login (administrative interface) and /console. */
import type { Page } from '@playwright/test';
import { DEMO } from './appliance.js';

interface Credentials {
  username: string;
  password: string;
}

/** Logs in on /login (the demo administrator unless told otherwise). */
export async function logInToAdmin(page: Page, siteUrl: string, who: Credentials = DEMO.admin): Promise<void> {
  await page.goto(`${siteUrl}/login`);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

/** Logs in on /console. */
export async function logInToConsole(page: Page, siteUrl: string, who: Credentials): Promise<void> {
  await page.goto(`${siteUrl}/console`);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log In' }).click();
}
