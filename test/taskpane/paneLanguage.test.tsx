/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
import type { ReactElement } from 'react';
import { TextDecoder as NodeTextDecoder } from 'util';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Language } from '../../src/core/messages';
import { excelCapabilities } from '../../src/excel/excelSupport';
import { EquityChart } from '../../src/taskpane/components/EquityChart';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { ResultView } from '../../src/taskpane/components/ResultView';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { TablesList } from '../../src/taskpane/components/TablesList';
import { ExcelPane } from '../../src/taskpane/excel/ExcelPane';
import { createOfficeExcelPort } from '../../src/taskpane/excel/officeExcelPort';
import { countText, severityHeading, SEVERITY_HEADING } from '../../src/taskpane/model/format';
import { PaneLanguageProvider, usePaneLanguage } from '../../src/taskpane/model/language';
import { PANE_TEXT } from '../../src/taskpane/model/paneText';
import { DEFAULT_FORM } from '../../src/taskpane/model/settings';
import { buildViewModel, kindName, roleName, type EquityPoint } from '../../src/taskpane/model/viewModel';
import { FakeExcelWorkbook, sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid } from '../helpers/seeds';
import { plain, renderInFluent, seedReports } from './helpers';

// jsdom has no TextDecoder; reading the seed workbook (in Node, for the fake Excel) needs one.
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

// The shared components speak the pane's language (the Excel pane's, from Office's display
// language); without a provider they speak Swedish. Numbers stay Swedish in both.

const inEnglish = (ui: ReactElement) => renderInFluent(<PaneLanguageProvider value="en">{ui}</PaneLanguageProvider>);
const view = () => buildViewModel(seedReports());
const result = (language?: Language) => {
  const ui = <ResultView name="Workbook" view={view()} settingsForm={DEFAULT_FORM} onApplySettings={() => undefined} />;
  return language ? renderInFluent(<PaneLanguageProvider value={language}>{ui}</PaneLanguageProvider>) : renderInFluent(ui);
};
// A tab's name, not its text: Fluent repeats an unselected tab's content (hidden) to reserve its bold width.
const tabs = () => screen.getAllByRole('tab').map((t) => t.querySelector('.fui-Tab__content')?.textContent);
const badges = (section: HTMLElement) => [...section.querySelectorAll('.fui-Badge')].map((b) => plain(b.textContent));

describe('the pane language', () => {
  it('is Swedish without a provider', () => {
    function Probe() {
      return <span>{usePaneLanguage()}</span>;
    }
    renderInFluent(<Probe />);
    expect(screen.getByText('sv')).toBeTruthy();
  });

  it('names counts, severities, roles and kinds in either language, Swedish by default', () => {
    expect(countText(1, 'error')).toBe('1 fel');
    expect(countText(4, 'warning', 'en')).toBe('4 warnings');
    expect(countText(1, 'info', 'en')).toBe('1 note');
    expect(countText(1234, 'table', 'en')).toBe('1\u00a0234 tables');
    expect(SEVERITY_HEADING.warning).toBe('Varningar');
    expect(severityHeading('warning')).toBe('Varningar');
    expect(severityHeading('info', 'en')).toBe('Notes');
    expect(roleName('opening-equity')).toBe('ingående eget kapital');
    expect(roleName('opening-equity', 'en')).toBe('opening equity');
    expect(roleName('something-new', 'en')).toBe('something-new');
    expect(kindName('prognos')).toBe('prognos');
    expect(kindName('utfall', 'en')).toBe('actual');
  });

  it('has every text in both languages', () => {
    const keys = (language: Language) => Object.keys(PANE_TEXT[language]).sort();
    expect(keys('en')).toEqual(keys('sv'));
    for (const part of ['count', 'severityHeading', 'severityBadge', 'roles', 'kinds'] as const) {
      expect(Object.keys(PANE_TEXT.en[part]).sort()).toEqual(Object.keys(PANE_TEXT.sv[part]).sort());
    }
  });
});

describe('ResultView in English', () => {
  it('names the tabs, the counts and the findings’ groups in English', () => {
    result('en');
    const section = screen.getByRole('region', { name: 'Results for Workbook' });
    expect(badges(section).slice(0, 4)).toEqual(['1 table', '2 errors', '4 warnings', '2 notes']);
    expect(screen.getByRole('tablist', { name: 'Show' })).toBeTruthy();
    expect(tabs()).toEqual(['Findings (8)', 'Tables (1)', 'Equity', 'Settings']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Errors (2)', 'Warnings (4)', 'Notes (2)']);
    expect(screen.getByRole('list', { name: '2 errors' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Warnings (4)' })).toBeTruthy();
    const c10 = screen.getAllByRole('listitem').find((li) => li.getAttribute('data-cell') === 'C10');
    expect(c10?.getAttribute('aria-label')).toMatch(/^Error in C10: /);
    expect(within(c10 as HTMLElement).getByText('Error')).toBeTruthy();
    const c12 = screen.getAllByRole('listitem').find((li) => li.getAttribute('data-cell') === 'C12');
    expect(plain(c12?.textContent)).toContain('Follows from the error in C10');
    expect(screen.queryByText(/Fynd|Följer av|Varningar/)).toBeNull();
  });

  it('shows the equity chart and the settings in English', () => {
    result('en');
    fireEvent.click(screen.getByRole('tab', { name: 'Equity' }));
    expect(screen.getByRole('img', { name: /Equity at the end of each year against the guideline, in tkr/ })).toBeTruthy();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('listitem').map((li) => plain(li.textContent))).toEqual([
      'Equity at the end of the year', 'Above the guideline', "Guideline (20 % of the members' allocation)",
    ]);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Year', 'Opening', 'Result for the year', 'Closing', 'Guideline', 'Above the guideline',
    ]);
    // The amounts stay in Swedish format.
    expect(plain(screen.getAllByRole('row')[1].textContent)).toBe('20232 7806413 4211 4741 947');

    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByRole('form', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByLabelText(/Equity guideline \(percent\)/)).toBeTruthy();
    expect(screen.getByLabelText(/Opening equity \(YEAR=AMOUNT\)/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: "the members' allocation" })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'the costs' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run the check again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restore defaults' })).toBeTruthy();
  });

  it('keeps the Swedish texts without a provider', () => {
    result();
    expect(screen.getByRole('region', { name: 'Resultat för Workbook' })).toBeTruthy();
    expect(tabs()).toEqual(['Fynd (8)', 'Tabeller (1)', 'Eget kapital', 'Inställningar']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Fel (2)', 'Varningar (4)', 'Noteringar (2)']);
    fireEvent.click(screen.getByRole('tab', { name: 'Tabeller (1)' }));
    expect(screen.getByText('Blad')).toBeTruthy();
    expect(screen.getByText(/^Raderna som Budgetkoll läste/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Inställningar' }));
    expect(screen.getByRole('button', { name: 'Kör kontrollen igen' })).toBeTruthy();
  });
});

describe('the other components in English', () => {
  it('TablesList: the table’s facts, its counts and how each row was read', () => {
    const [report] = seedReports();
    const kinds = ['utfall', 'budget', 'prognos', 'plan'];
    const { tables } = buildViewModel([{ ...report, columns: report.columns.map((c, i) => ({ ...c, kind: kinds[i] })) }]);
    const selected: string[] = [];
    inEnglish(<TablesList tables={tables} onSelect={(t) => selected.push(t.range)} />);
    const terms = screen.getAllByRole('term').map((dt) => dt.textContent);
    expect(terms).toEqual(['Sheet', 'Range', 'Unit', 'Years']);
    expect(plain(screen.getAllByRole('definition')[3].textContent)).toBe('2023 (B3, actual) · 2024 (C3, budget) · 2025 (D3, forecast) · 2026 (E3, plan)');
    const card = screen.getByRole('region');
    expect(badges(card)).toEqual(['2 errors', '4 warnings', '2 notes']);
    fireEvent.click(screen.getByRole('button', { name: `Select in Excel: ${tables[0].sheet}!${tables[0].range}` }));
    expect(selected).toEqual([tables[0].range]);
    expect(screen.getByText(`The rows Budgetkoll read (${tables[0].rows.length})`)).toBeTruthy();
    const rows = screen.getByRole('table', { name: `The rows of ${tables[0].heading}`, hidden: true });
    expect(within(rows).getAllByRole('columnheader', { hidden: true }).map((th) => th.textContent)).toEqual(['Row', 'Label', 'Read as']);
    const readAs = within(rows).getAllByRole('row', { hidden: true }).slice(1).map((r) => r.lastElementChild?.textContent);
    expect(new Set(readAs)).toEqual(new Set(['heading', 'line', 'total', 'opening equity', 'available funds', 'closing equity']));
  });

  it('TablesList: no table found', () => {
    inEnglish(<TablesList tables={[]} />);
    expect(screen.getByText(/^No budget table was found\./)).toBeTruthy();
  });

  it('FindingsList: filters, their labels and the empty states', () => {
    const [table] = seedReports();
    const other = { ...table, sheet: 'Plan 2025', range: 'A1:E30', title: 'Plan', findings: table.findings.filter((f) => f.severity === 'info') };
    const { findings, tables } = buildViewModel([table, other]);
    const { unmount } = inEnglish(<FindingsList findings={findings} tables={tables} showSheet />);
    const select = screen.getByRole('combobox', { name: 'Table' });
    expect(within(select).getAllByRole('option')[0].textContent).toBe('All tables');
    expect(screen.getByRole('group', { name: 'Show' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'Plan 2025!A1:E30' } });
    expect(screen.getAllByRole('listitem')[0].getAttribute('aria-label')).toMatch(/^Note in Plan 2025!B10: /);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Notes (2)' }));
    expect(screen.getByText('No findings with the chosen filters.')).toBeTruthy();
    unmount();
    inEnglish(<FindingsList findings={[]} tables={[]} />);
    expect(screen.getByText('No findings: the totals add up.')).toBeTruthy();
  });

  it('EquityChart: negative and projected years, the guideline of the costs', () => {
    const points: EquityPoint[] = [
      { year: 2025, opening: '500', result: '-1500', closing: '-1000', limit: '800', excess: '0', percent: '20', source: 'projected' },
      { year: 2026, opening: '-1000', result: '3500', closing: '2500', limit: '800', excess: '1700', percent: '20', source: 'projected' },
    ];
    inEnglish(<EquityChart points={points} unit="kr" baseText={PANE_TEXT.en.baseCosts} />);
    expect(screen.getByText('Negative equity')).toBeTruthy();
    expect(screen.getByText(/^\* projected by Budgetkoll/)).toBeTruthy();
    expect(plain(screen.getByText(/^Guideline \(/).textContent)).toBe('Guideline (20 % of the costs)');
    expect(plain(document.querySelector('desc')?.textContent)).toBe('2025: −1 000 kr, guideline 800 kr (projected); 2026: 2 500 kr, guideline 800 kr (projected)');
    expect(screen.getByRole('region', { name: 'Equity per year (kr), table' })).toBeTruthy();
  });

  it('EquityChart: the default base follows the language', () => {
    const [table] = view().tables;
    inEnglish(<EquityChart points={table.equity} unit={table.unit} />);
    expect(plain(screen.getByText(/^Guideline \(/).textContent)).toBe("Guideline (20 % of the members' allocation)");
  });

  it('SettingsPanel: labels, hints and the pending note; the validation reasons stay the engine’s Swedish', async () => {
    inEnglish(<SettingsPanel value={DEFAULT_FORM} onApply={() => undefined} />);
    expect(screen.getByText("Default: 20 percent of the members' allocation.")).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Percent of' })).toBeTruthy();
    const percent = screen.getByLabelText(/Equity guideline/) as HTMLInputElement;
    fireEvent.change(percent, { target: { value: 'tjugo' } });
    expect(screen.getByText('The changes apply when you run the check again.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run the check again' }));
    await screen.findByText(/^Procentsatsen ska vara/);
  });
});

describe('the Excel pane', () => {
  it('gives its language to the shared components', async () => {
    const fx = new FakeExcelWorkbook(sheetsFromGrid(await readSeedGrid('seed-001-lund-antagen.xlsx')));
    const caps = excelCapabilities({ context: { requirements: { isSetSupported: (name) => name === 'ExcelApi' } } });
    renderInFluent(<ExcelPane excel={createOfficeExcelPort((batch) => batch(fx.context), caps, () => new Date('2026-11-23T15:00:00Z'))} language="en" />);
    await waitFor(() => expect(fx.syncs).toBeGreaterThanOrEqual(2));
    fireEvent.click(screen.getByRole('button', { name: 'Analyse workbook' }));
    const results = await screen.findByRole('region', { name: 'Results for Workbook' });
    expect(within(results).getByRole('heading', { level: 2 }).textContent).toBe('Workbook');
    expect(tabs()).toEqual(['Findings (8)', 'Tables (1)', 'Equity', 'Settings']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Errors (2)', 'Warnings (4)', 'Notes (2)']);
    const c10 = screen.getAllByRole('listitem').find((li) => li.getAttribute('data-cell') === 'C10');
    expect(plain(c10?.getAttribute('aria-label'))).toMatch(/^Error in C10: Summa intäkter 2024 is 12 930 tkr but/);
  });
});
