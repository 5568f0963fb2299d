import type { AnalysisSettings } from '../../core/analyze';
import { sentence } from './format';

/** The settings as typed: text until it is valid. */
export interface SettingsForm {
  reservePercent: string;
  reserveBase: 'allocation' | 'costs';
  /** `ÅR=BELOPP`, or empty. */
  openingEquity: string;
}

/** The engine's DEFAULT_SETTINGS as a form (a test holds them equal). */
export const DEFAULT_FORM: SettingsForm = { reservePercent: '20', reserveBase: 'allocation', openingEquity: '' };

export type FormErrors = Partial<Record<'reservePercent' | 'openingEquity', string>>;

export type FormResult = { ok: true; settings: AnalysisSettings } | { ok: false; errors: FormErrors };

/**
 * The same rules (and Swedish reasons) as the command's --reserve-percent and
 * --opening-equity. Asynchronous: the rules come with decimal.js, which is
 * loaded with the engine rather than with the pane.
 */
export async function settingsFromForm(form: SettingsForm): Promise<FormResult> {
  const { parseOpeningEquity, parsePercent } = await import(/* webpackChunkName: "settings" */ '../../core/settings');
  const errors: FormErrors = {};
  const percent = parsePercent(form.reservePercent.trim());
  if (!percent.ok) errors.reservePercent = sentence(percent.reason);
  const openingText = form.openingEquity.trim();
  const opening = openingText === '' ? null : parseOpeningEquity(openingText);
  if (opening && !opening.ok) errors.openingEquity = sentence(opening.reason);
  if (!percent.ok || (opening && !opening.ok)) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      reserve: { brackets: [{ upToKr: null, percent: percent.value }], base: form.reserveBase },
      openingEquity: opening && opening.ok ? opening.value : null,
    },
  };
}
