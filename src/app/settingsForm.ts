import { DEFAULT_RESERVE_TEXT } from '../core/rules/reserveDefault';

// The settings as the panes hold them: text, as typed, until it is valid (settings.ts reads it).
// Free of decimal.js: the panes show and store the form before the engine is loaded.

export interface SettingsForm {
  reservePercent: string;
  reserveBase: 'allocation' | 'costs';
  /** `ÅR=BELOPP`, or empty. */
  openingEquity: string;
}

/** The engine's default settings, as the form shows them. */
export const DEFAULT_FORM: SettingsForm = { reservePercent: DEFAULT_RESERVE_TEXT.percent, reserveBase: DEFAULT_RESERVE_TEXT.base, openingEquity: '' };

/** Why a field of the form is not valid (the engine's reason, as the command gives it). */
export type FormErrors = Partial<Record<'reservePercent' | 'openingEquity', string>>;

/** The form as the Excel pane stores it in the workbook's settings (JSON). */
export const formToJson = (form: SettingsForm): string => JSON.stringify(form);

/**
 * The form the Excel pane stored in a workbook: null where there is none or it is no JSON; a
 * field missing or of the wrong kind is the default's.
 */
export function formFromJson(text: string | null): SettingsForm | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<SettingsForm>;
    return {
      reservePercent: typeof data.reservePercent === 'string' ? data.reservePercent : DEFAULT_FORM.reservePercent,
      reserveBase: data.reserveBase === 'costs' ? 'costs' : 'allocation',
      openingEquity: typeof data.openingEquity === 'string' ? data.openingEquity : '',
    };
  } catch {
    return null;
  }
}
