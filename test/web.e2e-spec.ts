import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  BROWSER_WAIT_MS as WAIT,
  DEMO_PASSWORD as PASSWORD,
  gql,
  launchBrowser,
  loginInBrowser,
  ok,
  Platform,
  projectFile,
  PLATFORM_START_MS,
  startPlatform,
  type TestBrowser,
} from '@app/testing';

/**
 * The web app in Debian's Chromium against the real platform (API serving the built app,
 * worker, PostgreSQL, Redis) with the seeded demo data: a candidate applies and takes the
 * assessment with a live verdict; an interviewer sees colleagues' scorecards only after
 * submitting theirs; a recruiter reads the shortlist and downloads the CSV.
 */
const SHOTS = projectFile('test-artifacts/screenshots');
const bankFile = (slug: string) =>
  JSON.parse(fs.readFileSync(projectFile(`libs/assessments/data/problems/${slug}.json`), 'utf8')) as {
    referenceSolutions: { language: string; source: string }[];
  };
const LEDGERS = bankFile('reconcile-ledgers');
const RIGHT = LEDGERS.referenceSolutions[0].source;
const RIGHT_PY = LEDGERS.referenceSolutions.find((s) => s.language === 'python')!.source;
const PRACTICE_RIGHT = bankFile('two-sum').referenceSolutions[0].source;
/** axe-core, evaluated in the page through the DevTools protocol (a <script> tag would break the CSP). */
const AXE = fs.readFileSync(projectFile('node_modules/axe-core/axe.min.js'), 'utf8');

describe('web app in a real browser', () => {
  let p: Platform;
  let browser: TestBrowser;
  /** Every Content-Security-Policy violation any page reported: the app must run under the policy. */
  const cspViolations: string[] = [];
  const must = async <T = any>(q: string, v: Record<string, unknown> = {}, token?: string): Promise<T> =>
    ok(await gql<T>(p.url, q, v, token));
  const tokenOf = async (email: string) =>
    (await must(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email, password: PASSWORD } })).login
      .accessToken as string;

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** Runs axe on the page as it is: no serious or critical violation. */
  const axe = async (page: Page, where: string) => {
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const run = (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              o: object,
            ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run;
      const r = await run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
    });
    expect({ where, violations }).toEqual({ where, violations: [] });
  };
  /** A fresh tab logged in as `email` through the login form. */
  const loginPage = (email: string, password = PASSWORD): Promise<Page> => loginInBrowser(browser.context, p.url, email, password);

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser({ acceptDownloads: true });
    p = await startPlatform({ env: { SEED_DEMO_DATA: 'true' } });
    browser.context.on('page', (page) =>
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
      }),
    );
  }, PLATFORM_START_MS);

  // Every test closes its tab when it passes: a tab still open belongs to a failure, so keep
  // what it showed and, at the end, the processes' logs (failures seen only on CI need them).
  let failed = false;
  afterEach(async () => {
    for (const [i, page] of browser?.context.pages().entries() ?? []) {
      if (page.url() === 'about:blank') continue;
      failed = true;
      await page
        .screenshot({ path: path.join(SHOTS, `failure-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 80)}-${i}.png`) })
        .catch(() => undefined);
      await page.close();
    }
  }, 30_000);

  afterAll(async () => {
    if (p && failed)
      fs.writeFileSync(
        projectFile('test-artifacts/web-e2e-platform.log'),
        [p.api, ...p.workers].map((x) => x.stdout() + x.stderr()).join('\n----\n'),
      );
    await browser?.close();
    await p?.stop();
  }, 60_000);

  it('serves the app at / with a fallback for client routes, and leaves the API routes alone', async () => {
    const home = await fetch(`${p.url}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    expect(home.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(home.headers.get('x-frame-options')).toBe('DENY');
    const deep = await fetch(`${p.url}/invite/some-token`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${p.url}/health`)).status).toBe(200);
    expect(
      (await fetch(`${p.url}/jobs/00000000-0000-4000-8000-000000000000/shortlist.csv`, { headers: { accept: 'text/html' } })).status,
    ).toBe(401);
  }, 30_000);

  it('a new candidate signs up, applies with the screening questions and sees the status', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(`${p.url}/`);
    await page.getByRole('link', { name: 'Backend Engineer Intern' }).first().waitFor();
    await shot(page, '01-jobs');
    await axe(page, 'jobs');
    await page.getByRole('link', { name: 'Log in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.waitForFunction(() => document.title === 'Log in · Hiring platform');
    await axe(page, 'login');
    await page.getByRole('button', { name: 'New candidate? Create an account' }).click();
    await page.getByLabel('Name').fill('Wendy Web');
    await page.getByLabel('Email').fill('wendy@example.com');
    await page.getByLabel('Password').fill('wendy-password-1');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'My applications' }).waitFor();

    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.getByRole('link', { name: 'Backend Engineer Intern' }).first().click();
    const form = page.getByRole('form', { name: 'Application' });
    await form.waitFor();
    await form.getByLabel('Skills').fill('Node.js:4, PostgreSQL:3, Git:4');
    await form.locator('select[name="work-authorization"]').selectOption('true');
    await form.locator('input[name="availability-months"]').fill('6');
    await form.locator('select[name="degree-program"]').selectOption('Yes, in Computer Science');
    await form.locator('input[name="backend-language-proficiency"]').fill('4');
    await form.locator('select[name="sql-experience"]').selectOption('I used a SQL database in a project');
    await form.locator('select[name="git-experience"]').selectOption('true');
    await form.locator('input[name="dsa-self-assessment"]').fill('4');
    await form
      .locator('textarea[name="problem-solving-example"]')
      .fill('Profiling showed one query per list item; I batched them into a join and the endpoint went from 4 s to 120 ms.');
    await form.getByLabel('Résumé').fill('Wendy Web. BS Computer Science student; built a REST API in Node.js with PostgreSQL.');
    await shot(page, '02-apply');
    await axe(page, 'job and application form');
    await form.getByRole('button', { name: 'Submit application' }).click();

    const app = page.getByTestId('application').filter({ hasText: 'Backend Engineer Intern' });
    await app.waitFor();
    // A screened application is still being decided on: the candidate reads "Under review".
    await expect(app.textContent()).resolves.toMatch(/Status: Under review/);
    await page.close();
  }, 60_000);

  it('the demo candidate opens the invitation, starts, runs and submits, and the verdict arrives live', async () => {
    const page = await loginPage('candidate@example.com');
    await page.goto(`${p.url}/invite/demo-invitation-backend-intern`);
    await page.getByRole('heading', { name: 'Assessment invitation' }).waitFor();

    // Before the clock starts: a practice problem, judged like the real ones but never scored.
    await page.getByRole('link', { name: 'Try a practice problem' }).click();
    await page.waitForURL(/\/attempts\/[^/]+\/practice$/, { waitUntil: 'commit' });
    await page.getByRole('tab', { name: /Two Sum \(practice\)/ }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(PRACTICE_RIGHT);
    await expect(page.getByRole('button', { name: 'Run', exact: true }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const practised = page.locator('[data-testid="latest-result"][data-kind="PRACTICE"][data-state="FINISHED"]');
    await practised.waitFor({ timeout: 90_000 });
    await expect(practised.getAttribute('data-verdict')).resolves.toBe('ACCEPTED');
    await axe(page, 'practice');
    await page.goto(`${p.url}/invite/demo-invitation-backend-intern`);
    await page.getByRole('heading', { name: 'Assessment invitation' }).waitFor();

    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/attempts\/[^/]+$/, { waitUntil: 'commit' });
    await page.getByTestId('countdown').waitFor();
    await expect(page.getByTestId('countdown').textContent()).resolves.toMatch(/Time left (\d+:)?\d\d:\d\d/);
    await page.getByRole('tab', { name: /Reconcile Two Payment Ledgers/i }).click();

    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(RIGHT);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-testid="latest-result"][data-kind="RUN"][data-state="FINISHED"]').waitFor({ timeout: 60_000 });

    // The draft survives a reload.
    await page.reload();
    await page.locator('.cm-content').filter({ hasText: 'sums.set(id, (sums.get(id) ?? 0) + cents)' }).waitFor();

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const verdict = page.locator('[data-testid="latest-result"][data-kind="SUBMISSION"][data-state="FINISHED"]');
    await verdict.waitFor({ timeout: 60_000 });
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe('ACCEPTED');
    await expect(verdict.locator('summary').textContent()).resolves.toMatch(/ACCEPTED/);
    await page.getByRole('tab', { name: /Reconcile Two Payment Ledgers \(100\/100\)/ }).waitFor();
    await shot(page, '03-assessment-verdict');
    await axe(page, 'attempt');

    // The problems are a tablist: one tab stop, arrow keys move and select, each tab controls its panel.
    const tabs = page.getByRole('tab');
    expect(await tabs.count()).toBeGreaterThan(1);
    const selected = page.locator('[role="tab"][aria-selected="true"]');
    const first = await selected.getAttribute('id');
    await expect(selected.getAttribute('aria-controls')).resolves.toBe(await page.getByRole('tabpanel').getAttribute('id'));
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await expect(selected.getAttribute('id')).resolves.not.toBe(first);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).resolves.toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect(selected.getAttribute('id')).resolves.toBe(first);

    // Python: the picker offers the problem's languages, loads the Python starter, and the
    // worker judges it; the JavaScript code stays for when the candidate switches back.
    const picker = page.getByRole('combobox', { name: 'Language' });
    await expect(picker.locator('option').allTextContents()).resolves.toEqual(['JavaScript', 'TypeScript', 'Python']);
    await picker.selectOption('PYTHON');
    await page.locator('.cm-content').filter({ hasText: 'def reconcile_ledgers(ours: list[list], theirs: list[list])' }).waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(RIGHT_PY);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const pyVerdict = page.locator('[data-testid="latest-result"][data-kind="SUBMISSION"][data-state="FINISHED"][data-language="PYTHON"]');
    await pyVerdict.waitFor({ timeout: 90_000 });
    await expect(pyVerdict.getAttribute('data-verdict')).resolves.toBe('ACCEPTED');
    await picker.selectOption('JAVASCRIPT');
    await page.locator('.cm-content').filter({ hasText: 'sums.set(id, (sums.get(id) ?? 0) + cents)' }).waitFor();

    // The SQL problem offers only SQL and shows its schema and sample rows as tables.
    await page.getByRole('tab', { name: /Endpoints Ranked by Error Rate/i }).click();
    await expect(picker.locator('option').allTextContents()).resolves.toEqual(['SQL']);
    await expect(page.getByTestId('sql-schema').textContent()).resolves.toContain('CREATE TABLE requests');
    const requests = page.locator('table.sql-rows').filter({ has: page.locator('caption', { hasText: /^requests$/ }) }).first();
    await expect(requests.locator('thead th').allTextContents()).resolves.toEqual(['id', 'endpoint', 'status', 'latency_ms']);
    await axe(page, 'SQL problem');
    await page.getByRole('tab', { name: /Reconcile Two Payment Ledgers/i }).click();

    // Finishing asks in an in-page dialog (no confirm()); Cancel keeps the attempt open.
    await page.getByRole('button', { name: 'Finish now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Finish the assessment now?' });
    await dialog.waitFor();
    await axe(page, 'finish dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByTestId('attempt-status').textContent()).resolves.toBe('In progress');
    await page.close();
  }, 120_000);

  it('an interviewer sees the other scorecards only after submitting their own', async () => {
    // Setup through the API: the recruiter schedules two interviews of the demo application,
    // and the second interviewer has already submitted.
    const rec = await tokenOf('recruiter@example.com');
    const iris = await tokenOf('interviewer2@example.com');
    const cand = await tokenOf('candidate@example.com');
    const appId = (await must(`{ myApplications { items { id } } }`, {}, cand)).myApplications.items[0].id as string;
    const interviewers = (await must(`{ users(role: INTERVIEWER, limit: 20) { items { id email } } }`, {}, rec)).users.items as {
      id: string;
      email: string;
    }[];
    const rubric = (await must(`{ rubrics { id key criteria { key kind } } }`, {}, rec)).rubrics.find(
      (r: { key: string }) => r.key === 'backend-engineer-intern',
    );
    const schedule = async (email: string, at: string) =>
      (
        await must(
          `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
          {
            i: {
              applicationId: appId,
              interviewerId: interviewers.find((u) => u.email === email)!.id,
              rubricId: rubric.id,
              kind: 'CODING_FUNDAMENTALS',
              scheduledAt: at,
            },
          },
          rec,
        )
      ).scheduleInterview.id as string;
    const irisInterview = await schedule('interviewer2@example.com', '2030-01-15T10:00:00Z');
    await schedule('interviewer@example.com', '2030-01-15T12:00:00Z');
    const keys = (rubric.criteria as { key: string; kind: string }[]).filter((c) => c.kind === 'CODING_FUNDAMENTALS').map((c) => c.key);
    await must(
      `mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id } }`,
      {
        i: {
          interviewId: irisInterview,
          recommendation: 'STRONG_YES',
          notes: 'Iris: clear reasoning throughout',
          ratings: keys.map((k) => ({ criterionKey: k, rating: 3 })),
        },
      },
      iris,
    );

    const page = await loginPage('interviewer@example.com');
    await page.getByRole('link', { name: 'My interviews' }).click();
    await page.getByRole('link', { name: 'Cory Candidate' }).first().click();
    const form = page.getByRole('form', { name: 'Scorecard' });
    await form.waitFor();
    await page.getByTestId('blind-notice').waitFor();
    await expect(page.getByTestId('scorecard').count()).resolves.toBe(0);
    expect(await page.textContent('body')).not.toContain('Iris');

    // Rate every criterion 3 (no evidence needed), then a 4 with its evidence.
    const criteria = form.locator('fieldset.criterion');
    const n = await criteria.count();
    expect(n).toBe(keys.length);
    for (let i = 0; i < n; i++) await criteria.nth(i).getByRole('radio').nth(2).check();
    await criteria.nth(0).getByRole('radio').nth(3).check();
    await criteria.nth(0).getByRole('textbox').fill('Explained why a hash map beats sorting here, unprompted');
    await form.getByRole('radio', { name: 'Yes', exact: true }).check();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText(/Draft saved/).waitFor();
    await shot(page, '04-scorecard-form');
    await axe(page, 'scorecard form');
    await form.getByRole('button', { name: 'Submit scorecard' }).click();

    const others = page.getByRole('region', { name: 'Other scorecards' });
    await others.getByText('Iris Interviewer').waitFor();
    await expect(others.textContent()).resolves.toContain('Strong yes');
    await expect(page.getByTestId('scorecard').count()).resolves.toBe(2);
    await shot(page, '05-scorecards-after-submit');
    await page.close();
  }, 60_000);

  it('a recruiter reads the ranked shortlist with its breakdown and downloads the CSV', async () => {
    const page = await loginPage('recruiter@example.com');
    await page.getByRole('link', { name: 'Manage jobs' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Backend Engineer Intern' }).first();
    await row.getByRole('link', { name: 'Shortlist' }).click();
    const table = page.getByRole('table', { name: 'Shortlist' });
    await table.waitFor();
    const cory = page.getByTestId('shortlist-row').filter({ hasText: 'Cory Candidate' });
    await cory.waitFor();
    await expect(cory.getByRole('img').getAttribute('aria-label')).resolves.toMatch(/assessment \d+%/);
    await expect(page.getByTestId('shortlist-row').count()).resolves.toBeGreaterThanOrEqual(2);
    await cory.getByRole('button', { name: 'Explain' }).click();
    await page
      .locator('tr.explain')
      .getByText(/interview/)
      .first()
      .waitFor();
    await shot(page, '06-shortlist');
    await axe(page, 'shortlist');

    // A stage move asks for its reason in an in-page dialog (no prompt()); Cancel moves nothing.
    await cory.getByRole('combobox').selectOption('OFFER');
    const reason = page.getByRole('dialog', { name: 'Move to Offer' });
    await reason.waitFor();
    await expect(page.evaluate(() => document.activeElement?.closest('dialog') != null)).resolves.toBe(true);
    await reason.getByRole('button', { name: 'Cancel' }).click();
    await reason.waitFor({ state: 'detached' });
    await expect(cory.textContent()).resolves.toMatch(/Interview/);

    // At tablet width the page itself does not scroll sideways (the table scrolls in its own box).
    await page.setViewportSize({ width: 820, height: 1100 });
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(820);
    await shot(page, '07-shortlist-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    // Playwright keeps the download in its own temporary directory until the browser closes.
    const csv = fs.readFileSync(await download.path(), 'utf8').split(/\r?\n/);
    expect(csv[0]).toMatch(/^rank,application_id,name,email,stage,score/);
    expect(csv.some((l) => l.includes('Cory Candidate'))).toBe(true);
    await page.close();
  }, 60_000);

  it('navigation moves focus and sets the title; per-field errors sit beside their fields; dialogs replace confirm()', async () => {
    const page = await loginPage('recruiter@example.com');
    for (const [link, title] of [
      ['Problem bank', 'Problem bank'],
      ['Assessments', 'Assessments'],
      ['Calibration', 'Interviewer calibration'],
      ['Manage jobs', 'Manage jobs'],
    ]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.waitForFunction((t) => document.title === `${t} · Hiring platform`, title);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      await axe(page, title);
    }

    // Closing a job asks in a modal dialog; Cancel leaves it open.
    const row = page.getByRole('row').filter({ hasText: 'Backend Engineer Intern' }).first();
    await row.getByRole('button', { name: 'Close' }).click();
    const dialog = page.getByRole('dialog', { name: /^Close "Backend Engineer Intern"\?$/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(row.textContent()).resolves.toMatch(/Published/);

    await row.getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { level: 1, name: /Applications: Backend Engineer Intern/ }).waitFor();
    await axe(page, 'applications');

    // An empty location is refused by the API's validation; the message sits beside the field.
    await page.goBack();
    await row.getByRole('link', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit job' });
    await form.waitFor();
    const location = form.getByLabel('Location');
    await location.fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    await expect(location.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await location.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toMatch(/\S/);
    await expect(form.getByLabel('Title').getAttribute('aria-invalid')).resolves.toBeNull();
    await shot(page, '08-field-error');
    await axe(page, 'edit job with an error');

    // The session is an httpOnly, SameSite=Strict cookie: no script of the page can read the
    // token, and nothing of it sits in localStorage.
    const jar = await browser.context.cookies(p.url);
    const sessionCookie = jar.find((c) => c.name === 'hp_session')!;
    const csrf = jar.find((c) => c.name === 'hp_csrf')!;
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
    await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('hp_session');
    await expect(page.evaluate(() => JSON.stringify(localStorage))).resolves.not.toMatch(/eyJ/);

    // Log out ends the session on the server too: the cookies are gone and the old token is refused.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in', exact: true }).waitFor();
    await expect(browser.context.cookies(p.url)).resolves.toEqual([]);
    const replay = await gql(p.url, '{ me { id } }', {}, undefined, {
      cookie: `hp_session=${sessionCookie.value}; hp_csrf=${csrf.value}`,
      'x-csrf-token': csrf.value,
    });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A session cookie the API no longer accepts: the page asks to log in and the cookies are cleared.
    await browser.context.addCookies([
      { name: 'hp_session', value: sessionCookie.value, url: p.url },
      { name: 'hp_csrf', value: csrf.value, url: p.url },
    ]);
    await page.goto(`${p.url}/recruiter/problems`);
    await page.getByText('Please log in to continue.').waitFor();
    await expect(page.getByTestId('whoami').count()).resolves.toBe(0);
    await expect(browser.context.cookies(p.url)).resolves.toEqual([]);
    await page.close();
  }, 90_000);

  it('a recruiter creates a problem whose reference fails, reads the validation report, fixes it and sees VALID', async () => {
    const page = await loginPage('recruiter@example.com');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Problem bank' }).click();
    await page.getByRole('link', { name: 'New problem' }).click();
    await page.getByRole('heading', { level: 1, name: 'New problem' }).waitFor();
    await axe(page, 'new problem');
    const form = page.getByRole('form', { name: 'Problem' });
    await form.getByLabel(/^Title/).fill('Sum of two amounts');
    await form.getByLabel(/^Slug/).fill('sum-of-two-amounts-web');
    await form.getByLabel(/^Statement/).fill('Return the sum of `a` and `b`.');
    const tests = form.getByLabel(/^Tests \(JSON array/);

    // The judge's schema is the API's: a test without `expected` is refused, and the server's
    // message sits beside the tests.
    await tests.fill(JSON.stringify([{ name: 'example', args: [1, 2], hidden: false }]));
    await form.getByRole('button', { name: 'Create and validate' }).click();
    await form.getByRole('alert').waitFor();
    await expect(tests.getAttribute('aria-invalid')).resolves.toBe('true');
    // Described by the server's message first, then the format hint.
    const [errorId, hintId] = (await tests.getAttribute('aria-describedby'))!.split(' ');
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toBe('0.expected: is required');
    await expect(page.locator(`[id="${hintId}"]`).textContent()).resolves.toMatch(/^Each test has a name, hidden/);
    await expect(form.getByLabel(/^Title/).getAttribute('aria-invalid')).resolves.toBeNull();
    await axe(page, 'new problem with an error');

    // Three tests, two hidden; the reference solution is wrong on negative numbers.
    await tests.fill(
      JSON.stringify([
        { name: 'example', category: 'examples', args: [1, 2], expected: 3, hidden: false },
        { name: 'negative numbers', args: [-1, -2], expected: -3, hidden: true },
        { name: 'large amounts', args: [1e9, 2e9], expected: 3e9 },
      ]),
    );
    await form.getByTestId('tests-summary').filter({ hasText: '3 tests: 2 hidden, 1 visible' }).waitFor();
    await form.getByLabel(/^Source of solution 1/).fill('function solve(a, b) {\n  return a > 0 ? a + b : 0;\n}\n');
    await form.getByRole('button', { name: 'Create and validate' }).click();
    await page.waitForURL(/\/recruiter\/problems\/[^/]+\/edit$/);
    const status = page.getByTestId('validation-status');
    await status.filter({ hasText: /^INVALID$/ }).waitFor({ timeout: 120_000 });
    const report1 = page.getByRole('table', { name: 'Tests of solution 1 (javascript)' });
    const statusOf = async (table: typeof report1, test: string) =>
      (await table.getByRole('row').filter({ hasText: test }).getByRole('cell').allTextContents()).slice(1, 3);
    await expect(statusOf(report1, 'example')).resolves.toEqual(['visible', 'Accepted']);
    await expect(statusOf(report1, 'negative numbers')).resolves.toEqual(['hidden', 'Wrong answer']);
    await expect(statusOf(report1, 'large amounts')).resolves.toEqual(['hidden', 'Accepted']);
    await expect(page.getByRole('heading', { name: /Solution 1 \(javascript\)/ }).textContent()).resolves.toMatch(
      /WRONG ANSWER\s*2\/3 tests passed/,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '09-problem-invalid');
    await axe(page, 'problem with a failing reference');

    // Fixed, with a Python reference beside it: both pass every test, the problem is VALID.
    const edit = page.getByRole('form', { name: 'Problem' });
    await edit.getByLabel(/^Source of solution 1/).fill('function solve(a, b) {\n  return a + b;\n}\n');
    await edit.getByRole('button', { name: 'Add a reference solution' }).click();
    await edit.getByLabel(/^Language of solution 2/).selectOption('python');
    await edit.getByLabel(/^Source of solution 2/).fill('def solve(a, b):\n    return a + b\n');
    await edit.getByRole('button', { name: 'Save and validate' }).click();
    await status.filter({ hasText: /^VALID$/ }).waitFor({ timeout: 180_000 });
    await page.getByRole('heading', { name: /Validation of version 2/ }).waitFor();
    const report2 = page.getByRole('table', { name: 'Tests of solution 2 (python)' });
    for (const t of ['example', 'negative numbers', 'large amounts']) {
      await expect(statusOf(page.getByRole('table', { name: 'Tests of solution 1 (javascript)' }), t)).resolves.toEqual([
        t === 'example' ? 'visible' : 'hidden',
        'Accepted',
      ]);
      await expect(statusOf(report2, t)).resolves.toEqual([t === 'example' ? 'visible' : 'hidden', 'Accepted']);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '10-problem-valid');
    await axe(page, 'valid problem');

    // What the API stored is what the form showed.
    const rec = await tokenOf('recruiter@example.com');
    const id = /\/recruiter\/problems\/([^/]+)\/edit$/.exec(page.url())![1];
    const mine = (
      await must(
        `query($id: ID!) { problem(id: $id) { slug version validationStatus definition referenceSolutions { language } } }`,
        { id },
        rec,
      )
    ).problem as { slug: string; version: number; validationStatus: string; definition: any; referenceSolutions: { language: string }[] };
    expect(mine).toMatchObject({
      slug: 'sum-of-two-amounts-web',
      version: 2,
      validationStatus: 'VALID',
      referenceSolutions: [{ language: 'javascript' }, { language: 'python' }],
    });
    expect(mine.definition).toMatchObject({ title: 'Sum of two amounts', mode: 'function', entryPoint: 'solve' });
    expect((mine.definition.tests as { hidden?: boolean }[]).map((t) => t.hidden)).toEqual([false, true, undefined]);
    await page.close();
  }, 360_000);

  it("a recruiter creates a rubric; anchors are checked with the API's schema beside their fields", async () => {
    const page = await loginPage('recruiter@example.com');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rubrics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rubrics' }).waitFor();
    await page.getByRole('table', { name: 'Rubrics' }).getByRole('row').nth(1).waitFor();
    await axe(page, 'rubrics');
    await page.getByRole('link', { name: 'New rubric' }).click();
    await page.getByRole('heading', { level: 1, name: 'New rubric' }).waitFor();
    const form = page.getByRole('form', { name: 'Rubric' });
    await form.getByLabel(/^Name/).fill('Pairing on a bug');
    await form.getByRole('option', { name: 'Backend Engineer Intern' }).waitFor({ state: 'attached' });
    await form.getByLabel(/^For/).selectOption({ label: 'Backend Engineer Intern' });
    const c1 = form.getByRole('group', { name: 'Criterion 1' });
    await c1.getByLabel(/^Title/).fill('Debugging');
    await c1.getByLabel(/^Key/).fill('debugging');
    await c1.getByLabel(/^Weight/).fill('2');
    await c1.getByLabel(/^What to look for/).fill('Narrows a failing request down to its cause with evidence');
    await c1.getByLabel(/^Source/).selectOption('REQUIREMENT');
    await c1.getByLabel(/^Quote/).fill('Comfortable debugging Node.js services in production');
    const anchors = [
      'good',
      'Finds where the request fails with the help of hints and a debugger',
      'Reproduces the failure, reads the logs and finds the faulty line alone',
      'Explains the cause, writes a failing test first, and fixes it without regressions',
    ];
    for (const [i, a] of anchors.entries()) await c1.getByLabel(new RegExp(`^Level ${i + 1}`)).fill(a);

    // "good" is a label, not an anchor: the form refuses it with the API's own rule and message.
    await form.getByRole('button', { name: 'Create rubric' }).click();
    await form.getByRole('alert').waitFor();
    const level1 = c1.getByLabel(/^Level 1/);
    await expect(level1.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator(`[id="${await level1.getAttribute('aria-describedby')}"]`).textContent()).resolves.toMatch(
      /^"good" is a generic label, not an anchor/,
    );
    await expect(c1.getByLabel(/^Level 2/).getAttribute('aria-invalid')).resolves.toBeNull();
    await shot(page, '11-rubric-error');
    await axe(page, 'new rubric with an error');

    await level1.fill('Reads the error message but cannot say where the request fails');
    await form.getByRole('button', { name: 'Add a red flag' }).click();
    const f1 = form.getByRole('group', { name: 'Red flag 1' });
    await f1.getByLabel(/^Title/).fill('Blames the tools');
    await f1.getByLabel(/^Key/).fill('blames-tools');
    await f1.getByLabel(/^Severity/).selectOption('MEDIUM');
    await f1.getByLabel(/^What counts as evidence/).fill('Says the framework is broken without showing where');
    await f1.getByLabel(/^Quote/).fill('We look for people who own their debugging');
    await form.getByRole('button', { name: 'Create rubric' }).click();
    await page.waitForURL(/\/recruiter\/rubrics\/[^/]+\/edit$/);
    await page.getByRole('status').filter({ hasText: 'Created: version 1.' }).waitFor();
    await shot(page, '12-rubric-saved');
    await axe(page, 'edit rubric');

    // Edited while no scorecard uses it: version 1 changes in place.
    const edit = page.getByRole('form', { name: 'Rubric' });
    await edit
      .getByRole('group', { name: 'Criterion 1' })
      .getByLabel(/^Weight/)
      .fill('3');
    await edit.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: version 1 changed in place' }).waitFor();

    const rec = await tokenOf('recruiter@example.com');
    const jobs = (await must(`{ jobs(limit: 50) { items { id title } } }`, {}, rec)).jobs.items as { id: string; title: string }[];
    const jobId = jobs.find((j) => j.title === 'Backend Engineer Intern')!.id;
    const list = (
      await must(
        `query($j: ID) { rubrics(jobId: $j, includeLibrary: false) { name version jobId criteria { key weight kind anchors { level description } } redFlags { key severity } } }`,
        { j: jobId },
        rec,
      )
    ).rubrics as any[];
    const mine = list.find((r) => r.name === 'Pairing on a bug');
    expect(mine).toMatchObject({ version: 1, jobId, redFlags: [{ key: 'blames-tools', severity: 'MEDIUM' }] });
    expect(mine.criteria).toEqual([
      {
        key: 'debugging',
        weight: 3,
        kind: 'CODING_FUNDAMENTALS',
        anchors: [
          { level: 1, description: 'Reads the error message but cannot say where the request fails' },
          ...anchors.slice(1).map((description, i) => ({ level: i + 2, description })),
        ],
      },
    ]);
    await page.close();
  }, 120_000);

  it('an admin grants a recruiter the adverse-impact report on the Staff page; the recruiter then finds it, an interviewer never', async () => {
    const jobLink = (page: Page) => page.getByRole('row').filter({ hasText: 'Backend Engineer Intern' }).first();
    // Without the permission: no Fairness link, and the address itself says what is missing.
    const rec = await loginPage('recruiter@example.com');
    await rec.getByRole('link', { name: 'Manage jobs' }).click();
    await jobLink(rec).getByRole('link', { name: 'Applications' }).waitFor();
    await expect(jobLink(rec).getByRole('link', { name: 'Fairness' }).count()).resolves.toBe(0);
    await expect(rec.getByRole('link', { name: 'Staff' }).count()).resolves.toBe(0);
    const jobId = /\/recruiter\/jobs\/([^/]+)\/applications$/.exec((await jobLink(rec).getByRole('link', { name: 'Applications' }).getAttribute('href'))!)![1];
    await rec.goto(`${p.url}/recruiter/jobs/${jobId}/fairness`);
    await rec.getByText(/needs the FAIRNESS_REPORT permission: ask an admin/).waitFor();
    await expect(rec.getByRole('heading', { name: 'Adverse-impact report' }).count()).resolves.toBe(0);
    await rec.close();

    // The admin grants it on the Staff page (and could create a staff account there).
    const admin = await loginPage('admin@example.com');
    await admin.getByRole('link', { name: 'Staff' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    const grant = admin.getByRole('checkbox', { name: 'Rita Recruiter may read adverse-impact reports' });
    await expect(grant.isChecked()).resolves.toBe(false);
    await expect(admin.getByRole('checkbox', { name: /Ivan Interviewer/ }).count()).resolves.toBe(0);
    await grant.check();
    await admin.getByRole('status').filter({ hasText: 'Rita Recruiter may now read adverse-impact reports.' }).waitFor();
    await expect(grant.isChecked()).resolves.toBe(true);
    await shot(admin, '13-staff-permissions');
    await axe(admin, 'staff');
    await admin.close();
    const adminToken = await tokenOf('admin@example.com');
    const granted = (await must(`{ users(role: RECRUITER) { items { email permissions } } }`, {}, adminToken)).users.items as { email: string; permissions: string[] }[];
    expect(granted.find((u) => u.email === 'recruiter@example.com')?.permissions).toEqual(['FAIRNESS_REPORT']);

    // The recruiter, on their next login, has the link and reads the report.
    const rec2 = await loginPage('recruiter@example.com');
    await rec2.getByRole('link', { name: 'Manage jobs' }).click();
    await jobLink(rec2).getByRole('link', { name: 'Fairness' }).click();
    await rec2.getByRole('heading', { level: 1, name: 'Adverse-impact report' }).waitFor();
    await rec2.getByRole('table', { name: 'Selection rates at Screened' }).waitFor();
    await axe(rec2, 'adverse-impact report');
    await rec2.close();

    // An interviewer has neither the Manage jobs pages nor the report, whatever the address.
    const iv = await loginPage('interviewer@example.com');
    await expect(iv.getByRole('link', { name: 'Manage jobs' }).count()).resolves.toBe(0);
    await iv.goto(`${p.url}/recruiter/jobs/${jobId}/fairness`);
    await iv.getByText('This page needs another role.').waitFor();
    await expect(iv.getByRole('heading', { name: 'Adverse-impact report' }).count()).resolves.toBe(0);
    await iv.close();

    // Revoked: the API refuses the report at once, whatever the page still offers.
    const ritaId = (await must(`{ users(role: RECRUITER) { items { id email } } }`, {}, adminToken)).users.items.find(
      (u: { email: string }) => u.email === 'recruiter@example.com',
    ).id as string;
    await must(`mutation($id: ID!) { updateUser(id: $id, input: { permissions: [] }) { id } }`, { id: ritaId }, adminToken);
    const refused = await gql(p.url, `query($j: ID!) { adverseImpactReport(jobId: $j, question: "gender") { notDisclosed } }`, { j: jobId }, await tokenOf('recruiter@example.com'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 120_000);

  it('a recruiter sets the workplace in the job editor and the posting shows it', async () => {
    const page = await loginPage('recruiter@example.com');
    await page.getByRole('link', { name: 'Manage jobs' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Backend Engineer Intern' }).first();
    await row.getByRole('link', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit job' });
    await form.waitFor();
    const country = form.getByLabel(/Country of employment/);
    // A code the API refuses: its message sits beside the field.
    await country.fill('D1');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    await expect(country.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator(`[id="${await country.getAttribute('aria-describedby')}"]`).textContent()).resolves.toMatch(/ISO 3166-1 alpha-2/);
    await country.fill('de');
    await form.getByLabel(/Remote from/).fill('at, ch');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const jobId = /\/recruiter\/jobs\/([^/]+)\/edit$/.exec(page.url())![1];
    // The editor reads back what was stored.
    await page.reload();
    await expect(page.getByRole('form', { name: 'Edit job' }).getByLabel(/Country of employment/).inputValue()).resolves.toBe('DE');
    await expect(page.getByRole('form', { name: 'Edit job' }).getByLabel(/Remote from/).inputValue()).resolves.toBe('AT, CH');
    await page.goto(`${p.url}/jobs/${jobId}`);
    await expect(page.getByTestId('job-workplace').textContent()).resolves.toBe('Employed in Germany; remote from Austria, Switzerland');
    await page.close();
  }, 90_000);

  it('a candidate downloads their data, then erases the account and is logged out', async () => {
    await must(`mutation($i: RegisterInput!) { register(input: $i) { email } }`, { i: { email: 'erin@example.com', name: 'Erin Erase', password: PASSWORD } });
    const page = await loginPage('erin@example.com');
    await page.getByRole('link', { name: 'Your data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await axe(page, 'your data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-data').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { formatVersion: number; account: { email: string; name: string } };
    expect(data).toMatchObject({ formatVersion: 1, account: { email: 'erin@example.com', name: 'Erin Erase' } });

    const form = page.getByRole('form', { name: 'Erase your account' });
    await form.getByLabel(/Type your email/).fill('erin@example.com');
    await form.getByLabel('Your current password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Erase my account' }).click();
    // The last word is an in-page dialog; only its confirmation erases.
    const sure = page.getByRole('dialog', { name: 'Erase your account for good?' });
    await sure.waitFor();
    await sure.getByRole('button', { name: 'Erase my account' }).click();
    await page.getByTestId('erased-notice').waitFor();
    await expect(page.getByTestId('whoami').count()).resolves.toBe(0);
    const again = await gql(p.url, `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email: 'erin@example.com', password: PASSWORD } });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.close();
  }, 60_000);

  // Last: every page above ran under the Content-Security-Policy without a violation.
  it('no page reported a Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
