import type { AnalysisSettings } from '../core/analyze';
import { failure, ok, type Result } from '../core/result';
import { firstReason, parseSettings, type SettingsText } from '../app/settings';
import type { ParsedArgs } from './args';

/** The command's options for each setting (src/app/settings.ts reads them). */
const OPTIONS: Record<keyof SettingsText, string> = {
  sheet: '--sheet',
  openingEquity: '--opening-equity',
  reservePercent: '--reserve-percent',
  reserveBrackets: '--reserve-brackets',
  reserveBase: '--reserve-base',
  municipalSplit: '--municipal-split',
};

/** The settings from the command line; the first bad value is a Swedish reason. */
export function settingsFromArgs(args: ParsedArgs): Result<AnalysisSettings> {
  const text: SettingsText = {};
  for (const [field, option] of Object.entries(OPTIONS) as [keyof SettingsText, string][]) {
    const value = args.options.get(option);
    if (typeof value === 'string') text[field] = value;
  }
  const parsed = parseSettings(text);
  return parsed.ok ? ok(parsed.value) : failure(firstReason(parsed.reason));
}
