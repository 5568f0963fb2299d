import * as path from 'path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { OFFICE_JS, ROOT, canRun, useBrowser } from './browserHarness';

// The built pane (dist/, `npm run build`) under its Content-Security-Policy in Chromium: every
// step of the standalone pane, and the pane inside (simulated) Word, without one violation
// reported. Then the policy is shown to hold: an inline script, eval and a request to another
// origin are refused. A workbook whose labels are HTML shows them as text.

const SEED = path.join(ROOT, 'test/fixtures/seeds/seed-001-lund-antagen.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

const harness = useBrowser();

/** Run as the pane's own script: what the policy lets it do. */
const PROBE = `(async function () {
  var result = { inline: null, evalRan: true, functionRan: true, fetched: true };
  var script = document.createElement('script');
  script.textContent = 'window.__inline = 1';
  document.head.appendChild(script);
  result.inline = window.__inline === undefined ? null : window.__inline;
  try { (0, eval)('1 + 1'); } catch (e) { result.evalRan = false; }
  try { new Function('return 1')(); } catch (e) { result.functionRan = false; }
  try { await fetch('https://example.com/telemetry', { method: 'POST', body: 'x' }); } catch (e) { result.fetched = false; }
  window.__probe = result;
})();`;

/** A page (index.html: the pane in a plain browser) that records every securitypolicyviolation event from its first script on. */
async function open(context: BrowserContext, query = '', file = 'index.html'): Promise<{ page: Page; errors: string[] }> {
  await context.addInitScript({ content: `
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', function (e) {
      window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${harness.origin()}/${file}${query}`);
  return { page, errors };
}

const violations = (page: Page) => page.evaluate('window.__csp') as Promise<Violation[]>;

/** The base budget with HTML in its title, labels and a text cell; Summa kostnader 2024 wrong, so its label is in a finding. */
async function htmlWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  const rows: ExcelJS.CellValue[][] = [
    ['Budget för 2024 <script>window.__xss = "title"</script>'],
    [null, 2024, 2025, 2026],
    ['Intäkter', 'tkr', 'tkr', 'tkr'],
    ['Staten <img src=x onerror="window.__xss = \'label\'">', 1000, 1050, 1100],
    ['Region Skåne', 500, 525, 550],
    ['Kommunerna', 500, 525, 550],
    ['Summa intäkter', 2000, 2100, 2200],
    ['Kostnader'],
    ['<b onmouseover="window.__xss = \'hover\'">Förbundschef</b>', 900, 950, 1000],
    ['Insatser', '<svg onload="window.__xss = \'svg\'">', 750, 800],
    ['Summa kostnader <iframe src="javascript:window.__xss=1">', 1950, 1700, 1800],
    ['Resultat', 50, 400, 400],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => { if (v !== null) ws.getCell(r + 1, c + 1).value = v; }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the pane under its Content-Security-Policy', () => {
  it('checks a workbook, shows every tab and downloads both files with no violation; inline script, eval and other origins are refused', async () => {
    if (!canRun('the CSP browser test')) return;
    const context = await harness.browser().newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 }, locale: 'sv-SE', serviceWorkers: 'block' });
    try {
      const { page, errors } = await open(context);
      await page.getByRole('button', { name: 'Välj arbetsbok…' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles(SEED);
      await page.getByText(/^Klart: seed-001-lund-antagen\.xlsx/).waitFor({ timeout: 30_000 });
      for (const tab of [/^Tabeller/, /^Eget kapital/, /^Inställningar/, /^Fynd/]) {
        await page.getByRole('tab', { name: tab }).click();
      }
      await page.getByRole('tab', { name: /^Eget kapital/ }).click();
      await page.getByRole('img', { name: /Eget kapital vid årets slut/ }).waitFor();
      for (const button of ['Ladda ned rättad arbetsbok', 'Ladda ned planens avsnitt (.docx)']) {
        await page.getByRole('tab', { name: /^Fynd/ }).click();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
        expect(await download.failure()).toBeNull();
      }
      await expect(violations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);

      // The policy holds: a script of the pane's own (served here at a same-origin address, so
      // that it runs as the page's code, not the test's) tries an inline script, eval and a
      // request to another origin; each is refused, and reported.
      await context.route(`${harness.origin()}/csp-probe.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: PROBE }));
      await page.evaluate("var s = document.createElement('script'); s.src = 'csp-probe.js'; document.head.appendChild(s);");
      // A function, not a string: Playwright polls a string predicate with eval, which this page's
      // policy refuses whenever the probe has not finished at the first look.
      await page.waitForFunction(() => (globalThis as unknown as { __probe?: unknown }).__probe !== undefined);
      await expect(page.evaluate('window.__probe')).resolves.toEqual({ inline: null, evalRan: false, functionRan: false, fetched: false });
      const directives = (await violations(page)).map((v) => v.directive).sort();
      expect(directives).toEqual(['connect-src', 'script-src', 'script-src', 'script-src-elem']);
    } finally {
      await context.close();
    }
  });

  it('shows HTML in cells as text: nothing in the workbook becomes an element or runs', async () => {
    if (!canRun('the CSP browser test')) return;
    const context = await harness.browser().newContext({ viewport: { width: 1100, height: 900 }, locale: 'sv-SE', serviceWorkers: 'block' });
    try {
      const { page, errors } = await open(context);
      await page.locator('input[type="file"]').setInputFiles({ name: 'html-i-celler.xlsx', mimeType: XLSX, buffer: await htmlWorkbook() });
      await page.getByText(/^Klart: html-i-celler\.xlsx/).waitFor({ timeout: 30_000 });
      await page.getByText('Summa kostnader <iframe', { exact: false }).first().waitFor();
      await page.getByRole('tab', { name: /^Tabeller/ }).click();
      await page.getByText('Raderna som Budgetkoll läste', { exact: false }).click();
      await page.getByText('Staten <img src=x', { exact: false }).first().waitFor();
      await page.getByText('Förbundschef</b>', { exact: false }).first().waitFor();
      await page.getByRole('tab', { name: /^Eget kapital/ }).click();
      await page.getByRole('tab', { name: /^Fynd/ }).click();
      await page.mouse.move(10, 10);
      const injected = await page.evaluate(`({
        xss: window.__xss === undefined ? null : window.__xss,
        elements: document.querySelectorAll('#root img[src="x"], #root script, #root svg[onload], #root b[onmouseover], #root iframe').length,
      })`);
      expect(injected).toEqual({ xss: null, elements: 0 });
      await expect(violations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads office.js from its CDN inside Office with no violation', async () => {
    // PowerPoint: the pane that needs nothing of the host but office.js (Word and Excel have their own tests).
    if (!canRun('the CSP browser test')) return;
    const context = await harness.browser().newContext({ viewport: { width: 420, height: 900 } });
    try {
      // Office is simulated: office.js is answered here, never fetched.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${harness.origin()}/`)) return route.continue();
        if (url === OFFICE_JS) return route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { onReady: function () { return Promise.resolve({ host: "PowerPoint" }); } };' });
        return route.abort();
      });
      const { page, errors } = await open(context, '?_host_Info=PowerPoint$Win32$16.01$sv-SE$$$$0', 'taskpane.html');
      await page.getByRole('button', { name: 'Välj arbetsbok…' }).waitFor({ timeout: 30_000 });
      await expect(page.evaluate('typeof window.Office')).resolves.toBe('object');
      await expect(page.getByText('Office-biblioteket kunde inte laddas', { exact: false }).count()).resolves.toBe(0);
      await expect(violations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
