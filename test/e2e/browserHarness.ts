import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveDirectory, type StaticServer } from './staticServer';

// The built pane (dist/, `npm run build`) in a real browser: Debian's chromium driven by
// playwright-core, served from 127.0.0.1. `.ci/run` installs chromium, and with CI=true the
// browser tests fail rather than skip without it.

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const built = () => existsSync(path.join(DIST, 'taskpane.html'));

/** False (with a loud warning) when the browser test cannot run here; throws in CI. */
export function canRun(what: string): boolean {
  if (!hasChromium) {
    if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs chromium, and with CI=true the browser tests never skip.`);
    console.warn(`\n*** SKIPPING ${what}: ${CHROMIUM} is missing (apt-get install chromium). CI=true makes this a failure. ***\n`);
    return false;
  }
  if (!built()) throw new Error('dist/taskpane.html is missing: run `npm run build` first (npm test does).');
  return true;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
  /** Errors thrown in the page. */
  errors: string[];
}

export interface Harness {
  browser(): Browser;
  server(): StaticServer;
  started(): boolean;
  /** The local server's origin ('' before it started). */
  origin(): string;
}

/** Starts the static server and chromium once for the test file, and stops them after it. */
export function useBrowser(): Harness {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    if (!hasChromium || !built()) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDirectory(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, server: () => server!, started: () => !!browser && !!server, origin: () => server?.origin ?? '' };
}

/**
 * The built pane opened as Office opens it (`search` holds `_host_Info`): the office.js the page
 * asks for is answered with `officeJs` (never fetched), every other request off the local server
 * is refused.
 */
export async function openWithFakeOffice(harness: Harness, search: string, officeJs: string, viewport = { width: 420, height: 900 }): Promise<Session> {
  if (!harness.started()) throw new Error('browser not started');
  const origin = harness.server().origin;
  const context = await harness.browser().newContext({ acceptDownloads: false, viewport, locale: 'sv-SE', serviceWorkers: 'block' });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url === OFFICE_JS) return route.fulfill({ contentType: 'text/javascript', body: officeJs });
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/taskpane.html${search}`);
  return { context, page, requests, errors };
}

/**
 * Waits until the page needs no horizontal scrolling at `width` pixels. A function, not a string:
 * the pane's Content-Security-Policy refuses string evaluation.
 */
export function fitsWidth(page: Page, width: number): Promise<unknown> {
  return page.waitForFunction((w) => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth <= w, width);
}
