import { readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, ROOT, canRun, fitsWidth, useBrowser, type Session } from './browserHarness';
import { expectGoodView, PANE_WIDTH } from './paneChecks';

// The page's comparison of two versions in a real browser (the built pane, dist/): seed 000, the
// preliminary Lund budget, as the earlier version of seed 001, the adopted one. With CI=true this
// never skips. The views this adds (for the checks of the pane at 320 px and axe-core's WCAG rules,
// issue 17): the comparison section before and after a comparison, and the comparison itself.

const SEEDS = path.join(ROOT, 'test/fixtures/seeds');
const PREL = path.join(SEEDS, 'seed-000-lund-prel.xlsx');
const ADOPTED = path.join(SEEDS, 'seed-001-lund-antagen.xlsx');
/** Office's narrowest task pane. */
const NARROW = PANE_WIDTH;

const harness = useBrowser();

async function open(width = 1100): Promise<Session> {
  if (!harness.started()) throw new Error('browser not started');
  const context = await harness.browser().newContext({ acceptDownloads: true, viewport: { width, height: 900 }, locale: 'sv-SE', serviceWorkers: 'block' });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${harness.server().origin}/index.html`);
  return { context, page, requests, errors };
}

const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
const offOrigin = (requests: string[]) => requests.filter((url) => !url.startsWith(`${harness.origin()}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));

/** The views of the comparison at the pane's narrowest: the pane checks (paneChecks.ts: 320 px, no broken number, axe-core). */
async function checkNarrowView(page: Page, name: string): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
  await expectGoodView(page, name);
  await page.setViewportSize(before);
}

describe('the page compares two versions of a budget', () => {
  it('shows what changed between seed 000 and 001, from the keyboard, and downloads the plan’s section on the changes', async () => {
    if (!canRun('the comparison browser test')) return;
    const { context, page, requests, errors } = await open();
    try {
      await page.locator('input[type="file"]').first().setInputFiles(ADOPTED);
      await page.getByText(/^Klart: seed-001-lund-antagen\.xlsx/).waitFor({ timeout: 30_000 });
      const section = page.getByRole('region', { name: 'Jämför med en tidigare version' });
      await section.waitFor();
      await checkNarrowView(page, 'standalone-compare-start');
      expect(requests.some((url) => /\/compare-view\.[0-9a-f]+\.js$/.test(url))).toBe(false);

      await section.locator('input[type="file"]').setInputFiles(PREL);
      await page.getByText('Klart: jämfört med seed-000-lund-prel.xlsx – 1 tabell, 17 rader med ändrade belopp.').waitFor({ timeout: 30_000 });
      // The result takes the focus, and the view came in a chunk of its own.
      await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).resolves.toBe('Jämförelse med seed-000-lund-prel.xlsx');
      expect(requests.some((url) => /\/compare-view\.[0-9a-f]+\.js$/.test(url))).toBe(true);

      const changed = page.getByRole('region', { name: 'Ändrade rader (16), största ändringen först, BUDGET för 2024' });
      const iris = changed.getByRole('row', { name: /^IRIS \(Övergripande\)/ });
      await expect(textOf(iris.getByRole('cell').nth(1))).resolves.toBe('1 600 → 2 000(+400)');
      await expect(textOf(changed.getByRole('row').nth(1).getByRole('rowheader'))).resolves.toBe('IRIS Insam');
      const added = page.getByRole('region', { name: 'Nya rader (1), BUDGET för 2024' });
      await expect(textOf(added.getByRole('row', { name: /Finansiella intäkter och kostnader/ }))).resolves.toContain('Finansiella intäkter och kostnader1');
      const totals = page.getByRole('region', { name: /^Omräknade summor som ändrats \(5\)/ });
      await expect(textOf(totals.getByRole('row', { name: /^Summa kostnader/ }).getByRole('cell').nth(1))).resolves.toBe('14 060 → 14 492(+432)(står 14 065 → 14 492)');
      const equity = page.getByRole('region', { name: 'Eget kapital vid årets slut, omräknat, BUDGET för 2024' });
      await expect(textOf(equity.getByRole('row', { name: /^2024/ }))).resolves.toBe('20241 1101 899+789');
      await expect(textOf(page.getByRole('list', { name: 'Fynd: Åtgärdade (2)' }))).resolves.toContain('Summa kostnader 2024 är 14 065 tkr men raderna summerar till 14 060 tkr.');
      await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-compare-000-001.png'), fullPage: true });

      // A wide table scrolls in its own box, which the keyboard reaches and scrolls.
      await page.setViewportSize({ width: NARROW, height: 900 });
      await fitsWidth(page, NARROW);
      const scrolls = await changed.evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(scrolls).toBe(true);
      await changed.focus();
      await page.keyboard.press('ArrowRight');
      // Scrolling by key may be smooth: wait until it has moved.
      await changed.evaluate((el) => new Promise<void>((resolve) => {
        const check = () => (el.scrollLeft > 0 ? resolve() : setTimeout(check, 20));
        check();
      }));
      await checkNarrowView(page, 'standalone-compare-000-001');
      await page.setViewportSize({ width: 1100, height: 900 });

      // The plan's section at another threshold, in the sections' download.
      const threshold = page.getByLabel('Ändringar från (tkr)');
      await expect(threshold.inputValue()).resolves.toBe('100');
      await threshold.fill('500');
      await threshold.press('Enter');
      await page.getByText('med ändringarna från 500 tkr', { exact: false }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Ladda ned planens avsnitt (.docx)' }).click(),
      ]);
      const saved = path.join(ARTIFACTS, `compare-${download.suggestedFilename()}`);
      await download.saveAs(saved);
      const xml = (await (await JSZip.loadAsync(readFileSync(saved))).file('word/document.xml')?.async('string')) ?? '';
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/\u00a0/g, ' '));
      // After the budget comment, before equity; at 500 tkr, IRIS (Övergripande)'s +400 is left out.
      const changes = texts.slice(texts.indexOf('Förändringar jämfört med föregående förslag'), texts.indexOf('Eget kapital och reservnivå'));
      expect(texts.indexOf('Budgetkommentar')).toBeLessThan(texts.indexOf('Förändringar jämfört med föregående förslag'));
      expect(changes.some((t) => t.includes('Här redovisas ändringar på minst 500 tkr'))).toBe(true);
      expect(changes.slice(changes.indexOf('Förändring (tkr)') + 1, changes.indexOf('Förändring (tkr)') + 6)).toEqual(['IRIS Insam', '2023', '2 570', '1 884', '−686']);
      expect(changes).not.toContain('IRIS (Övergripande)');

      await page.getByRole('button', { name: 'Stäng jämförelsen' }).click();
      await expect(page.getByRole('region', { name: /^Ändrade rader/ }).count()).resolves.toBe(0);
      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
