/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { buildViewModel } from '../../src/taskpane/model/viewModel';
import { plain, renderInFluent, seedReports } from './helpers';

const items = () => screen.getAllByRole('listitem');
const cells = () => items().map((li) => li.getAttribute('data-cell'));

describe('FindingsList', () => {
  it('groups findings by severity, errors first, each with its cell and Swedish message', () => {
    const view = buildViewModel(seedReports());
    renderInFluent(<FindingsList findings={view.findings} tables={view.tables} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Fel (2)', 'Varningar (4)', 'Noteringar (2)']);
    const errors = within(screen.getByRole('list', { name: '2 fel' })).getAllByRole('listitem');
    expect(errors.map((li) => li.getAttribute('data-cell'))).toEqual(['C10', 'E34']);
    expect(plain(errors[0].textContent)).toContain('Summa intäkter 2024 är 12 930 tkr men raderna summerar till 12 970 tkr.');
    const consequence = items().find((li) => li.getAttribute('data-cell') === 'C12');
    expect(plain(consequence?.textContent)).toContain('Följer av felet i C10');
  });

  it('filters by severity', () => {
    const view = buildViewModel(seedReports());
    renderInFluent(<FindingsList findings={view.findings} tables={view.tables} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Varningar (4)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Noteringar (2)' }));
    expect(cells()).toEqual(['C10', 'E34']);
    expect(screen.queryByRole('heading', { name: /Varningar/ })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fel (2)' }));
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('Inga fynd med de valda filtren.')).toBeTruthy();
  });

  it('filters by table when the workbook has several, naming the sheet beside each cell', () => {
    const [table] = seedReports();
    const other = { ...table, sheet: 'Plan 2025', range: 'A1:E30', title: 'Plan', findings: table.findings.filter((f) => f.severity === 'info') };
    const view = buildViewModel([table, other]);
    renderInFluent(<FindingsList findings={view.findings} tables={view.tables} showSheet />);
    expect(items()).toHaveLength(10);
    const select = screen.getByRole('combobox', { name: 'Tabell' });
    fireEvent.change(select, { target: { value: 'Plan 2025!A1:E30' } });
    expect(cells()).toEqual(['B10', 'B36']);
    expect(items()[0].getAttribute('aria-label')).toMatch(/^Notering i Plan 2025!B10: /);
    expect(screen.getByRole('checkbox', { name: 'Fel (0)' })).toBeTruthy();
  });

  it('is one tab stop, moved through with the arrow keys, Home and End; Enter selects', () => {
    const view = buildViewModel(seedReports());
    const selected: string[] = [];
    renderInFluent(<FindingsList findings={view.findings} tables={view.tables} onSelect={(f) => selected.push(f.cell)} />);
    const list = items();
    expect(list.filter((li) => li.tabIndex === 0)).toEqual([list[0]]);
    list[0].focus();
    fireEvent.keyDown(list[0], { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('C12');
    expect(items().filter((li) => li.tabIndex === 0).map((li) => li.getAttribute('data-cell'))).toEqual(['C12']);
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(list[list.length - 1]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(list[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(selected).toEqual(['C10']);
  });

  it('says so when there is nothing to report', () => {
    renderInFluent(<FindingsList findings={[]} tables={[]} />);
    expect(screen.getByText('Inga fynd: summorna stämmer.')).toBeTruthy();
  });
});
