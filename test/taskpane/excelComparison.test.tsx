/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { excelCapabilities } from '../../src/excel/excelSupport';
import { ExcelPane } from '../../src/taskpane/excel/ExcelPane';
import { createOfficeExcelPort } from '../../src/taskpane/excel/officeExcelPort';
import { FakeExcelWorkbook, sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid, SEEDS_DIR } from '../helpers/seeds';
import { plain, renderInFluent } from './helpers';

// "Jämför med en tidigare version" in the Excel pane, over the real port and Excel adapter: the open
// workbook (the fake) holds seed 001, the user chooses seed 000, the preliminary budget.

const ALL = ['1.4', '1.9', '1.13', '1.18'];
const caps = excelCapabilities({ context: { requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && ALL.includes(version ?? '') } } });
const PREL = new Uint8Array(readFileSync(path.join(SEEDS_DIR, 'seed-000-lund-prel.xlsx')));

async function open(options: { readOnly?: boolean; language?: 'sv' | 'en' } = {}) {
  const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid('seed-001-lund-antagen.xlsx')));
  fx.readOnly = options.readOnly ?? false;
  renderInFluent(<ExcelPane excel={createOfficeExcelPort((batch) => batch(fx.context), caps, () => new Date('2026-11-23T15:00:00Z'))} language={options.language} />);
  await waitFor(() => expect(fx.syncs).toBeGreaterThanOrEqual(2));
  return fx;
}

// Role queries compute every element's role and name, which with the comparison's tables of
// buttons takes seconds in jsdom: the big parts are found by their labels instead.
const section = (name = 'Jämför med en tidigare version') => screen.getByText(name, { selector: 'h2' }).closest('section') as HTMLElement;
const labelled = (label: string) => {
  const found = [...document.querySelectorAll('[aria-label]')].find((e) => plain(e.getAttribute('aria-label')) === label);
  if (!found) throw new Error(`nothing labelled ${label}`);
  return found as HTMLElement;
};
const status = () => plain([...document.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' '));

/** The earlier version chosen in the section's file input (jsdom's File has no arrayBuffer()). */
function chooseOlder(name = 'seed-000-lund-prel.xlsx', bytes: Uint8Array = PREL, region = section()) {
  const file = Object.assign(new File(['x'], name), { arrayBuffer: async () => bytes.slice().buffer });
  fireEvent.change(region.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [file] } });
}

describe('the Excel pane compares the open workbook with an earlier version', () => {
  it('shows the comparison, and selects a line’s changed cells, or one of them, in Excel', async () => {
    const fx = await open();
    chooseOlder();
    await within(section()).findByText('Klart: jämfört med seed-000-lund-prel.xlsx – 1 tabell, 17 rader med ändrade belopp.');
    const changed = await waitFor(() => labelled('Ändrade rader (16), största ändringen först, BUDGET för 2024'));
    expect(changed.getAttribute('role')).toBe('region');

    const line = labelled('IRIS (Övergripande): markera de ändrade cellerna B22, C22, D22 i Excel');
    expect(line.tagName).toBe('BUTTON');
    expect(changed.contains(line)).toBe(true);
    fireEvent.click(line);
    await waitFor(() => expect(fx.selected).toBe('Budget 2024!B22:B22,C22:C22,D22:D22'));
    fireEvent.click(labelled('IRIS (Övergripande) 2024: 1 600 → 2 000 (+400). Markera C22 i Excel'));
    await waitFor(() => expect(fx.selected).toBe('Budget 2024!C22:C22'));
    // A total's cell too; every button is a button in the tab order.
    fireEvent.click(labelled('Summa kostnader 2024: 14 060 → 14 492 (+432) (står 14 065 → 14 492). Markera C34 i Excel'));
    await waitFor(() => expect(fx.selected).toBe('Budget 2024!C34:C34'));
    const buttons = [...section().querySelectorAll('[data-cell], [data-cells]')];
    expect(buttons.length).toBeGreaterThan(60);
    expect(buttons.every((b) => b.tagName === 'BUTTON' && b.getAttribute('tabindex') !== '-1')).toBe(true);
  });

  it('writes the comparison as a sheet, and Ångra (here, before any analysis) removes it', async () => {
    const fx = await open();
    const original = fx.sheets.map((s) => s.name);
    chooseOlder();
    await within(section()).findByText(/^Klart: jämfört med/);
    fireEvent.click(within(section()).getByText('Skriv jämförelsen som ett blad').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(status()).toContain('Bladet Jämförelse är skapat med jämförelsen och länkar till de ändrade cellerna.'));
    expect(fx.sheets.map((s) => s.name)).toEqual([...original, 'Jämförelse']);

    fireEvent.click(within(section()).getByText('Ångra Budgetkolls ändringar'));
    await waitFor(() => expect(status()).toMatch(/bladet Jämförelse borttaget/));
    expect(fx.sheets.map((s) => s.name)).toEqual(original);
  });

  it('after an analysis, Ångra is the pane’s own; the sheet is one more step', async () => {
    const fx = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
    await screen.findByText(/^Klart: 1 tabell, 2 fel/);
    chooseOlder();
    await within(section()).findByText(/^Klart: jämfört med/);
    fireEvent.click(within(section()).getByText('Skriv jämförelsen som ett blad').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(status()).toContain('Bladet Jämförelse är skapat'));
    const undos = screen.getAllByText('Ångra Budgetkolls ändringar').map((e) => e.closest('button') as HTMLButtonElement);
    expect(undos).toHaveLength(1);
    expect(section().contains(undos[0])).toBe(false);
    const undo = undos[0];
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    await waitFor(() => expect(fx.sheet('Jämförelse')).toBeNull());
  });

  it('in a read-only workbook compares, but writes no sheet', async () => {
    await open({ readOnly: true });
    chooseOlder();
    await within(section()).findByText(/^Klart: jämfört med/);
    expect((within(section()).getByText('Skriv jämförelsen som ett blad').closest('button') as HTMLButtonElement as HTMLButtonElement).disabled).toBe(true);
  });

  it('says in an alert why a file cannot be compared', async () => {
    await open();
    chooseOlder('anteckningar.txt', new Uint8Array(Buffer.from('hej')));
    const alert = await waitFor(() => {
      const found = [...section().querySelectorAll('[role="alert"]')].find((a) => a.textContent);
      if (!found) throw new Error('no alert yet');
      return found;
    });
    expect(plain(alert.textContent)).toBe('anteckningar.txt kunde inte jämförasEn CSV- eller textfil är ingen arbetsbok – öppna den i Excel och spara som .xlsx.');
  });

  it('speaks English when Office does not speak Swedish, the findings too', async () => {
    await open({ language: 'en' });
    const region = section('Compare with an earlier version');
    chooseOlder('seed-000-lund-prel.xlsx', PREL, region);
    await within(region).findByText('Done: compared with seed-000-lund-prel.xlsx – 1 table, 17 lines with changed amounts.');
    await waitFor(() => labelled('Changed lines (16), biggest change first, BUDGET för 2024'));
    expect(plain(labelled('Findings: Fixed (2)').textContent)).toMatch(/Summa kostnader 2024 is 14 065 tkr but its lines add up to 14 060 tkr/);
    expect(within(region).getByText('Write the comparison as a sheet')).toBeTruthy();
  });
});
