import type { Analysis, TableAnalysis } from '../analyze';
import type { DocSection, SectionSettings } from './types';
import { uppdragSection } from './uppdrag';
import { budgetTableSection } from './budgetTable';
import { commentSection } from './comment';
import { equitySection } from './equitySection';
import { sharesSection } from './sharesSection';
import { decisionSection } from './decision';
import { planYears } from './years';

/** The plan's standard sections, computed from the checked numbers, in Swedish. */
export function buildSections(analysis: Analysis, settings: SectionSettings = {}): DocSection[] {
  const main = mainTable(analysis);
  if (!main) return [uppdragSection()];
  const years = planYears(main.table);
  const name = forbundName(main, settings);
  return [
    uppdragSection(),
    budgetTableSection(main, years, name),
    commentSection(main, years),
    equitySection(main, years),
    sharesSection(main),
    decisionSection(years),
  ];
}

/** The budget the sections speak of: the table with an equity chain, else the largest. */
export function mainTable(analysis: Analysis): TableAnalysis | null {
  const withEquity = analysis.tables.find((t) => t.equity.length > 0);
  return withEquity ?? [...analysis.tables].sort((a, b) => b.table.rows.length - a.table.rows.length)[0] ?? null;
}

const NAME = /(Samordningsförbundet\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:[ -][A-ZÅÄÖ][\wåäöÅÄÖ-]*)*|[A-ZÅÄÖ][\wåäö-]+s samordningsförbund|Samordningsförbund(?:et)? [A-ZÅÄÖ][\wåäö]+)/;

/** From the sheet (`Samordningsförbundet Burlöv-…`, `Lunds samordningsförbund`) or the setting. */
export function forbundName(main: TableAnalysis, settings: SectionSettings): string | null {
  for (const text of [...(main.table.nameHints ?? []), main.table.title?.text ?? '']) {
    const m = NAME.exec(text);
    if (m) return m[1].replace(/\*$/, '').trim();
  }
  return settings.forbundName?.trim() || null;
}
