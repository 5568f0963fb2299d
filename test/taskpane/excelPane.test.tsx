/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { snapshotFromXml } from '../../src/core/snapshot';
import { excelCapabilities } from '../../src/excel/excelSupport';
import { ExcelPane } from '../../src/taskpane/excel/ExcelPane';
import { createOfficeExcelPort } from '../../src/taskpane/excel/officeExcelPort';
import { paneLanguage } from '../../src/taskpane/excel/strings';
import { FakeExcelWorkbook, sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid } from '../helpers/seeds';
import { plain, renderInFluent } from './helpers';
import { TextDecoder as NodeTextDecoder } from 'util';

// jsdom has no TextDecoder; reading the seed workbook (in Node, for the fake Excel) needs one.
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

// The Excel pane over the real port and Excel adapter, in a fake workbook holding seed 001
// (Lund, antagen: C10 and E34 wrong, C12 a consequence).

const SEED = 'seed-001-lund-antagen.xlsx';
const ALL = ['1.4', '1.9', '1.13', '1.18'];
const caps = (versions = ALL) => excelCapabilities({ context: { requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && versions.includes(version ?? '') } } });

async function open(options: { versions?: string[]; readOnly?: boolean; language?: 'sv' | 'en' } = {}) {
  const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid(SEED)));
  fx.readOnly = options.readOnly ?? false;
  const port = createOfficeExcelPort((batch) => batch(fx.context), caps(options.versions), () => new Date('2026-11-23T15:00:00Z'));
  renderInFluent(<ExcelPane excel={port} language={options.language} />);
  // The inspection when the pane opens.
  await waitFor(() => expect(fx.syncs).toBeGreaterThanOrEqual(2));
  return { fx, sheet: fx.sheets[0].name };
}

async function analyse() {
  fireEvent.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  await screen.findByText(/^Klart: 1 tabell, 2 fel/);
}

// Tabster's modalizer marks the surface aria-hidden in jsdom (not in a browser: the Chromium test
// finds the dialog's buttons by role); inside the dialog, hidden elements count.
const HIDDEN = { hidden: true } as const;

const status = () => plain(screen.getAllByRole('status').map((s) => s.textContent).join(' '));

describe('the Excel pane', () => {
  it('analyses the open workbook, stores the analysis for Word, and selects a finding’s cell', async () => {
    const { fx, sheet } = await open();
    await analyse();
    const finding = screen.getAllByRole('listitem').find((li) => /C10/.test(li.textContent ?? ''));
    expect(finding).toBeDefined();
    fireEvent.click(finding as HTMLElement);
    await waitFor(() => expect(fx.selected).toBe(`${sheet}!C10:C10`));
    expect(fx.xmlParts).toHaveLength(1);
    const snapshot = snapshotFromXml(fx.xmlParts[0].xml);
    expect(snapshot?.ok && snapshot.value.madeAt).toBe('2026-11-23T15:00:00.000Z');
    expect(snapshot?.ok && snapshot.value.sections.map((s) => s.key)).toContain('budget');
  });

  it('selects a recognised table’s range', async () => {
    const { fx, sheet } = await open();
    await analyse();
    fireEvent.click(screen.getByRole('tab', { name: /Tabeller/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Markera i Excel: Budget 2024!A\d+:[A-Z]+\d+$/ }));
    await waitFor(() => expect(fx.selected).toMatch(new RegExp(`^${sheet}!A\\d+:[A-Z]+\\d+$`)));
  });

  it('marks, fixes after a preview, and undoes: the workbook is as before', async () => {
    const { fx } = await open();
    const original = fx.state();
    await analyse();
    fireEvent.click(screen.getByRole('button', { name: 'Markera i bladet' }));
    await waitFor(() => expect(status()).toMatch(/celler markerade med färg och anteckning/));
    expect(fx.notes.size).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: /^Rätta summor \(\d+\)$/ }));
    const dialog = await screen.findByRole('dialog');
    // The cells whose value changes first, named by row and year, in Swedish format and Swedish Excel's formulas.
    const [changed, same] = within(dialog).getAllByRole('table', HIDDEN);
    expect(within(changed).getAllByRole('rowheader', HIDDEN).map((th) => th.textContent)[0]).toBe('Summa intäkter 2024C10 =SUMMA(C5:C9)');
    expect(plain(changed.querySelector('tr[data-cell="C10"]')?.textContent ?? '')).toBe('Summa intäkter 2024C10 =SUMMA(C5:C9)12 93012 970+40');
    expect(within(dialog).getByRole('heading', { ...HIDDEN, name: 'Värdet ändras i 12 celler' })).toBeTruthy();
    // The typed totals that keep their value, folded, with their count.
    expect(same.closest('details')?.open).toBe(false);
    expect(same.closest('details')?.querySelector('summary')?.textContent).toBe('Samma värde, blir formel: 7 celler');
    fireEvent.click(within(dialog).getByRole('button', { ...HIDDEN, name: /^Rätta \d+ celler$/ }));
    await waitFor(() => expect(status()).toMatch(/summor rättade med formler/));
    await waitFor(() => expect(status()).toMatch(/Klart: 1 tabell, 0 fel/));
    expect(fx.state()).not.toEqual(original);

    fireEvent.click(screen.getByRole('button', { name: 'Ångra Budgetkolls ändringar' }));
    await waitFor(() => expect(status()).toMatch(/Budgetkolls ändringar är ångrade/));
    await waitFor(() => expect(status()).toMatch(/Klart: 1 tabell, 2 fel/));
    const after = fx.state() as { sheets: unknown[] };
    expect(after.sheets).toEqual((original as { sheets: unknown[] }).sheets);
  });

  it.each(['renamed', 'deleted'] as const)('undoes after the marked sheet was %s, says what it could not undo, and Undo is then done', async (what) => {
    const undoButton = () => screen.queryByRole('button', { name: 'Ångra Budgetkolls ändringar' }) as HTMLButtonElement | null;
    const { fx, sheet } = await open();
    await analyse();
    fireEvent.click(screen.getByRole('button', { name: 'Markera i bladet' }));
    await waitFor(() => expect(status()).toMatch(/celler markerade/));
    if (what === 'renamed') fx.sheets[0].name = 'Budget (granskad)';
    else fx.sheets.splice(0, 1, { name: 'Kvar', cells: new Map(), protected: false, tables: [], charts: [] });
    fireEvent.click(undoButton() as HTMLButtonElement);
    await waitFor(() => expect(status()).toMatch(/Budgetkolls ändringar är ångrade/));
    if (what === 'renamed') expect(fx.sheets[0].cells.get('9:2')?.fill.pattern).toBe('None');
    else expect(status()).toMatch(new RegExp(`Bladet ${sheet} finns inte längre, så det Budgetkoll ändrat där kunde inte ångras`));
    // Nothing left to undo (with the sheet gone, no table either, and so no buttons).
    await waitFor(() => expect(undoButton()?.disabled ?? true).toBe(true));
    expect(fx.settings.has('budgetkoll.journal')).toBe(false);
  });

  it('marks a cell with a threaded comment with the fill only, and says so', async () => {
    const { fx, sheet } = await open();
    fx.sheets[0].comments = new Map([['C10', { id: '{C-1}', content: 'Kolla med kansliet' }]]);
    await analyse();
    fireEvent.click(screen.getByRole('button', { name: 'Markera i bladet' }));
    await waitFor(() => expect(status()).toMatch(/celler markerade med färg och anteckning/));
    expect(status()).toContain(`'${sheet}'!C10 har en kommentar och fick bara färg: Excel tillåter inte både kommentar och anteckning i samma cell.`);
    expect(fx.notes.get(`${sheet}!C10`)).toBeUndefined();
  });

  it('with the workbook structure protected: no check sheet, and undo keeps the one it cannot remove until the protection is off', async () => {
    const { fx } = await open();
    await analyse();
    fx.structureProtected = true;
    fireEvent.click(screen.getByRole('button', { name: 'Skapa kontrollblad' }));
    await screen.findByText(/Arbetsbokens struktur är skyddad/);
    expect(fx.sheet('Budgetkoll')).toBeNull();
    fx.structureProtected = false;
    fireEvent.click(screen.getByRole('button', { name: 'Skapa kontrollblad' }));
    await waitFor(() => expect(status()).toMatch(/Bladet Budgetkoll är skapat/));
    fx.structureProtected = true;
    const undoButton = () => screen.getByRole('button', { name: 'Ångra Budgetkolls ändringar' }) as HTMLButtonElement;
    fireEvent.click(undoButton());
    await waitFor(() => expect(status()).toMatch(/Bladet Budgetkoll är kvar: arbetsbokens struktur är skyddad/));
    await waitFor(() => expect(status()).toMatch(/Klart: 1 tabell/));
    expect(undoButton().disabled).toBe(false);
    fx.structureProtected = false;
    fireEvent.click(undoButton());
    await waitFor(() => expect(status()).toMatch(/bladet Budgetkoll borttaget/));
    expect(fx.sheet('Budgetkoll')).toBeNull();
  });

  it('cancelling the preview writes nothing', async () => {
    const { fx } = await open();
    await analyse();
    const before = fx.state();
    fireEvent.click(screen.getByRole('button', { name: /^Rätta summor/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { ...HIDDEN, name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fx.state()).toEqual(before);
  });

  it('refuses a fix when the user changed the table since the analysis', async () => {
    const { fx } = await open();
    await analyse();
    const cell = fx.sheets[0].cells.get('5:2');
    if (!cell) throw new Error('no C6');
    cell.formula = 1;
    cell.value = 1;
    const before = fx.state();
    fireEvent.click(screen.getByRole('button', { name: /^Rätta summor/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { ...HIDDEN, name: /^Rätta \d+ celler$/ }));
    const alert = await screen.findByText(/C6 har ändrats sedan analysen/);
    expect(alert).toBeTruthy();
    expect(fx.state()).toEqual(before);
  });

  it('creates the check sheet with a table and a chart, replaces it when asked again, and undo removes it', async () => {
    const { fx } = await open();
    const original = fx.sheets.map((s) => s.name);
    await analyse();
    fireEvent.click(screen.getByRole('button', { name: 'Skapa kontrollblad' }));
    await waitFor(() => expect(status()).toMatch(/Bladet Budgetkoll är skapat/));
    expect(fx.sheet('Budgetkoll')?.charts[0].series.map((s) => s.type)).toEqual(['ColumnClustered', 'Line']);
    // Again: the sheet is replaced, not joined by "Budgetkoll (2)"; undo removes it.
    fireEvent.click(screen.getByRole('button', { name: 'Skapa kontrollblad' }));
    await waitFor(() => expect(fx.syncs).toBeGreaterThan(0));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Skapa kontrollblad' }) as HTMLButtonElement).disabled).toBe(false));
    expect(fx.sheets.map((s) => s.name)).toEqual([...original, 'Budgetkoll']);
    expect(fx.sheet('Budgetkoll')?.charts).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Ångra Budgetkolls ändringar' }));
    await waitFor(() => expect(status()).toMatch(/bladet Budgetkoll borttaget/));
    expect(fx.sheets.map((s) => s.name)).toEqual(original);
  });

  it('a read-only workbook is analysed, but nothing can be written', async () => {
    await open({ readOnly: true });
    expect(await screen.findByText(/öppen skrivskyddad/)).toBeTruthy();
    await analyse();
    expect((screen.getByRole('button', { name: 'Markera i bladet' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /^Rätta summor/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('an Excel without ExcelApi 1.4 says so and offers no analysis', async () => {
    const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid(SEED)));
    const port = createOfficeExcelPort((batch) => batch(fx.context), caps([]));
    renderInFluent(<ExcelPane excel={port} />);
    expect(screen.getByText(/ExcelApi 1.4/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Analysera arbetsboken' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => undefined);
    expect(fx.syncs).toBe(0);
  });

  it('speaks English when Office does not speak Swedish', async () => {
    expect(paneLanguage('sv-SE')).toBe('sv');
    expect(paneLanguage('en-US')).toBe('en');
    expect(paneLanguage('fi-FI')).toBe('en');
    await open({ language: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse workbook' }));
    expect(await screen.findByText(/^Done: 1 table, 2 errors/)).toBeTruthy();
    // The preview shows the formulas as an English Excel does.
    fireEvent.click(screen.getByRole('button', { name: /^Fix totals \(19\)$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('tr[data-cell="E34"] code')?.textContent).toBe('=SUM(E15,E17,E19:E31,E33)');
    expect(within(dialog).getByRole('heading', { ...HIDDEN, name: 'The value changes in 12 cells' })).toBeTruthy();
  });
});
