import * as path from 'path';
import { ARTIFACTS, OFFICE_JS, canRun, openWithFakeOffice, useBrowser, type Session } from './browserHarness';
import { IN_EXCEL, fakeExcelOfficeJs } from './fakeOffice';
import { PANE_WIDTH, expectFocusTrapped, expectFocusVisible, expectGoodView, isFocused, pressFromKeyboard, tabTo } from './paneChecks';

// The built pane opened in Excel, in a real Chromium. Excel is simulated (fakeOffice.ts): an
// Office that says host Excel, and `Excel.run` over the Excel adapter's fake workbook holding
// seed 001. Everything else is the real pane: the Excel chunk, the engine, the adapter. As in the
// other browser tests, with CI=true this never skips.

const harness = useBrowser();

async function openInExcel(): Promise<Session> {
  return openWithFakeOffice(harness, IN_EXCEL, await fakeExcelOfficeJs(), { width: 420, height: 1000 });
}

const book = <T>(session: Session, read: string): Promise<T> =>
  session.page.evaluate((expression) => {
    const b = (globalThis as unknown as { __book: unknown }).__book;
    return new Function('book', `return (${expression});`)(b);
  }, read) as Promise<T>;

describe('the pane in Excel', () => {
  it('analyses seed 001, selects a finding’s cell, fixes after a preview and undoes', async () => {
    if (!canRun('the Excel pane browser test')) return;
    const session = await openInExcel();
    const { context, page, requests, errors } = session;
    try {
      await page.getByRole('button', { name: 'Analysera arbetsboken' }).click({ timeout: 30_000 });
      await page.getByText(/^Klart: 1 tabell, 2 fel/).waitFor({ timeout: 30_000 });
      expect(requests.some((url) => /\/excel\.[0-9a-f]+\.js$/.test(url))).toBe(true);
      // Excel's pane only: neither the Word pane nor the file chooser is loaded.
      expect(requests.filter((url) => /\/(word|standalone)\.[0-9a-f]+\.js$/.test(url))).toEqual([]);
      await page.getByText(/C10/).first().waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'excel-pane-seed-001.png'), fullPage: true });

      await page.getByRole('listitem').filter({ hasText: 'C10' }).first().click();
      await expect(book<string>(session, 'book.selected')).resolves.toBe('Budget 2024!C10:C10');

      const typed = await book<unknown>(session, "book.sheets[0].cells.get('9:2').formula");
      expect(typeof typed).toBe('number');
      await page.getByRole('button', { name: /^Rätta summor \(\d+\)$/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('table').first().waitFor();
      // As Swedish Excel shows the formula; the value now and after, each on one line.
      await expect(dialog.locator('tr[data-cell="C10"]').textContent()).resolves.toBe('Summa intäkter 2024C10 =SUMMA(C5:C9)12\u00a093012\u00a0970+40');
      await page.screenshot({ path: path.join(ARTIFACTS, 'excel-pane-fix-preview.png') });
      await dialog.getByRole('button', { name: /^Rätta \d+ celler$/ }).click();
      await page.getByText(/^Klart: 1 tabell, 0 fel/).waitFor({ timeout: 30_000 });
      await expect(book<unknown>(session, "book.sheets[0].cells.get('9:2').formula")).resolves.toMatch(/^=SUM\(/);

      await page.getByRole('button', { name: 'Ångra Budgetkolls ändringar' }).click();
      await page.getByText(/^Klart: 1 tabell, 2 fel/).waitFor({ timeout: 30_000 });
      await expect(book<unknown>(session, "book.sheets[0].cells.get('9:2').formula")).resolves.toBe(typed);
      expect(errors).toEqual([]);
      const origin = harness.origin();
      expect(requests.filter((url) => !url.startsWith(`${origin}/`) && url !== OFFICE_JS && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the Excel pane at 320 px, to WCAG 2.1 AA', () => {
  it.each(['light', 'dark'] as const)('every view in Office’s %s theme: no sideways scrolling, no broken number, no axe-core violation', async (theme) => {
    if (!canRun('the Excel pane browser test')) return;
    const { context, page, errors } = await openWithFakeOffice(harness, IN_EXCEL, await fakeExcelOfficeJs({ theme }), { width: PANE_WIDTH, height: 800 });
    const view = (name: string) => expectGoodView(page, `excel-${theme}-${name}`);
    try {
      await page.getByRole('button', { name: 'Analysera arbetsboken' }).waitFor({ timeout: 30_000 });
      await view('start');
      await page.getByRole('button', { name: 'Analysera arbetsboken' }).click();
      await page.getByText(/^Klart: 1 tabell, 2 fel/).waitFor({ timeout: 30_000 });
      await view('findings');

      await page.getByRole('tab', { name: /^Tabeller/ }).click();
      await page.getByText('Raderna som Budgetkoll läste', { exact: false }).click();
      await page.getByRole('cell', { name: 'Summa intäkter' }).waitFor();
      await view('tables');

      await page.getByRole('tab', { name: 'Eget kapital' }).click();
      await page.getByRole('img', { name: /Eget kapital vid årets slut/ }).waitFor();
      await view('equity');

      await page.getByRole('tab', { name: 'Inställningar' }).click();
      await page.getByLabel('Riktvärde för eget kapital (procent)').fill('abc');
      await page.getByRole('button', { name: 'Kör kontrollen igen' }).click();
      await page.getByText('Procentsatsen ska vara ett tal mellan 0 och 100', { exact: false }).waitFor();
      await view('settings');

      await page.getByRole('button', { name: /^Rätta summor \(19\)$/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Samma värde, blir formel: 7 celler').click();
      await dialog.locator('tr[data-cell="B10"]').waitFor();
      await view('fix-preview');
      await dialog.getByRole('button', { name: 'Rätta 19 celler' }).click();
      await page.getByText(/^Klart: 1 tabell, 0 fel/).waitFor({ timeout: 30_000 });
      await view('fixed');

      await page.getByRole('button', { name: 'Ångra Budgetkolls ändringar' }).click();
      await page.getByText(/Budgetkolls ändringar är ångrade/).waitFor({ timeout: 30_000 });
      await page.getByText(/^Klart: 1 tabell, 2 fel/).waitFor({ timeout: 30_000 });
      await view('undone');

      // Jämför med en tidigare version: the open workbook (seed 001) against seed 000, and the comparison as a sheet.
      const compare = page.getByRole('region', { name: 'Jämför med en tidigare version' });
      await compare.locator('input[type="file"]').setInputFiles(path.join(__dirname, '../fixtures/seeds/seed-000-lund-prel.xlsx'));
      await page.getByText(/^Klart: jämfört med seed-000-lund-prel\.xlsx/).waitFor({ timeout: 30_000 });
      await view('compare');
      await page.getByRole('button', { name: 'Skriv jämförelsen som ett blad' }).click();
      await page.getByText(/Jämförelse/).first().waitFor();
      await view('compare-sheet');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('every action by keyboard, the focus seen: analyse, mark, add the check sheet, select a finding’s cell, switch tabs, preview (trapped, folded list opened, focus returned), fix and undo', async () => {
    if (!canRun('the Excel pane browser test')) return;
    const session = await openWithFakeOffice(harness, IN_EXCEL, await fakeExcelOfficeJs(), { width: PANE_WIDTH, height: 800 });
    const { context, page, errors } = session;
    const key = (name: string | RegExp) => pressFromKeyboard(page, page.getByRole('button', { name }));
    try {
      await page.getByRole('button', { name: 'Analysera arbetsboken' }).waitFor({ timeout: 30_000 });
      await key('Analysera arbetsboken');
      await page.getByText(/^Klart: 1 tabell, 2 fel/).waitFor({ timeout: 30_000 });
      await key('Markera i bladet');
      await page.getByText(/celler markerade med färg och anteckning/).waitFor({ timeout: 30_000 });
      await key('Skapa kontrollblad');
      await page.getByText(/^Bladet .* är skapat med fynden/).waitFor({ timeout: 30_000 });

      // The findings are one tab stop; the arrows move in them, Enter selects the cell in Excel.
      const c10 = page.locator('li[data-cell="C10"][data-severity="error"]');
      await tabTo(page, page.locator('li[data-cell]').first());
      await expectFocusVisible(page);
      while (!(await isFocused(c10))) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(book<string>(session, 'book.selected')).resolves.toBe('Budget 2024!C10:C10');

      // The tabs: the arrows move between them, Enter shows one.
      await tabTo(page, page.getByRole('tab', { name: /^Fynd/ }), { back: true });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: /^Tabeller/, selected: true }).waitFor();
      await key(/^Markera i Excel: Budget 2024!A3:E36$/);
      await expect(book<string>(session, 'book.selected')).resolves.toBe('Budget 2024!A3:E36');

      // The preview: the focus stays in it, the folded cells open from the keyboard, Escape gives the focus back.
      const fix = page.getByRole('button', { name: 'Rätta summor (19)' });
      await key('Rätta summor (19)');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectFocusTrapped(page, dialog);
      const folded = dialog.getByText('Samma värde, blir formel: 7 celler');
      await tabTo(page, folded);
      await expectFocusVisible(page);
      await page.keyboard.press('Enter');
      await dialog.locator('tr[data-cell="B10"]').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(isFocused(fix)).resolves.toBe(true);

      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await tabTo(page, dialog.getByRole('button', { name: 'Rätta 19 celler' }));
      await expectFocusVisible(page);
      await page.keyboard.press('Enter');
      await page.getByText(/^Klart: 1 tabell, 0 fel/).waitFor({ timeout: 30_000 });
      await expect(book<unknown>(session, "book.sheets[0].cells.get('9:2').formula")).resolves.toMatch(/^=SUM\(/);

      await key('Ångra Budgetkolls ändringar');
      await page.getByText(/^Klart: 1 tabell, 2 fel/).waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
