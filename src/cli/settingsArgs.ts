import type { AnalysisSettings } from '../core/analyze';
import { DEFAULT_SETTINGS, parseBrackets, parseMunicipalSplit, parseOpeningEquity, parsePercent, type Parsed } from '../core/settings';
import type { ParsedArgs } from './args';

/** The reserve rule and opening equity from the command line; every bad value is a Swedish reason. */
export function settingsFromArgs(args: ParsedArgs): Parsed<AnalysisSettings> {
  const text = (name: string) => {
    const v = args.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const settings: AnalysisSettings = { sheet: text('--sheet') };
  const opening = text('--opening-equity');
  if (opening !== undefined) {
    const parsed = parseOpeningEquity(opening);
    if (!parsed.ok) return parsed;
    settings.openingEquity = parsed.value;
  }
  const base = text('--reserve-base');
  if (base !== undefined && base !== 'allocation' && base !== 'costs') {
    return { ok: false, reason: `--reserve-base ska vara allocation (medlemmarnas tilldelning) eller costs (kostnaderna), inte ”${base}”` };
  }
  const percent = text('--reserve-percent');
  const brackets = text('--reserve-brackets');
  let steps = DEFAULT_SETTINGS.reserve.brackets;
  if (percent !== undefined && brackets !== undefined) return { ok: false, reason: 'ange antingen --reserve-percent eller --reserve-brackets, inte båda' };
  if (percent !== undefined) {
    const parsed = parsePercent(percent);
    if (!parsed.ok) return parsed;
    steps = [{ upToKr: null, percent: parsed.value }];
  }
  if (brackets !== undefined) {
    const parsed = parseBrackets(brackets);
    if (!parsed.ok) return parsed;
    steps = parsed.value;
  }
  settings.reserve = { brackets: steps, base: (base as 'allocation' | 'costs' | undefined) ?? 'allocation' };
  const split = text('--municipal-split');
  if (split !== undefined) {
    const parsed = parseMunicipalSplit(split);
    if (!parsed.ok) return parsed;
    settings.municipalSplit = parsed.value;
  }
  return { ok: true, value: settings };
}

