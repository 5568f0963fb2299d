import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, OFFICE_JS, ROOT, canRun, fitsWidth, openWithFakeOffice, useBrowser, type Session } from './browserHarness';
import { IN_WORD, fakeWordOfficeJs } from './fakeOffice';
import { PANE_WIDTH, expectFocusVisible, expectGoodView, isFocused, pressFromKeyboard, tabTo } from './paneChecks';

// The built pane opened in Word, in a real Chromium. Word is simulated (fakeOffice.ts): an Office
// that says host Word, and a `Word.run` over the Word adapter's fake document. Everything else is
// the real pane: the file chooser, the engine, the sections, the Word adapter's writer. As in
// standalone.test.ts, with CI=true this never skips.

const SEED = path.join(ROOT, 'test/fixtures/seeds/seed-000-lund-prel.xlsx');

const harness = useBrowser();

async function openInWord(supported: boolean, width = 420): Promise<Session> {
  return openWithFakeOffice(harness, IN_WORD, fakeWordOfficeJs({ supported }), { width, height: 900 });
}

/** Only office.js (answered here) leaves the local harness.server(). */
function offOrigin(requests: string[]): string[] {
  const origin = harness.origin();
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:') && url !== OFFICE_JS);
}

const tags = (page: Page) => page.evaluate(() => (globalThis as unknown as { __doc: { controls(): { tag: string }[] } }).__doc.controls().map((c) => c.tag));

/** Seed 000 as the user corrects it in Excel: both errors fixed, and the totals after them. */
async function correctedSeed(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SEED);
  const sheet = workbook.getWorksheet('Budget 2024');
  const values: Record<string, number> = { C30: 14060, C31: 1110, D12: 1110, D13: 14050, D31: 530, E12: 530, E13: 8370, E31: 5560 };
  for (const [cell, value] of Object.entries(values)) sheet!.getCell(cell).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The user adds a sentence to the equity section in Word. */
const editEquityByHand = (page: Page) => page.evaluate(() => {
  type Node = { kind: string; text?: string; tag?: string; children?: Node[] };
  const doc = (globalThis as unknown as { __doc: { controls(): Node[] } }).__doc;
  const control = doc.controls().find((c) => c.tag === 'budgetkoll:eget-kapital');
  const paragraph = control?.children?.find((n) => n.kind === 'paragraph' && (n.text ?? '').startsWith('Eget kapital beräknas'));
  if (!paragraph) throw new Error('no equity paragraph');
  paragraph.text += ' Styrelsen vill behålla en buffert.';
});

describe('the pane in Word', () => {
  it('inserts the ticked sections, then lists and updates those whose numbers changed, asking before overwriting a hand edit', async () => {
    if (!canRun('the Word pane browser test')) return;
    const { context, page, requests, errors } = await openInWord(true);
    try {
      await page.getByText('Infogar verksamhetsplanens avsnitt i dokumentet', { exact: false }).waitFor({ timeout: 30_000 });
      expect(requests).toContain(OFFICE_JS);
      // The Word adapter's chunk loads in Word; the engine only when a workbook is chosen.
      expect(requests.some((url) => /\/word\.[0-9a-f]+\.js$/.test(url))).toBe(true);
      expect(requests.some((url) => /\/engine\.[0-9a-f]+\.js$/.test(url))).toBe(false);
      // Word's pane only: neither the Excel pane nor the file chooser is loaded.
      expect(requests.filter((url) => /\/(excel|standalone)\.[0-9a-f]+\.js$/.test(url))).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-start.png') });

      await page.locator('input[type="file"]').first().setInputFiles(SEED);
      await page.getByText('Klart: seed-000-lund-prel.xlsx – 6 avsnitt, 2 fel i budgeten.').waitFor({ timeout: 30_000 });
      const boxes = page.getByRole('group', { name: 'Avsnitt att infoga' }).getByRole('checkbox');
      await expect(boxes.count()).resolves.toBe(6);
      for (let i = 0; i < 6; i++) await expect(boxes.nth(i).isChecked()).resolves.toBe(true);
      await page.getByRole('heading', { name: 'Förslag till beslut', level: 4 }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-seed-000.png'), fullPage: true });

      // Untick the distribution of funds, from the keyboard.
      await page.getByRole('checkbox', { name: 'Fördelning av medel' }).focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('checkbox', { name: 'Fördelning av medel' }).isChecked()).resolves.toBe(false);
      await expect(page.locator('section[data-section="fordelning"]').count()).resolves.toBe(0);

      await page.getByRole('button', { name: 'Infoga i dokumentet' }).click();
      const errorsQuestion = page.getByRole('group', { name: 'Budgeten har 2 fel' });
      await errorsQuestion.waitFor();
      await expect(errorsQuestion.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-confirm-errors.png') });
      await page.getByRole('button', { name: 'Infoga ändå' }).click();
      await page.getByText('Klart: 5 avsnitt infogade.').waitFor();
      await expect(tags(page)).resolves.toEqual(['budgetkoll:uppdrag', 'budgetkoll:budget', 'budgetkoll:budgetkommentar', 'budgetkoll:eget-kapital', 'budgetkoll:forslag-till-beslut']);
      await page.getByText('Finns i dokumentet och är aktuellt').first().waitFor();

      // The user edits the equity section by hand in Word, and corrects the budget in Excel.
      await editEquityByHand(page);
      await page.locator('input[type="file"]').first().setInputFiles({ name: 'seed-000-rattad-i-excel.xlsx', mimeType: XLSX, buffer: await correctedSeed() });
      await page.getByText('Klart: seed-000-rattad-i-excel.xlsx – 6 avsnitt.').waitFor({ timeout: 30_000 });
      const changed = page.getByText(/^Ändrade sedan de infogades: /);
      await changed.waitFor();
      // The equity section was edited, but its numbers did not change (they are recomputed either way).
      await expect(changed.textContent()).resolves.toBe('Ändrade sedan de infogades: Budget 2024 med plan 2025–2026, Budgetkommentar.');
      await page.getByText('Ändrat för hand i dokumentet').waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-changed.png'), fullPage: true });

      // No errors left in the budget, and neither changed section was edited: no questions.
      await page.getByRole('button', { name: 'Uppdatera de ändrade avsnitten' }).click();
      await page.getByText('Klart: 2 avsnitt uppdaterade.').waitFor();
      await page.getByText(/^Ändrade sedan de infogades: /).waitFor({ state: 'detached' });
      const budgetRows = await page.evaluate(() => {
        type Node = { kind: string; values?: string[][]; tag?: string; children?: Node[] };
        const doc = (globalThis as unknown as { __doc: { controls(): Node[] } }).__doc;
        const table = doc.controls().find((c) => c.tag === 'budgetkoll:budget')?.children?.find((n) => n.kind === 'table');
        return table?.values?.map((row) => row.join('|')) ?? [];
      });
      // The corrected figures, with no asterisks.
      expect(budgetRows.find((row) => row.startsWith('Summa kostnader'))).toBe('Summa kostnader|14\u00a0020|14\u00a0060|13\u00a0520|2\u00a0810');

      // All six: the hand-edited section is overwritten only when the user says so.
      await page.getByRole('button', { name: 'Infoga i dokumentet' }).click();
      const editedQuestion = page.getByRole('group', { name: 'Ett avsnitt är ändrat för hand' });
      await editedQuestion.waitFor();
      await expect(editedQuestion.getByRole('listitem').allTextContents()).resolves.toEqual(['Eget kapital och reservnivå']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-confirm-edited.png') });
      await page.getByRole('button', { name: 'Behåll mina ändringar' }).click();
      await page.getByText('Klart: 1 avsnitt infogat, 4 redan aktuella. Dina ändringar finns kvar i: Eget kapital och reservnivå.').waitFor();
      const equityText = () => page.evaluate(() => {
        type Node = { kind: string; text?: string; tag?: string; children?: Node[] };
        const doc = (globalThis as unknown as { __doc: { controls(): Node[] } }).__doc;
        return (doc.controls().find((c) => c.tag === 'budgetkoll:eget-kapital')?.children ?? []).map((n) => n.text ?? '').join('\n');
      });
      await expect(equityText()).resolves.toContain('Styrelsen vill behålla en buffert.');
      await expect(tags(page)).resolves.toHaveLength(6);

      await page.getByRole('button', { name: 'Infoga i dokumentet' }).click();
      await editedQuestion.waitFor();
      await page.getByRole('button', { name: 'Skriv över mina ändringar' }).click();
      await page.getByText('Klart: 1 avsnitt uppdaterat, 5 redan aktuella.').waitFor();
      await expect(equityText()).resolves.not.toContain('Styrelsen vill behålla en buffert.');
      await expect(tags(page)).resolves.toEqual(['budgetkoll:uppdrag', 'budgetkoll:budget', 'budgetkoll:budgetkommentar', 'budgetkoll:eget-kapital', 'budgetkoll:fordelning', 'budgetkoll:forslag-till-beslut']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-updated.png'), fullPage: true });

      // As narrow as a Word task pane: nothing wider than the pane.
      await page.setViewportSize({ width: 350, height: 900 });
      await fitsWidth(page, 350);
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-narrow.png'), fullPage: true });

      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says why a Word without WordApi 1.3 cannot take the sections, and still shows them', async () => {
    if (!canRun('the Word pane browser test')) return;
    const { context, page, requests, errors } = await openInWord(false);
    try {
      await page.getByText('Avsnitten kan inte infogas').waitFor({ timeout: 30_000 });
      await page.getByText('Budgetkoll behöver WordApi 1.3', { exact: false }).waitFor();
      await page.locator('input[type="file"]').first().setInputFiles(SEED);
      await page.getByRole('heading', { name: 'Förslag till beslut', level: 4 }).waitFor({ timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Infoga i dokumentet' }).isDisabled()).resolves.toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'word-pane-unsupported.png') });
      await expect(page.evaluate(() => (globalThis as unknown as { __runs: number }).__runs)).resolves.toBe(0);
      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the Word pane at 320 px, to WCAG 2.1 AA', () => {
  it.each(['light', 'dark'] as const)('every view in Office’s %s theme: no sideways scrolling, no broken number, no axe-core violation', async (theme) => {
    if (!canRun('the Word pane browser test')) return;
    const { context, page, errors } = await openWithFakeOffice(harness, IN_WORD, fakeWordOfficeJs({ theme }), { width: PANE_WIDTH, height: 800 });
    const view = (name: string) => expectGoodView(page, `word-${theme}-${name}`);
    try {
      await page.getByRole('button', { name: 'Välj arbetsbok…' }).waitFor({ timeout: 30_000 });
      await view('file-choice');

      await page.locator('input[type="file"]').first().setInputFiles(SEED);
      await page.getByText('Klart: seed-000-lund-prel.xlsx – 6 avsnitt, 2 fel i budgeten.').waitFor({ timeout: 30_000 });
      await page.getByText('Finns inte i dokumentet').first().waitFor();
      // The sections to tick and, below them, their preview with the budget's table.
      await view('sections');

      await page.getByRole('button', { name: 'Infoga i dokumentet' }).click();
      await page.getByRole('group', { name: 'Budgeten har 2 fel' }).waitFor();
      await view('confirm-errors');
      await page.getByRole('button', { name: 'Infoga ändå' }).click();
      await page.getByText('Klart: 6 avsnitt infogade.').waitFor();
      await view('inserted');

      await editEquityByHand(page);
      await page.getByRole('button', { name: 'Infoga i dokumentet' }).click();
      await page.getByRole('button', { name: 'Infoga ändå' }).click();
      await page.getByRole('group', { name: 'Ett avsnitt är ändrat för hand' }).waitFor();
      await view('confirm-edited');
      await page.getByRole('button', { name: 'Behåll mina ändringar' }).click();
      await page.getByText('Dina ändringar finns kvar i: Eget kapital och reservnivå.', { exact: false }).waitFor();
      await view('kept-edits');

      // The optional section on the changes: the previous proposal chosen, its threshold shown.
      const changes = page.getByRole('region', { name: /Förändringar jämfört med föregående förslag/ });
      await changes.locator('input[type="file"]').setInputFiles(path.join(path.dirname(SEED), 'seed-001-lund-antagen.xlsx'));
      await changes.getByLabel(/^Ändringar från/).waitFor({ timeout: 30_000 });
      await view('changes-section');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('every action by keyboard, the focus seen: choose the workbook, tick a section, scroll a table, insert and answer both questions', async () => {
    if (!canRun('the Word pane browser test')) return;
    const { context, page, errors } = await openWithFakeOffice(harness, IN_WORD, fakeWordOfficeJs(), { width: PANE_WIDTH, height: 800 });
    const press = (target: Locator, key?: string) => pressFromKeyboard(page, target, key);
    try {
      const choose = page.getByRole('button', { name: 'Välj arbetsbok…' });
      await choose.waitFor({ timeout: 30_000 });
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(choose)]);
      await chooser.setFiles(SEED);
      await page.getByText('Klart: seed-000-lund-prel.xlsx – 6 avsnitt, 2 fel i budgeten.').waitFor({ timeout: 30_000 });

      const funds = page.getByRole('checkbox', { name: 'Fördelning av medel' });
      await press(funds, 'Space');
      await expect(funds.isChecked()).resolves.toBe(false);
      // The budget's table scrolls in its own box, which the keyboard reaches and scrolls.
      const table = page.getByRole('region', { name: /^Tabell: / }).first();
      await tabTo(page, table, { max: 80 });
      await expectFocusVisible(page);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((el) => (el?.scrollLeft ?? 0) > 0, await table.elementHandle());

      await press(page.getByRole('button', { name: 'Infoga i dokumentet' }), 'Enter');
      // Each question takes the focus, and is answered from the keyboard.
      const errorsQuestion = page.getByRole('group', { name: 'Budgeten har 2 fel' });
      await errorsQuestion.waitFor();
      await expect(isFocused(errorsQuestion)).resolves.toBe(true);
      await press(errorsQuestion.getByRole('button', { name: 'Infoga ändå' }));
      await page.getByText('Klart: 5 avsnitt infogade.').waitFor();

      await editEquityByHand(page);
      await press(page.getByRole('button', { name: 'Infoga i dokumentet' }), 'Enter');
      await page.getByRole('group', { name: 'Budgeten har 2 fel' }).waitFor();
      await press(page.getByRole('button', { name: 'Infoga ändå' }));
      const editedQuestion = page.getByRole('group', { name: 'Ett avsnitt är ändrat för hand' });
      await editedQuestion.waitFor();
      await expect(isFocused(editedQuestion)).resolves.toBe(true);
      await press(editedQuestion.getByRole('button', { name: 'Behåll mina ändringar' }));
      await page.getByText('Dina ändringar finns kvar i: Eget kapital och reservnivå.', { exact: false }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a Word that cannot take the sections says so at 320 px, to WCAG 2.1 AA', async () => {
    if (!canRun('the Word pane browser test')) return;
    const { context, page } = await openWithFakeOffice(harness, IN_WORD, fakeWordOfficeJs({ supported: false }), { width: PANE_WIDTH, height: 800 });
    try {
      await page.locator('input[type="file"]').setInputFiles(SEED);
      await page.getByRole('heading', { name: 'Förslag till beslut', level: 4 }).waitFor({ timeout: 30_000 });
      await expectGoodView(page, 'word-light-unsupported');
    } finally {
      await context.close();
    }
  });
});
