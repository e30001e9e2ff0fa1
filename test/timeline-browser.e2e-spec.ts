import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, gql, launchBrowser, loginInBrowser, ok, Platform, projectFile, PLATFORM_START_MS, startPlatform, type TestBrowser } from '@app/testing';

/**
 * The attempt timeline and code playback driven by a real browser (Debian's Chromium, the
 * platform's built web app, API, worker, PostgreSQL, Redis, demo data): the candidate reads what
 * is recorded, starts, pastes code from outside the page, switches to another tab and back, and
 * submits; the recruiter's GraphQL timeline shows the paste and the focus loss, and the playback
 * replays to the submitted code, in GraphQL and on the recruiter's timeline page.
 */
const SHOTS = projectFile('test-artifacts/screenshots');
const LEDGERS = JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as {
  referenceSolutions: { language: string; source: string }[];
};
const RIGHT = LEDGERS.referenceSolutions[0].source;

interface TimelineEvent {
  type: string;
  problemId: string | null;
  chars: number | null;
  external: boolean | null;
  cause: string | null;
  offsetSeconds: number;
}

describe('attempt timeline and playback in a real browser', () => {
  let p: Platform;
  let browser: TestBrowser;
  const must = async <T = any>(q: string, v: Record<string, unknown> = {}, token?: string): Promise<T> => ok(await gql<T>(p.url, q, v, token));
  const tokenOf = async (email: string) =>
    (await must(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email, password: DEMO_PASSWORD } })).login.accessToken as string;

  const loginPage = (email: string): Promise<Page> => loginInBrowser(browser.context, p.url, email);

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    p = await startPlatform({ env: { SEED_DEMO_DATA: 'true' } });
  }, PLATFORM_START_MS);

  let failed = false;
  afterEach(async () => {
    for (const [i, page] of browser?.context.pages().entries() ?? []) {
      if (page.url() === 'about:blank') continue;
      failed = true;
      await page.screenshot({ path: path.join(SHOTS, `failure-timeline-${i}.png`) }).catch(() => undefined);
      await page.close();
    }
  }, 30_000);

  afterAll(async () => {
    if (p && failed) fs.writeFileSync(projectFile('test-artifacts/timeline-e2e-platform.log'), [p.api, ...p.workers].map((x) => x.stdout() + x.stderr()).join('\n----\n'));
    await browser?.close();
    await p?.stop();
  }, 60_000);

  it('records a paste from outside and a tab switch, and replays the code to the submission', async () => {
    const page = await loginPage('candidate@example.com');
    await page.goto(`${p.url}/invite/demo-invitation-backend-intern`);
    // Before starting, the candidate reads exactly what is recorded.
    const notice = page.getByTestId('recording-notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/Pastes into the editor.*focus.*Your code every few seconds/s);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/attempts\/[^/]+$/, { waitUntil: 'commit' });
    const attemptId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('tab', { name: /Reconcile Two Payment Ledgers/i }).click();

    // Typed first, then replaced by a paste of text copied somewhere else (not in this page).
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('function reconcileLedgers(ours, theirs) {\n');
    await page.waitForTimeout(5500); // one batch interval: a snapshot of the typed code goes out
    await page.keyboard.press('ControlOrMeta+A');
    await editor.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, RIGHT);
    await page.locator('.cm-content').filter({ hasText: 'sums.set(id, (sums.get(id) ?? 0) + cents)' }).waitFor();

    // A switch to another tab and back. Headless Chromium keeps every tab visible and focused
    // (seen here: bringToFront of another tab fires neither visibilitychange nor blur), so the
    // page gets what a real switch delivers: the document turns hidden, the window loses focus,
    // then both come back.
    const tabSwitch = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event(h ? 'blur' : 'focus'));
      }, hidden);
    await tabSwitch(true);
    await page.waitForTimeout(1500);
    await tabSwitch(false);

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const verdict = page.locator('[data-testid="latest-result"][data-kind="SUBMISSION"][data-state="FINISHED"]');
    await verdict.waitFor({ timeout: 60_000 });

    const rec = await tokenOf('recruiter@example.com');
    const read = async () =>
      (
        await must(
          `query($id: ID!) { attemptTimeline(attemptId: $id) { events { type problemId chars external cause offsetSeconds } summary { pastes externalPastes largePastes focusLosses submits text } playback { problemId snapshots } } }`,
          { id: attemptId },
          rec,
        )
      ).attemptTimeline as { events: TimelineEvent[]; summary: Record<string, number | string>; playback: { problemId: string; snapshots: number }[] };
    // The browser sends a batch every 5 s: wait for the one with the paste and the focus loss.
    let t = await read();
    for (let i = 0; i < 30 && !(t.events.some((e) => e.type === 'PASTE') && t.events.some((e) => e.type === 'FOCUS_LOST')); i++) {
      await page.waitForTimeout(1000);
      t = await read();
    }
    const paste = t.events.find((e) => e.type === 'PASTE');
    expect(paste).toMatchObject({ chars: RIGHT.length, external: true });
    // One loss (the hidden document; the window's blur while already away is not a second one).
    expect(t.events.filter((e) => e.type === 'FOCUS_LOST')).toEqual([expect.objectContaining({ cause: 'hidden' })]);
    expect(t.events.map((e) => e.type)).toEqual(expect.arrayContaining(['PROBLEM_OPENED', 'PASTE', 'FOCUS_LOST', 'FOCUS_REGAINED', 'SUBMIT']));
    expect(t.summary).toMatchObject({ pastes: 1, externalPastes: 1, largePastes: 1, focusLosses: 1, submits: 1 });

    const ledgers = paste!.problemId!;
    const pb = (
      await must(`query($a: ID!, $p: ID!) { attemptPlayback(attemptId: $a, problemId: $p) { total frames { reason code } } }`, { a: attemptId, p: ledgers }, rec)
    ).attemptPlayback as { total: number; frames: { reason: string; code: string }[] };
    expect(pb.frames.length).toBeGreaterThanOrEqual(2);
    expect(pb.frames.some((f) => f.code.startsWith('function reconcileLedgers(ours, theirs) {\n') && !f.code.includes('sums'))).toBe(true);
    expect(pb.frames.at(-1)).toEqual({ reason: 'SUBMIT', code: RIGHT });
    await page.close();

    // The recruiter's page: the summary, the events, and the slider ending on the submitted code.
    const rp = await loginPage('recruiter@example.com');
    await rp.goto(`${p.url}/recruiter/attempts/${attemptId}/timeline`);
    await rp.getByTestId('timeline-summary').waitFor();
    await expect(rp.getByTestId('timeline-summary').textContent()).resolves.toMatch(/1 paste of 200\+ characters/);
    const code = rp.getByTestId('playback-code');
    await code.waitFor();
    await expect(code.getAttribute('data-reason')).resolves.toBe('SUBMIT');
    expect(await code.textContent()).toBe(RIGHT);
    await rp.getByTestId('playback-slider').fill('0');
    await expect(code.textContent()).resolves.not.toBe(RIGHT);
    await rp.screenshot({ path: path.join(SHOTS, '12-attempt-timeline.png'), fullPage: true });
    await rp.close();
  }, 180_000);
});
