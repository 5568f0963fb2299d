import { amountOfMoney, isNegative, type Amount } from '../core/amount';
import { changesSection } from '../core/sections/changesSection';
import { mainTable } from '../core/sections/buildSections';
import type { Comparison, TableComparison } from '../core/compare/types';
import type { DocSection } from '../core/sections/types';
import type { Unit } from '../core/numbers';
import { parseSwedishNumber } from '../core/numbers';
import { failure, ok, type Result } from '../core/result';

// The plan's section on the changes since the previous proposal, for every host alike (the
// command's `sections --compare`, the page's download, the Word pane): the comparison of the
// budget table the other sections speak of, the changes at or above a threshold in its unit.

/**
 * The threshold a section starts with: 100 000 kr, written in the table's unit (100 tkr,
 * 0,1 mkr). A förbund's budget is some 5–30 mkr a year, so 100 tkr is a change of about one
 * per cent or less — the size a board discusses; below it are re-estimates and rounding (seeds
 * 000 → 001: 2023's outcome moved by 1–3 tkr on several lines).
 */
export const DEFAULT_THRESHOLD: Record<Unit, string> = { kr: '100 000', tkr: '100', mkr: '0,1' };

/** The comparison of the budget table the plan's sections speak of (the new version's main table); null when there is none. */
export function mainComparison(comparison: Comparison): TableComparison | null {
  const main = mainTable({ tables: comparison.tables.flatMap((t) => (t.new ? [t.new] : [])) });
  return comparison.tables.find((t) => t.new !== null && t.new === main) ?? null;
}

/** The unit the threshold is given in: the compared budget table's. */
export const thresholdUnit = (comparison: Comparison): Unit => mainComparison(comparison)?.unit ?? 'tkr';

/** The threshold as the user writes it (`100`, `1 000`, `0,5`, `100 tkr`), in the table's unit; a Swedish reason when it is none. */
export function parseThreshold(text: string, unit: Unit): Result<Amount> {
  const parsed = parseSwedishNumber(text);
  if (!parsed.ok) return failure(parsed.reason === 'empty' ? 'ange en gräns, till exempel 0 för alla ändringar' : `gränsen ska vara ett belopp i ${unit} (fick ”${text.trim()}”)`);
  if (parsed.unit && parsed.unit !== unit) return failure(`ange gränsen i ${unit}, som budgettabellen`);
  const value = amountOfMoney(parsed.value);
  if (isNegative(value)) return failure('gränsen kan inte vara negativ');
  return ok(value);
}

/** The section at the threshold as the user wrote it, or why the threshold cannot be used. */
export function planChangesSection(comparison: Comparison, thresholdText: string): Result<DocSection> {
  const table = mainComparison(comparison);
  const threshold = parseThreshold(thresholdText, table?.unit ?? 'tkr');
  if (!threshold.ok) return threshold;
  return ok(changesSection(table, threshold.value));
}
