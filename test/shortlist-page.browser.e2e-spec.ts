import type { Browser } from 'playwright-core';
import {
  SHORTLIST_PAGE_CSP,
  renderShortlistMessage,
  renderShortlistPage,
} from '../src/modules/shortlists/employer-page';
import {
  axeViolations,
  describeViolations,
  keyboardTargets,
  launchBrowser,
  newPage,
  saveScreenshot,
  scrollsHorizontally,
  serve,
  tabThrough,
} from './helpers/browser';
import { shortlistViewFixture } from './shortlist-page.fixture';

/**
 * The employer's page in real Chromium: served with its Content-Security-Policy by a tiny local
 * server, checked with axe-core, walked with the keyboard, at a phone's width, and posted.
 */
describe('employer shortlist page in Chromium', () => {
  const view = shortlistViewFixture();
  const actionBase = '/werkgever/lijsten/tok-123';
  const posts: Array<{ path: string; type: string | undefined; body: string }> = [];
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve((req, res) => {
      const headers = {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': SHORTLIST_PAGE_CSP,
      };
      if (req.method === 'POST') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          posts.push({
            path: req.url ?? '',
            type: req.headers['content-type'],
            body: Buffer.concat(chunks).toString(),
          });
          res.writeHead(303, { location: `${actionBase}?beantwoord=1` }).end();
        });
      } else if (req.url === actionBase) {
        res.writeHead(200, headers).end(renderShortlistPage(view, { actionBase }));
      } else if (req.url === `${actionBase}?beantwoord=1`) {
        const notice = { kind: 'success' as const, text: 'Bedankt, uw antwoord is verstuurd.' };
        res.writeHead(200, headers).end(renderShortlistPage(view, { actionBase, notice }));
      } else if (req.url === '/verlopen') {
        res
          .writeHead(200, headers)
          .end(
            renderShortlistMessage(
              'Deze link is verlopen',
              'Vraag uw accountmanager om een nieuwe link.',
            ),
          );
      } else {
        res
          .writeHead(404, headers)
          .end(
            renderShortlistMessage('Deze link bestaat niet', 'Controleer de link in uw e-mail.'),
          );
      }
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('applies its stylesheet under the strict CSP without any violation', async () => {
    const { context, page } = await newPage(browser);
    const refused: string[] = [];
    page.on('console', (m) => {
      if (
        m.type() === 'error' &&
        /Content Security Policy/i.test(m.text()) &&
        !/favicon/i.test(m.text())
      )
        refused.push(m.text());
    });
    const response = await page.goto(`${server.url}${actionBase}`);
    expect(response?.status()).toBe(200);
    const headerColour = await page.evaluate(
      'getComputedStyle(document.querySelector("header.site-header")).backgroundColor',
    );
    expect(headerColour).toBe('rgb(11, 85, 112)');
    expect(refused).toEqual([]);
    await context.close();
  });

  it('has no axe-core WCAG 2.1 A/AA violations (page and message page)', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    await page.goto(`${server.url}${actionBase}`);
    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toBe('');
    // with an error and a notice shown, and the folded form of candidate B opened
    await page.goto(`${server.url}${actionBase}?beantwoord=1`);
    await page.locator('summary').first().click();
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.goto(`${server.url}/verlopen`);
    expect(describeViolations(await axeViolations(page))).toBe('');
    // and axe does find what is wrong: an unlabelled field on a page without a language
    await page.setContent('<title>x</title><main><input type="text"></main>');
    const found = (await axeViolations(page)).map((v) => v.id);
    expect(found).toEqual(expect.arrayContaining(['html-has-lang', 'label']));
    await context.close();
  });

  it('reaches every form control with Tab, each with an accessible name', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1024, height: 900 } });
    await page.goto(`${server.url}${actionBase}`);
    const stops = await tabThrough(page);
    for (const stop of stops)
      expect({ ...stop, name: stop.name.length > 0 }).toEqual({ ...stop, name: true });

    // what the keyboard must reach: every visible control; of a radio group Tab reaches one
    const expected = await keyboardTargets(page);
    const reached = stops.map((s) => `${s.tag}#${s.id}`);
    expect(reached).toEqual(expected);
    expect(
      reached.filter(
        (r) => r.startsWith('input#') || r.startsWith('select#') || r.startsWith('textarea#'),
      ),
    ).toHaveLength(8);
    expect(stops.find((s) => s.id === 'kandidaat-1-kind-invite')).toMatchObject({
      role: 'radio',
      name: 'Uitnodigen voor een gesprek',
    });
    expect(stops.find((s) => s.id === 'kandidaat-1-reason')).toMatchObject({
      role: 'combobox',
      name: 'Reden',
    });
    expect(stops.find((s) => s.id === 'kandidaat-1-text')).toMatchObject({
      role: 'textbox',
      name: 'Uw vraag, toelichting of bericht',
    });

    // the other choices of a radio group are one arrow key away
    await page.focus('#kandidaat-1-kind-invite');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement?.id')).toBe('kandidaat-1-kind-question');

    // the folded form of the answered candidate opens from the keyboard
    await page.focus('summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('kandidaat-2-kind-invite');
    await context.close();
  });

  it('fits a 375 px phone screen without horizontal scrolling', async () => {
    const { context, page } = await newPage(browser, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${server.url}${actionBase}`);
    expect(await scrollsHorizontally(page)).toBe(false);
    await page.locator('summary').first().click();
    expect(await scrollsHorizontally(page)).toBe(false);
    await saveScreenshot(page, 'shortlist-page-mobile');
    await context.close();
  });

  it('posts an answer as a plain form, without JavaScript, and shows the notice', async () => {
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 1024, height: 900 },
    });
    await page.goto(`${server.url}${actionBase}`);
    await saveScreenshot(page, 'shortlist-page');
    const form = page.locator('form').filter({ has: page.locator('#kandidaat-3-reason') });
    await page.check('#kandidaat-3-kind-not-suitable');
    await page.selectOption('#kandidaat-3-reason', 'hours');
    await page.fill('#kandidaat-3-text', 'Wij zoeken iemand voor 40 uur & meer.');
    await form.getByRole('button', { name: 'Antwoord versturen' }).click();
    await page.waitForURL(`${server.url}${actionBase}?beantwoord=1`);
    expect(await page.locator('.notice-success').textContent()).toBe(
      'Bedankt, uw antwoord is verstuurd.',
    );
    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe(`${actionBase}/kandidaten/${view.candidates[2].entryId}/antwoord`);
    expect(posts[0].type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(posts[0].body))).toEqual({
      kind: 'not-suitable',
      interviewAt: '',
      reason: 'hours',
      text: 'Wij zoeken iemand voor 40 uur & meer.',
    });
    await context.close();
  });
});
