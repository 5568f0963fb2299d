import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ARTIFACTS, OFFICE_JS, ROOT, canRun, openWithFakeOffice, useBrowser, type Session } from './browserHarness';
import { sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid } from '../helpers/seeds';

// The built pane opened in Excel, in a real Chromium. Excel is simulated: the office.js the page
// asks for is answered here (never fetched) with an Office that says host Excel, and `Excel.run`
// over the Excel adapter's fake workbook (test/excel/fakeExcel.ts, transpiled for the page)
// holding seed 001. Everything else is the real pane: the Excel chunk, the engine, the adapter.
// As in the other browser tests, with CI=true this never skips.

const IN_EXCEL = '?_host_Info=Excel$Win32$16.01$sv-SE$$$$0';

const transpile = (file: string) => ts.transpileModule(readFileSync(path.join(ROOT, file), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
}).outputText;

async function fakeOfficeJs(): Promise<string> {
  const sheets = sheetsFromGrid(await readSeedGrid('seed-001-lund-antagen.xlsx')).map((s) => ({ ...s, cells: [...s.cells.entries()] }));
  return `
(function () {
  var address = { exports: {} };
  (function (exports, module) { ${transpile('src/core/address.ts')} })(address.exports, address);
  var exports = {};
  var module = { exports: exports };
  var require = function () { return address.exports; };
  ${transpile('test/excel/fakeExcel.ts')}
  window.__fakeExcel = exports;
})();
window.__book = new window.__fakeExcel.FakeExcelWorkbook(${JSON.stringify(sheets)}.map(function (s) { s.cells = new Map(s.cells); return s; }));
window.Office = {
  HostType: { Word: 'Word', Excel: 'Excel' },
  context: { host: 'Excel', displayLanguage: 'sv-SE', officeTheme: { bodyBackgroundColor: '#FFFFFF' }, requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && Number(String(version).split('.')[1]) <= 18; } } },
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); },
};
window.Excel = { run: function (batch) { return batch(window.__book.context); } };
`;
}

const harness = useBrowser();

async function openInExcel(): Promise<Session> {
  return openWithFakeOffice(harness, IN_EXCEL, await fakeOfficeJs(), { width: 420, height: 1000 });
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
