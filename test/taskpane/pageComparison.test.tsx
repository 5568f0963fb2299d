/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AnalysisSettings } from '../../src/core/analyze';
import type { Grid } from '../../src/core/grid';
import type { Result } from '../../src/core/result';
import type { DocSection } from '../../src/core/sections/types';
import { compareGrids } from '../../src/taskpane/compare/compareEngine';
import type { AnalysisSource, ComparedVersions, FileSource, PickedFile, Stage } from '../../src/taskpane/model/source';
import { StandaloneApp } from '../../src/taskpane/standalone/StandaloneApp';
import { readSeedGrid } from '../helpers/seeds';
import { plain, renderInFluent, seedReports } from './helpers';

// The page's "Jämför med en tidigare version" in jsdom: the file source is driven by hand, and the
// comparison it hands over is the real one of seed 000 (the preliminary Lund budget) and seed 001
// (the adopted one), so that the view shows what the engine says.

interface Comparing {
  older: string;
  settings: AnalysisSettings;
  onStage: (stage: Stage) => void;
  finish: (outcome: Result<ComparedVersions>) => void;
}

let prel: Grid;
let adopted: Grid;
beforeAll(async () => {
  prel = await readSeedGrid('seed-000-lund-prel.xlsx');
  adopted = await readSeedGrid('seed-001-lund-antagen.xlsx');
});

const compared = (settings: AnalysisSettings = {}, older = 'prel.xlsx') => compareGrids(prel, adopted, settings, { old: older, new: 'budget.xlsx' });

function fakeFiles() {
  const analyses: { settings: AnalysisSettings; finish: () => void }[] = [];
  const comparing: Comparing[] = [];
  const documents: (readonly DocSection[])[] = [];
  const files: FileSource = {
    open(file: PickedFile): AnalysisSource {
      return {
        name: file.name,
        analyze: (settings) => new Promise((resolve) => analyses.push({ settings, finish: () => resolve({ ok: true, value: seedReports() }) })),
        sectionsDocument: async (_settings, _onStage, extra = []) => {
          documents.push(extra);
          return { ok: true, value: { fileName: 'budget-avsnitt.docx', bytes: new Uint8Array([4, 5]), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', errors: 2 } };
        },
        compare: (older, settings, onStage) => new Promise((finish) => {
          onStage('reading-older');
          comparing.push({ older: older.name, settings, onStage, finish });
        }),
      };
    },
  };
  return { files, analyses, comparing, documents };
}

const choose = (input: HTMLInputElement, name: string) => fireEvent.change(input, { target: { files: [new File(['x'], name)] } });
const section = () => screen.getByText('Jämför med en tidigare version', { selector: 'h2' }).closest('section') as HTMLElement;
const sectionStatus = () => plain(section().querySelector('[role="status"]')?.textContent);
// Role queries over the comparison's tables take seconds in jsdom: its parts are found by their labels.
const labelled = (label: string | RegExp) => {
  const found = [...document.querySelectorAll('[aria-label]')].find((e) => {
    const name = plain(e.getAttribute('aria-label'));
    return typeof label === 'string' ? name === label : label.test(name);
  });
  if (!found) throw new Error(`nothing labelled ${label}`);
  return found as HTMLElement;
};
const olderInput = () => within(section()).getByLabelText('Välj den tidigare versionen (.xlsx)') as HTMLInputElement;

async function checked(files: FileSource) {
  const view = renderInFluent(<StandaloneApp files={files} save={() => undefined} />);
  choose(document.querySelector('input[type="file"]') as HTMLInputElement, 'budget.xlsx');
  return view;
}

/** The page with budget.xlsx checked. */
async function checkedPage() {
  const fake = fakeFiles();
  await checked(fake.files);
  await act(async () => fake.analyses[0].finish());
  return fake;
}

describe('the page compares the checked workbook with an earlier version', () => {
  it('offers the comparison only once a workbook is checked; without one the sections are the six standard ones', async () => {
    const { files, analyses, documents } = fakeFiles();
    await checked(files);
    expect(screen.queryByText('Jämför med en tidigare version', { selector: 'h2' })).toBeNull();
    await act(async () => analyses[0].finish());
    expect(within(section()).getByRole('button', { name: 'Jämför med en tidigare version…' })).toBeTruthy();
    expect(plain(section().textContent)).toContain('Välj den tidigare versionen av budgeten (.xlsx)');
    expect(screen.getByText('Verksamhetsplanens sex standardavsnitt som Word-dokument, byggda på de omräknade summorna.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ladda ned planens avsnitt (.docx)' })));
    expect(documents).toEqual([[]]);
  });

  it('shows progress, then what changed between seed 000 and 001 grouped by table, the biggest change first', async () => {
    const { analyses, comparing } = await checkedPage();
    choose(olderInput(), 'prel.xlsx');
    expect(comparing.map((c) => c.older)).toEqual(['prel.xlsx']);
    expect(comparing[0].settings).toBe(analyses[0].settings);
    expect(sectionStatus()).toBe('Läser den tidigare versionen…');
    expect(section().getAttribute('aria-busy')).toBe('true');
    act(() => comparing[0].onStage('comparing'));
    expect(sectionStatus()).toBe('Jämför versionerna…');
    await act(async () => comparing[0].finish({ ok: true, value: compared() }));

    expect(sectionStatus()).toBe('Klart: jämfört med prel.xlsx – 1 tabell, 17 rader med ändrade belopp.');
    const title = screen.getByRole('heading', { name: 'Jämförelse med prel.xlsx' });
    expect(document.activeElement).toBe(title);
    // The view comes in a chunk of its own.
    const changed = await waitFor(() => labelled('Ändrade rader (16), största ändringen först, BUDGET för 2024'));
    expect(changed.getAttribute('role')).toBe('region');
    const rows = [...changed.querySelectorAll('tbody tr')];
    const rowLabel = (r: Element) => plain(r.querySelector('th[scope="row"]')?.textContent);
    expect(rowLabel(rows[0])).toBe('IRIS Insam');
    const iris = rows.find((r) => rowLabel(r) === 'IRIS (Övergripande)')!;
    expect([...iris.querySelectorAll('td')].map((c) => plain(c.textContent))).toEqual(['1 600 → 1 674(+74)', '1 600 → 2 000(+400)', '1 600 → 2 000(+400)', '']);
    // The 2023 column went from preliminary to final: one column, under the new header.
    expect([...changed.querySelectorAll('th[scope="col"]')].map((c) => plain(c.textContent))).toEqual(['Rad', '2023', '2024', '2025', '2026']);
    expect(plain(screen.getByText(/2023\(prel\.\) → 2023/).textContent)).toContain('År: 2023(prel.) → 2023');

    const added = labelled('Nya rader (1), BUDGET för 2024');
    expect(plain(added.textContent)).toContain('Finansiella intäkter och kostnader');
    const totals = labelled(/^Omräknade summor som ändrats \(5\)/);
    const costs = [...totals.querySelectorAll('tbody tr')].find((r) => /^Summa kostnader/.test(plain(r.textContent)))!;
    expect([...costs.querySelectorAll('td')].map((c) => plain(c.textContent))).toContain('14 060 → 14 492(+432)(står 14 065 → 14 492)');
    const equity = labelled('Eget kapital vid årets slut, omräknat, BUDGET för 2024');
    expect([...equity.querySelectorAll('tr')].map((r) => plain(r.textContent))).toContain('20241 1101 899+789');
    expect(plain(labelled('Fynd: Åtgärdade (2)').textContent)).toContain('Summa kostnader 2024 är 14 065 tkr men raderna summerar till 14 060 tkr.');
    // The tables' scroll boxes are reached from the keyboard; on the page no cell is a button.
    expect(changed.getAttribute('tabindex')).toBe('0');
    expect(changed.querySelector('button')).toBeNull();
  });

  it('puts the plan’s section on the changes, at the threshold the user sets, into the sections’ download', async () => {
    const { comparing, documents } = await checkedPage();
    const download = () => screen.getByRole('button', { name: 'Ladda ned planens avsnitt (.docx)' });
    choose(olderInput(), 'prel.xlsx');
    await act(async () => comparing[0].finish({ ok: true, value: compared() }));
    const threshold = screen.getByLabelText('Ändringar från (tkr)') as HTMLInputElement;
    expect(threshold.value).toBe('100');
    expect(plain(section().textContent)).toContain('Avsnittet ”Förändringar jämfört med föregående förslag” kommer med när du laddar ned planens avsnitt, med ändringarna från 100 tkr.');
    expect(plain(screen.getByText(/och förändringarna jämfört med prel\.xlsx/).textContent)).toBe('Verksamhetsplanens sex standardavsnitt och förändringarna jämfört med prel.xlsx som Word-dokument, byggda på de omräknade summorna.');

    // Not a threshold: said at the field, and the section stays as it was.
    fireEvent.change(threshold, { target: { value: 'mycket' } });
    fireEvent.submit(threshold.closest('form')!);
    expect(plain(screen.getByText(/gränsen ska vara/i).textContent)).toBe('Gränsen ska vara ett belopp i tkr (fick ”mycket”).');

    fireEvent.change(threshold, { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Använd gränsen' }));
    expect(plain(section().textContent)).toContain('med ändringarna från 500 tkr.');
    await act(async () => fireEvent.click(download()));
    const section500 = documents[0];
    expect(section500.map((s) => s.key)).toEqual(['forandringar']);
    const words = plain(JSON.stringify(section500[0].blocks));
    expect(words).toContain('Här redovisas ändringar på minst 500 tkr');
    expect(words).toContain('IRIS Insam');
    expect(words).not.toContain('IRIS (Övergripande)');
  });

  it('says in an alert why the earlier version cannot be compared', async () => {
    const { comparing } = await checkedPage();
    choose(olderInput(), 'gammal.xls');
    await act(async () => comparing[0].finish({ ok: false, reason: 'filen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel' }));
    const alert = within(section()).getAllByRole('alert').find((a) => a.textContent);
    expect(plain(alert?.textContent)).toBe('gammal.xls kunde inte jämförasFilen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel.');
    expect(sectionStatus()).toBe('');
    expect(within(section()).getByRole('button', { name: 'Välj en annan tidigare version…' })).toBeTruthy();
  });

  it('compares again with new settings, keeps a later choice over an earlier one, and forgets the comparison with another workbook', async () => {
    const { analyses, comparing } = await checkedPage();
    choose(olderInput(), 'first.xlsx');
    choose(olderInput(), 'prel.xlsx');
    await act(async () => comparing[1].finish({ ok: true, value: compared() }));
    await act(async () => comparing[0].finish({ ok: true, value: compared({}, 'first.xlsx') }));
    expect(screen.getByRole('heading', { name: 'Jämförelse med prel.xlsx' })).toBeTruthy();
    await waitFor(() => labelled(/^Ändrade rader/));

    fireEvent.click(screen.getByRole('tab', { name: 'Inställningar' }));
    fireEvent.change(screen.getByLabelText(/Riktvärde för eget kapital/), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kör kontrollen igen' }));
    await waitFor(() => expect(comparing).toHaveLength(3));
    expect(comparing[2].older).toBe('prel.xlsx');
    expect(comparing[2].settings.reserve?.brackets[0].percent.toFixed()).toBe('30');
    await act(async () => comparing[2].finish({ ok: true, value: compared(comparing[2].settings) }));
    await act(async () => analyses[1].finish());

    choose(document.querySelector('input[type="file"]') as HTMLInputElement, 'annan.xlsx');
    await act(async () => analyses[2].finish());
    expect(screen.queryByRole('heading', { name: 'Jämförelse med prel.xlsx' })).toBeNull();
    expect(within(section()).getByRole('button', { name: 'Jämför med en tidigare version…' })).toBeTruthy();
  });

  it('closes the comparison with its button', async () => {
    const { comparing } = await checkedPage();
    choose(olderInput(), 'prel.xlsx');
    await act(async () => comparing[0].finish({ ok: true, value: compared() }));
    await waitFor(() => labelled(/^Ändrade rader/));
    const close = screen.getByRole('button', { name: 'Stäng jämförelsen' });
    fireEvent.click(close);
    expect(() => labelled(/^Ändrade rader/)).toThrow();
    expect(sectionStatus()).toBe('');
  });
});
