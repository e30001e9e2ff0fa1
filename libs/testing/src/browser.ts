import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// Types only here: playwright-core is loaded when a suite launches the browser, not by every
// spec that imports @app/testing.
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium, which `bash tools/ensure-chromium.sh` installs (npm test and .ci/run run it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The password of every demo account the seed creates (SEED_DEMO_DATA). */
export const DEMO_PASSWORD = 'demo-password-123';
/** How long a browser step waits for what it expects before failing. */
export const BROWSER_WAIT_MS = 30_000;

export interface TestBrowser {
  /** One persistent profile: tabs share its cookies, so log in through `loginInBrowser`. */
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Headless Chromium on a throwaway profile, with what a shared CI machine needs (no GPU, no background traffic). */
export async function launchBrowser(opts: { acceptDownloads?: boolean } = {}): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: bash tools/ensure-chromium.sh installs it (npm test and .ci/run run it)`);
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true, // playwright passes --headless itself
      acceptDownloads: opts.acceptDownloads ?? false,
      viewport: { width: 1366, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return {
      context,
      close: async () => {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

/**
 * A fresh tab logged in as `email` through the web app's login form. Tabs share the profile, so
 * whoever logged in before (the session cookie) and their drafts in localStorage are dropped first.
 */
export async function loginInBrowser(context: BrowserContext, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL((u) => u.pathname !== '/login', { waitUntil: 'commit' });
  await page.getByTestId('whoami').waitFor();
  return page;
}
