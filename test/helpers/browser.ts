import { mkdirSync } from 'fs';
import { createServer, type RequestListener, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/**
 * Browser tests with Debian's Chromium (/usr/bin/chromium, installed by `ensure_chromium` in
 * scripts/lib.sh) driven by playwright-core: no browser download. The flags keep Chromium off
 * the network (this machine's network is closed) and let it run as root.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(__dirname, '..', 'artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies, no storage) and a page in it; close the context after the test. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...options,
  });
  const page = await context.newPage();
  return { context, page };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

/**
 * Runs axe-core in the page with the WCAG 2.0/2.1 A and AA rules and returns the violations
 * (an empty array when the page passes); `context` is a CSS selector to check a part only.
 * Injected with `addScriptTag`: on a page whose Content-Security-Policy allows no scripts, open
 * it in a context with `newPage(browser, { bypassCSP: true })`.
 */
export async function axeViolations(page: Page, context?: string): Promise<AxeViolation[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { source } = require('axe-core') as { source: string };
  await page.addScriptTag({ content: source });
  const runOptions = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  };
  const target = context === undefined ? 'document' : JSON.stringify(context);
  return page.evaluate<AxeViolation[]>(
    `window.axe.run(${target}, ${JSON.stringify(runOptions)}).then((r) => r.violations)`,
  );
}

/** One line per violation and node, for a readable failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${n.target.join(' ')}\n  ${n.html}`,
      ),
    )
    .join('\n');
}

export interface FocusStop {
  tag: string;
  id: string;
  type: string | null;
  /** The accessible role and name as Chromium computes them */
  role: string;
  name: string;
}

/** The element that has focus, with its accessible role and name from Chromium's tree. */
export async function focusedElement(page: Page): Promise<FocusStop | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: 'document.activeElement',
    })) as {
      result: { objectId?: string; subtype?: string };
    };
    const basics = await page.evaluate<Pick<FocusStop, 'tag' | 'id' | 'type'> | null>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return { tag: el.tagName.toLowerCase(), id: el.id, type: el.getAttribute('type') };
    })()`);
    if (!basics || !result.objectId) return null;
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId,
      fetchRelatives: false,
    })) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string } }> };
    return {
      ...basics,
      role: String(nodes[0]?.role?.value ?? ''),
      name: String(nodes[0]?.name?.value ?? '').trim(),
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * Presses Tab from the top of the page until focus comes back round (or `max` presses) and
 * returns every element that got focus, in order: what a keyboard user reaches. Consecutive
 * stops in one element count once (Chromium tabs through the day, month, year, hour and minute
 * of a datetime-local input).
 */
export async function tabThrough(page: Page, max = 200): Promise<FocusStop[]> {
  await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusedElement(page);
    if (!stop) {
      if (stops.length) break; // focus left the document: round trip done
      continue;
    }
    const same = (other: FocusStop | undefined) =>
      other?.tag === stop.tag && other.id === stop.id && other.name === stop.name;
    if (same(stops[0])) break;
    if (!same(stops[stops.length - 1])) stops.push(stop);
  }
  return stops;
}

/** Whether the page scrolls sideways at its current viewport (it should not). */
export function scrollsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  );
}

/**
 * What Tab should reach, as `tag#id` in document order: every visible link, button, summary and
 * form control, one radio per group (the others are an arrow key away). Compare with
 * `(await tabThrough(page)).map((s) => s.tag + '#' + s.id)`.
 */
export function keyboardTargets(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const groups = new Set();
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.disabled)
      .filter((el) => {
        if (el.type !== 'radio') return true;
        const key = [...document.forms].indexOf(el.form) + '|' + el.name;
        if (groups.has(key)) return false;
        groups.add(key);
        return true;
      })
      .map((el) => el.tagName.toLowerCase() + '#' + el.id);
  })()`);
}

/** Saves a full-page PNG to test/artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A throwaway HTTP server on 127.0.0.1 and a free port; `url` ends without a slash. */
export async function serve(
  handler: RequestListener,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
