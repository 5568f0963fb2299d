/** @jest-environment jsdom */
import type { Result } from '../../src/core/result';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AnalysisSettings } from '../../src/core/analyze';
import type { TableReport } from '../../src/core/report';
import type { AnalysisSource, FileSource, PickedFile, Stage } from '../../src/taskpane/model/source';
import { StandaloneApp } from '../../src/taskpane/standalone/StandaloneApp';
import { plain, renderInFluent, seedReports } from './helpers';

interface Step {
  onStage: (stage: Stage) => void;
  settings: AnalysisSettings;
  finish: (outcome: Result<TableReport[]>) => void;
}

/** A file source the test drives by hand: each analysis waits for finish(). */
function fakeFiles() {
  const steps: Step[] = [];
  const opened: string[] = [];
  const files: FileSource = {
    open(file: PickedFile): AnalysisSource {
      opened.push(file.name);
      return {
        name: file.name,
        analyze: (settings, onStage) => new Promise((finish) => steps.push({ onStage, settings, finish })),
        corrected: async (_settings, onStage) => {
          onStage('fixing');
          return { ok: true, value: { fileName: 'budget-rattad.xlsx', bytes: new Uint8Array([1, 2, 3]), reports: seedReports(), fillOnlyNote: '' } };
        },
        sectionsDocument: async (_settings, onStage) => {
          onStage('sections');
          return { ok: true, value: { fileName: 'budget-avsnitt.docx', bytes: new Uint8Array([4, 5]), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', errors: 2 } };
        },
      };
    },
  };
  return { files, steps, opened };
}

const status = () => plain(screen.getAllByRole('status')[0].textContent);
const choose = (name: string) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['x'], name)] } });
};

describe('StandaloneApp', () => {
  it('shows progress, then the findings of the chosen file', async () => {
    const { files, steps, opened } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    expect(screen.getByRole('button', { name: 'Välj arbetsbok…' })).toBeTruthy();

    choose('budget.xlsx');
    expect(opened).toEqual(['budget.xlsx']);
    expect(status()).toBe('Läser arbetsboken…');
    act(() => steps[0].onStage('checking'));
    expect(status()).toBe('Kontrollerar…');
    await act(async () => steps[0].finish({ ok: true, value: seedReports() }));

    expect(status()).toBe('Klart: budget.xlsx – 1 tabell, 2 fel, 4 varningar, 2 noteringar.');
    expect(screen.getByRole('heading', { name: 'budget.xlsx' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Fynd (8)' }).getAttribute('aria-selected')).toBe('true');
    const errors = within(screen.getByRole('list', { name: '2 fel' })).getAllByRole('listitem');
    expect(errors.map((li) => li.getAttribute('data-cell'))).toEqual(['C10', 'E34']);
    expect(screen.getByRole('button', { name: 'Välj en annan arbetsbok…' })).toBeTruthy();
  });

  it('says in Swedish why a file cannot be read, in an alert', async () => {
    const { files, steps } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    choose('gammal.xls');
    await act(async () => steps[0].finish({ ok: false, reason: 'filen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel' }));
    const alert = screen.getAllByRole('alert').find((a) => a.textContent);
    expect(plain(alert?.textContent)).toBe('gammal.xls kunde inte läsasFilen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel.');
    expect(screen.queryByRole('button', { name: 'Ladda ned rättad arbetsbok' })).toBeNull();
    expect(status()).toBe('');
  });

  it('re-runs the check with new settings and keeps the last result meanwhile', async () => {
    const { files, steps } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    choose('budget.xlsx');
    await act(async () => steps[0].finish({ ok: true, value: seedReports() }));
    expect(steps[0].settings).toEqual({});

    fireEvent.click(screen.getByRole('tab', { name: 'Inställningar' }));
    fireEvent.change(screen.getByLabelText(/Riktvärde för eget kapital/), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kör kontrollen igen' }));
    await waitFor(() => expect(steps).toHaveLength(2));
    expect(steps[1].settings.reserve?.brackets[0].percent.toFixed()).toBe('30');
    expect(screen.getByRole('region', { name: 'Resultat för budget.xlsx' }).getAttribute('aria-busy')).toBe('true');
    await act(async () => steps[1].finish({ ok: true, value: seedReports() }));
    expect(screen.getByRole('region', { name: 'Resultat för budget.xlsx' }).getAttribute('aria-busy')).toBe('false');
    expect((screen.getByLabelText(/Riktvärde för eget kapital/) as HTMLInputElement).value).toBe('30');
  });

  it('says so when the workbook holds no budget table', async () => {
    const { files, steps } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    choose('anteckningar.xlsx');
    await act(async () => steps[0].finish({ ok: true, value: [] }));
    expect(status()).toMatch(/^Klart: ingen budgettabell hittades i anteckningar\.xlsx\. Budgetkoll letar efter en tabell med årskolumner/);
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ladda ned rättad arbetsbok' })).toBeNull();
  });

  it('ignores an analysis overtaken by a later file', async () => {
    const { files, steps } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    choose('first.xlsx');
    choose('second.xlsx');
    await act(async () => steps[1].finish({ ok: true, value: seedReports() }));
    await act(async () => steps[0].finish({ ok: false, reason: 'filen är tom' }));
    expect(screen.getByRole('heading', { name: 'second.xlsx' })).toBeTruthy();
    expect(screen.getAllByRole('alert').every((a) => !a.textContent)).toBe(true);
  });

  it('saves the corrected workbook from the page', async () => {
    const { files, steps } = fakeFiles();
    const saved: [string, number[]][] = [];
    renderInFluent(<StandaloneApp files={files} save={(name, bytes) => saved.push([name, [...bytes]])} />);
    choose('budget.xlsx');
    await act(async () => steps[0].finish({ ok: true, value: seedReports() }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ladda ned rättad arbetsbok' })));
    expect(saved).toEqual([['budget-rattad.xlsx', [1, 2, 3]]]);
    expect(screen.getByText('budget-rattad.xlsx är sparad i webbläsarens hämtade filer. Originalet är oförändrat.')).toBeTruthy();
  });

  it('saves the plan’s sections as a .docx, saying beside the button that the budget has errors', async () => {
    const { files, steps } = fakeFiles();
    const saved: [string, number[], string | undefined][] = [];
    renderInFluent(<StandaloneApp files={files} save={(name, bytes, type) => saved.push([name, [...bytes], type])} />);
    choose('budget.xlsx');
    await act(async () => steps[0].finish({ ok: true, value: seedReports() }));
    expect(screen.getByText('Budgeten har fel – avsnitten säger det, men rätta helst först.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ladda ned planens avsnitt (.docx)' })));
    expect(saved).toEqual([['budget-avsnitt.docx', [4, 5], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]);
    expect(screen.getByText('budget-avsnitt.docx är sparad i webbläsarens hämtade filer.')).toBeTruthy();
  });

  it('says nothing about errors beside the sections button when the budget has none', async () => {
    const { files, steps } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    choose('budget.xlsx');
    const [table] = seedReports();
    await act(async () => steps[0].finish({ ok: true, value: [{ ...table, findings: table.findings.filter((f) => f.severity !== 'error') }] }));
    expect(screen.getByRole('button', { name: 'Ladda ned planens avsnitt (.docx)' })).toBeTruthy();
    expect(screen.queryByText(/Budgeten har fel/)).toBeNull();
  });

  it('takes a dropped file', () => {
    const { files, opened } = fakeFiles();
    renderInFluent(<StandaloneApp files={files} />);
    const zone = screen.getByRole('button', { name: 'Välj arbetsbok…' }).parentElement as HTMLElement;
    const file = new File(['x'], 'dropped.xlsx');
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    expect(opened).toEqual(['dropped.xlsx']);
    expect(status()).toBe('Läser arbetsboken…');
  });
});
