/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { EquityChart, niceTicks } from '../../src/taskpane/components/EquityChart';
import { buildViewModel, type EquityPoint } from '../../src/taskpane/model/viewModel';
import { plain, renderInFluent, seedReports } from './helpers';

const texts = (testId: string) => screen.getAllByTestId(testId).map((el) => el.textContent);

describe('EquityChart', () => {
  it('draws equity per year against the guideline, labelled in Swedish numbers', () => {
    const [table] = buildViewModel(seedReports()).tables;
    renderInFluent(<EquityChart points={table.equity} unit={table.unit} />);
    const chart = screen.getByRole('img', { name: /Eget kapital vid årets slut jämfört med riktvärdet, i tkr/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(texts('bar-value')).toEqual(['3\u00a0421', '1\u00a0899', '857', '5\u00a0425']);
    expect(texts('y-tick')).toEqual(['0', '2\u00a0000', '4\u00a0000', '6\u00a0000']);
    expect(screen.getByTestId('limit-line')).toBeTruthy();
    expect(plain(chart.querySelector('desc')?.textContent)).toContain('2023: 3 421 tkr, riktvärde 1 474 tkr');
    const legend = screen.getByRole('list', { name: 'Förklaring' });
    expect(within(legend).getAllByRole('listitem').map((li) => plain(li.textContent))).toEqual([
      'Eget kapital vid årets slut', 'Över riktvärdet', 'Riktvärde (20 % av medlemmarnas tilldelning)',
    ]);
    expect(plain(screen.getByText(/^Riktvärde \(/).textContent)).toBe('Riktvärde (20 % av medlemmarnas tilldelning)');
    const rows = screen.getAllByRole('row').map((r) => plain(r.textContent));
    expect(rows[1]).toBe('20232 7806413 4211 4741 947');
    expect(rows[2]).toContain('−1 522');
  });

  it('shows negative and projected years', () => {
    const points: EquityPoint[] = [
      { year: 2025, opening: '500', result: '-1500', closing: '-1000', limit: '800', excess: '0', percent: '20', source: 'projected' },
      { year: 2026, opening: '-1000', result: '3500', closing: '2500', limit: '800', excess: '1700', percent: '20', source: 'projected' },
    ];
    renderInFluent(<EquityChart points={points} unit="kr" baseText="kostnaderna" />);
    expect(texts('bar-value')).toEqual(['\u22121\u00a0000', '2\u00a0500']);
    expect(texts('y-tick')[0]).toBe('\u22121\u00a0000');
    expect(screen.getByText('Negativt eget kapital')).toBeTruthy();
    expect(screen.getByText(/beräknat av Budgetkoll/)).toBeTruthy();
    expect(plain(screen.getByText(/^Riktvärde \(/).textContent)).toBe('Riktvärde (20 % av kostnaderna)');
  });

  it('chooses round ticks that include zero', () => {
    expect(niceTicks(857, 5425)).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(-1000, 2500)).toEqual([-1000, 0, 1000, 2000, 3000]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(12.5, 37)).toEqual([0, 10, 20, 30, 40]);
  });
});
