import { readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { gridCell, gridOf } from '../helpers/fixChecked';
import { expectValidPackage } from '../helpers/packageValidator';
import { ARTIFACTS, DIST, OFFICE_JS, ROOT, canRun, fitsWidth, useBrowser, type Session } from './browserHarness';
import { PANE_WIDTH, expectGoodView, pressFromKeyboard, tabTo } from './paneChecks';

// The built pane (dist/, `npm run build`) in a real browser: Debian's chromium
// driven by playwright-core, served from 127.0.0.1. `.ci/run` installs
// chromium, and with CI=true these tests fail rather than skip without it.

const SEED = path.join(ROOT, 'test/fixtures/seeds/seed-001-lund-antagen.xlsx');



const harness = useBrowser();


async function open(query = ''): Promise<Session> {
  if (!harness.started()) throw new Error('browser not started');
  const context = await harness.browser().newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 }, locale: 'sv-SE', serviceWorkers: 'block' });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  // The page for a plain browser (taskpane.html is the one Office opens, with office.js).
  await page.goto(`${harness.server().origin}/index.html${query}`);
  return { context, page, requests, errors };
}

/** The pane's own scripts among the requests, gzipped, in KiB: what the page loaded. */
function scriptKiB(requests: string[]): number {
  const origin = harness.origin();
  const files = [...new Set(requests.filter((url) => url.startsWith(`${origin}/`) && url.endsWith('.js')).map((url) => url.slice(origin.length + 1)))];
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length, 0) / 1024;
}

/** Nothing but the local server, and the page's own blob: and data: URLs. */
function offOrigin(requests: string[]): string[] {
  const origin = harness.origin();
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
}

async function chooseFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.locator('input[type="file"]').first().setInputFiles(file);
}

const finding = (page: Page, cell: string, severity: string) => page.locator(`li[data-cell="${cell}"][data-severity="${severity}"]`);

/** The text as read, no-break spaces (which keep amounts on one line) as spaces. */
const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');

describe('the standalone pane in a browser', () => {
  it('checks a chosen workbook, shows its findings and downloads the corrected copy, all without leaving 127.0.0.1', async () => {
    if (!canRun('the browser test')) return;
    const { context, page, requests, errors } = await open();
    try {
      await page.getByRole('button', { name: 'Välj arbetsbok…' }).waitFor();
      const firstLoad = [...requests];
      expect(firstLoad.some((url) => /engine|exceljs|\/(excel|word)\.[0-9a-f]+\.js/.test(url))).toBe(false);
      // The file chooser, from the page's first script and its own chunk: no more than the first load was before the views had chunks of their own.
      const firstView = scriptKiB(firstLoad);
      console.log(`index.html shows the file chooser after ${firstView.toFixed(1)} KiB (gzipped) of script`);
      expect(firstView).toBeLessThanOrEqual(150);
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-start.png') });

      await chooseFile(page, SEED);
      await page.getByText(/^Klart: seed-001-lund-antagen\.xlsx/).waitFor({ timeout: 30_000 });
      expect(requests.some((url) => /\/engine\.[0-9a-f]+\.js$/.test(url))).toBe(true);

      await expect(textOf(finding(page, 'C10', 'error'))).resolves.toContain('Summa intäkter 2024 är 12 930 tkr men raderna summerar till 12 970 tkr.');
      await expect(textOf(finding(page, 'E34', 'error'))).resolves.toContain('Summa kostnader 2026 är 2 810 tkr men raderna summerar till 2 912 tkr.');
      const consequence = await textOf(finding(page, 'C12', 'warning'));
      expect(consequence).toContain('Tillgängliga medel 2024 (16 392 tkr) stämmer inte med raderna ovanför (16 352 tkr), men blir rätt när Summa intäkter 2024 är rättad – ett följdfel.');
      expect(consequence).toContain('Följer av felet i C10');
      await expect(page.getByRole('heading', { name: 'Fel (2)' }).count()).resolves.toBe(1);

      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001.png'), fullPage: true });
      // As narrow as an Excel task pane.
      await page.setViewportSize({ width: 350, height: 900 });
      await fitsWidth(page, 350);
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001-narrow.png'), fullPage: true });
      await page.setViewportSize({ width: 1100, height: 900 });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Ladda ned rättad arbetsbok' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('seed-001-lund-antagen-rattad.xlsx');
      const saved = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(saved);
      await page.getByText('seed-001-lund-antagen-rattad.xlsx är sparad', { exact: false }).waitFor();

      // Made in the page (its own CompressionStream packs the changed parts), and a copy Excel opens without repairing it.
      const copy = new Uint8Array(readFileSync(saved));
      await expectValidPackage(copy, new Uint8Array(readFileSync(SEED)));
      expect(gridCell(await gridOf(copy), 'Budget 2024', 'C10')).toMatchObject({ formula: 'SUM(C5:C9)', value: 12970 });

      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('downloads the plan’s sections as a Word document, loading the .docx writer only then', async () => {
    if (!canRun('the browser test')) return;
    const { context, page, requests, errors } = await open();
    try {
      await chooseFile(page, SEED);
      await page.getByText(/^Klart: seed-001-lund-antagen\.xlsx/).waitFor({ timeout: 30_000 });
      expect(requests.some((url) => /\/sections-docx\.[0-9a-f]+\.js$/.test(url))).toBe(false);
      // Seed 001 has two errors: the pane says so beside the button.
      await page.getByText('Budgeten har fel – avsnitten säger det, men rätta helst först.').waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001-downloads.png') });
      await page.setViewportSize({ width: 350, height: 900 });
      await fitsWidth(page, 350);
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001-downloads-narrow.png') });
      await page.setViewportSize({ width: 1100, height: 900 });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Ladda ned planens avsnitt (.docx)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('seed-001-lund-antagen-avsnitt.docx');
      const saved = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(saved);
      await page.getByText('seed-001-lund-antagen-avsnitt.docx är sparad', { exact: false }).waitFor();
      expect(requests.some((url) => /\/sections-docx\.[0-9a-f]+\.js$/.test(url))).toBe(true);

      const zip = await JSZip.loadAsync(readFileSync(saved));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const golden = JSON.parse(readFileSync(path.join(ROOT, 'test/golden/sections/seed-001-lund-antagen.json'), 'utf8')) as { title: string; blocks: { kind: string; text?: string }[] }[];
      // Every section's title as a Heading1 paragraph, in order.
      const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
        .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      expect(headings).toEqual(golden.map((section) => section.title));
      expect(headings).toContain('Budget 2024 med plan 2025–2026');
      // The corrected total, marked, in a table cell.
      const cells = [...xml.matchAll(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/gs)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      expect(cells).toContain('12\u00a0970*');
      expect(cells).toContain('16\u00a0392*');

      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws the equity chart and re-runs the check with new settings', async () => {
    if (!canRun('the browser test')) return;
    const { context, page, requests, errors } = await open();
    try {
      await chooseFile(page, SEED);
      await page.getByText(/^Klart:/).waitFor({ timeout: 30_000 });

      await page.getByRole('tab', { name: /^Tabeller/ }).click();
      await page.getByText('Raderna som Budgetkoll läste', { exact: false }).click();
      await page.getByRole('cell', { name: 'Summa intäkter' }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001-tables.png'), fullPage: true });

      await page.getByRole('tab', { name: 'Eget kapital' }).click();
      const chart = page.getByRole('img', { name: /Eget kapital vid årets slut/ });
      await chart.waitFor();
      await expect(chart.locator('[data-testid="bar-value"]').allTextContents()).resolves.toEqual(['3\u00a0421', '1\u00a0899', '857', '5\u00a0425']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001-equity.png'), fullPage: true });
      await page.setViewportSize({ width: 350, height: 900 });
      // The chart redraws at the pane's width: nothing wider than the pane.
      await fitsWidth(page, 350);
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-seed-001-equity-narrow.png'), fullPage: true });
      await page.setViewportSize({ width: 1100, height: 900 });

      await page.getByRole('tab', { name: 'Inställningar' }).click();
      const percent = page.getByLabel('Riktvärde för eget kapital (procent)');
      await percent.fill('abc');
      await page.getByRole('button', { name: 'Kör kontrollen igen' }).click();
      await page.getByText('Procentsatsen ska vara ett tal mellan 0 och 100 (fick ”abc”).').waitFor();

      await percent.fill('30');
      await page.getByRole('button', { name: 'Kör kontrollen igen' }).click();
      await page.getByText(/^Klart:/).waitFor();
      await page.getByRole('tab', { name: /^Fynd/ }).click();
      await expect(textOf(finding(page, 'B36', 'warning').first())).resolves.toContain('(30 % av medlemmarnas tilldelning, 7 370 tkr)');

      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says in Swedish why a file that is no workbook cannot be read', async () => {
    if (!canRun('the browser test')) return;
    const { context, page, requests } = await open();
    try {
      await chooseFile(page, { name: 'x.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('Det här är ingen arbetsbok.\n') });
      const alert = page.getByRole('alert').filter({ hasText: 'x.xlsx kunde inte läsas' });
      await alert.waitFor({ timeout: 30_000 });
      await expect(textOf(alert)).resolves.toContain('Filen är ingen Excel-arbetsbok (.xlsx).');
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-not-a-workbook.png') });
      await expect(page.getByRole('button', { name: 'Ladda ned rättad arbetsbok' }).count()).resolves.toBe(0);
      expect(offOrigin(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the page Office opens loads office.js in its head: the Excel pane in Excel, the file chooser outside Office, and with a notice when office.js cannot load', async () => {
    if (!canRun('the browser test')) return;
    // Office is simulated: office.js is answered (or refused) here, never fetched.
    if (!harness.started()) throw new Error('browser not started');
    const IN_EXCEL = '?_host_Info=Excel$Win32$16.01$sv-SE$$$$0';
    const cases = [
      { officeJs: 'window.Office = { onReady: () => Promise.resolve({ host: "Excel" }) };', query: IN_EXCEL, first: 'Analysera arbetsboken', notice: false },
      // Outside Office, office.js answers with no host (Initialize your Office Add-in).
      { officeJs: 'window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };', query: '', first: 'Välj arbetsbok…', notice: false },
      { officeJs: null, query: IN_EXCEL, first: 'Välj arbetsbok…', notice: true },
    ];
    for (const c of cases) {
      const context = await harness.browser().newContext({ viewport: { width: 400, height: 800 } });
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${harness.origin()}/`)) return route.continue();
        if (url === OFFICE_JS && c.officeJs) return route.fulfill({ contentType: 'text/javascript', body: c.officeJs });
        return route.abort();
      });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(`${harness.server().origin}/taskpane.html${c.query}`);
        await page.getByRole('button', { name: c.first }).waitFor({ timeout: 30_000 });
        // office.js is the page's first request off its origin, and its only one.
        expect(requests.filter((url) => !url.startsWith(`${harness.origin()}/`))).toEqual([OFFICE_JS]);
        const notice = page.getByText('Office-biblioteket kunde inte laddas', { exact: false });
        await expect(notice.count()).resolves.toBe(c.notice ? 1 : 0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe('the standalone page at 320 px, to WCAG 2.1 AA', () => {
  // The page outside Office has one theme (light: no Office to ask for another).
  it('every view by keyboard, the focus seen: no sideways scrolling, no broken number, no axe-core violation', async () => {
    if (!canRun('the browser test')) return;
    const { context, page, errors } = await open();
    const view = (name: string) => expectGoodView(page, `standalone-${name}`);
    const press = (target: Locator, key?: string) => pressFromKeyboard(page, target, key);
    try {
      await page.setViewportSize({ width: PANE_WIDTH, height: 800 });
      const choose = page.getByRole('button', { name: 'Välj arbetsbok…' });
      await choose.waitFor();
      await view('file-choice');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(choose)]);
      await chooser.setFiles(SEED);
      await page.getByText(/^Klart: seed-001-lund-antagen\.xlsx/).waitFor({ timeout: 30_000 });
      await view('findings');

      await press(page.getByRole('tab', { name: /^Fynd/ }), 'ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: /^Tabeller/, selected: true }).waitFor();
      await press(page.getByText('Raderna som Budgetkoll läste', { exact: false }));
      await page.getByRole('cell', { name: 'Summa intäkter' }).waitFor();
      await view('tables');

      await press(page.getByRole('tab', { name: /^Tabeller/ }), 'ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByRole('img', { name: /Eget kapital vid årets slut/ }).waitFor();
      await view('equity');

      await press(page.getByRole('tab', { name: 'Eget kapital' }), 'ArrowRight');
      await page.keyboard.press('Enter');
      const percent = page.getByLabel('Riktvärde för eget kapital (procent)');
      await tabTo(page, percent, { max: 80 });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('abc');
      await press(page.getByRole('button', { name: 'Kör kontrollen igen' }));
      await page.getByText('Procentsatsen ska vara ett tal mellan 0 och 100', { exact: false }).waitFor();
      await view('settings');

      const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Ladda ned rättad arbetsbok' }))]);
      expect(download.suggestedFilename()).toBe('seed-001-lund-antagen-rattad.xlsx');
      await page.getByText('seed-001-lund-antagen-rattad.xlsx är sparad', { exact: false }).waitFor();
      await view('downloaded');

      await chooseFile(page, { name: 'x.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('Det här är ingen arbetsbok.\n') });
      await page.getByRole('alert').filter({ hasText: 'x.xlsx kunde inte läsas' }).waitFor({ timeout: 30_000 });
      await view('unreadable');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
