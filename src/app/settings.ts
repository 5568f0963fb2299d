import type { AnalysisSettings } from '../core/analyze';
import { failure, ok, type Result } from '../core/result';
import { DEFAULT_SETTINGS, parseBrackets, parseMunicipalSplit, parseOpeningEquity, parsePercent } from '../core/settings';
import type { FormErrors, SettingsForm } from './settingsForm';

// The one reader of settings given as text: the command's options, the panes' settings form and
// the form the Excel pane stored in the workbook all come through parseSettings, with the same
// rules and the same Swedish reasons.

/** The settings as text; a field left out is the engine's default. */
export interface SettingsText {
  /** Only this sheet (the command's --sheet). */
  sheet?: string;
  /** `ÅR=BELOPP`; null: no opening equity (the form's empty field). */
  openingEquity?: string | null;
  /** `20`, `12,5 %`: one step for every allocation. */
  reservePercent?: string;
  /** `10000000:20,:15`: the staircase by allocation (kronor). */
  reserveBrackets?: string;
  /** `allocation` or `costs`. */
  reserveBase?: string;
  /** `Järfälla=50,Sundbyberg=32,Upplands-Bro=18`. */
  municipalSplit?: string;
}

/** Why a field is not valid, in Swedish; `reserve` when the reserve's fields contradict each other. */
export type SettingsErrors = Partial<Record<keyof SettingsText | 'reserve', string>>;

/**
 * The settings, or every field's reason it is not valid, in the order the fields are read
 * (firstReason gives the one the command reports).
 */
export function parseSettings(text: SettingsText): Result<AnalysisSettings, SettingsErrors> {
  const errors: SettingsErrors = {};
  const settings: AnalysisSettings = {};
  if (text.sheet !== undefined) settings.sheet = text.sheet;
  if (text.openingEquity === null) settings.openingEquity = null;
  else if (text.openingEquity !== undefined) {
    const parsed = parseOpeningEquity(text.openingEquity);
    if (parsed.ok) settings.openingEquity = parsed.value;
    else errors.openingEquity = parsed.reason;
  }
  const base = text.reserveBase;
  if (base !== undefined && base !== 'allocation' && base !== 'costs') {
    errors.reserveBase = `--reserve-base ska vara allocation (medlemmarnas tilldelning) eller costs (kostnaderna), inte ”${base}”`;
  }
  let brackets = DEFAULT_SETTINGS.reserve.brackets;
  if (text.reservePercent !== undefined && text.reserveBrackets !== undefined) {
    errors.reserve = 'ange antingen --reserve-percent eller --reserve-brackets, inte båda';
  } else if (text.reservePercent !== undefined) {
    const parsed = parsePercent(text.reservePercent);
    if (parsed.ok) brackets = [{ upToKr: null, percent: parsed.value }];
    else errors.reservePercent = parsed.reason;
  } else if (text.reserveBrackets !== undefined) {
    const parsed = parseBrackets(text.reserveBrackets);
    if (parsed.ok) brackets = parsed.value;
    else errors.reserveBrackets = parsed.reason;
  }
  settings.reserve = { brackets, base: base === 'costs' ? 'costs' : 'allocation' };
  if (text.municipalSplit !== undefined) {
    const parsed = parseMunicipalSplit(text.municipalSplit);
    if (parsed.ok) settings.municipalSplit = parsed.value;
    else errors.municipalSplit = parsed.reason;
  }
  return Object.keys(errors).length > 0 ? failure(errors) : ok(settings);
}

/** The reason the command reports: the first field's that is not valid. */
export const firstReason = (errors: SettingsErrors): string => Object.values(errors).find((reason) => reason !== undefined) ?? '';

/** The panes' form (and the form stored in a workbook): the percentage and opening equity trimmed, an empty opening equity none. */
export function settingsFromForm(form: SettingsForm): Result<AnalysisSettings, FormErrors> {
  const opening = form.openingEquity.trim();
  const parsed = parseSettings({ reservePercent: form.reservePercent.trim(), reserveBase: form.reserveBase, openingEquity: opening === '' ? null : opening });
  if (parsed.ok) return parsed;
  const errors: FormErrors = {};
  if (parsed.reason.reservePercent) errors.reservePercent = parsed.reason.reservePercent;
  if (parsed.reason.openingEquity) errors.openingEquity = parsed.reason.openingEquity;
  return failure(errors);
}
