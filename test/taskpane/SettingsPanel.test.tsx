/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AnalysisSettings } from '../../src/core/analyze';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { DEFAULT_FORM, type SettingsForm } from '../../src/taskpane/model/settings';
import { renderInFluent } from './helpers';

function setup() {
  const applied: [SettingsForm, AnalysisSettings][] = [];
  renderInFluent(<SettingsPanel value={DEFAULT_FORM} onApply={(form, settings) => applied.push([form, settings])} />);
  const percent = screen.getByLabelText(/Riktvärde för eget kapital/) as HTMLInputElement;
  const opening = screen.getByLabelText(/Ingående eget kapital/) as HTMLInputElement;
  const apply = () => fireEvent.click(screen.getByRole('button', { name: 'Kör kontrollen igen' }));
  return { applied, percent, opening, apply };
}

describe('SettingsPanel', () => {
  it('shows the defaults: 20 % of the members’ allocation, no opening equity', () => {
    const { percent, opening } = setup();
    expect(percent.value).toBe('20');
    expect((screen.getByRole('radio', { name: 'medlemmarnas tilldelning' }) as HTMLInputElement).checked).toBe(true);
    expect(opening.value).toBe('');
  });

  it('refuses a bad percentage and a bad opening equity with Swedish reasons, and does not re-run', async () => {
    const { applied, percent, opening, apply } = setup();
    fireEvent.change(percent, { target: { value: 'tjugo' } });
    fireEvent.change(opening, { target: { value: '4000' } });
    apply();
    await screen.findByText('Procentsatsen ska vara ett tal mellan 0 och 100 (fick ”tjugo”).');
    expect(screen.getByText('Ingående eget kapital ska skrivas ÅR=BELOPP, till exempel 2025=4000 (fick ”4000”).')).toBeTruthy();
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(applied).toHaveLength(0);

    // Editing a field clears its error.
    fireEvent.change(percent, { target: { value: '25' } });
    expect(screen.queryByText(/Procentsatsen ska vara/)).toBeNull();
  });

  it('applies valid settings: percent, base and ÅR=BELOPP', async () => {
    const { applied, percent, opening, apply } = setup();
    fireEvent.change(percent, { target: { value: '15,5' } });
    fireEvent.click(screen.getByRole('radio', { name: 'kostnaderna' }));
    fireEvent.change(opening, { target: { value: '2025=4 000' } });
    expect(screen.getByText('Ändringarna gäller när du kör kontrollen igen.')).toBeTruthy();
    apply();
    await waitFor(() => expect(applied).toHaveLength(1));
    const [form, settings] = applied[0];
    expect(form).toEqual({ reservePercent: '15,5', reserveBase: 'costs', openingEquity: '2025=4 000' });
    expect(settings.reserve?.brackets.map((b) => b.percent.toFixed())).toEqual(['15.5']);
    expect(settings.reserve?.base).toBe('costs');
    expect(settings.openingEquity?.year).toBe(2025);
    expect(settings.openingEquity?.amount.toFixed()).toBe('4000');
  });

  it('resets to the defaults', () => {
    const { percent } = setup();
    fireEvent.change(percent, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Återställ standardvärden' }));
    expect(percent.value).toBe('20');
  });
});
