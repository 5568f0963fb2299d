import type { AnalysisSettings } from '../../core/analyze';
import { comparisonSheetContent } from '../../core/compare/comparisonSheetContent';
import { diffView } from '../../core/compare/diffView';
import type { Grid } from '../../core/grid';
import type { Language } from '../../core/messages';
import { DEFAULT_THRESHOLD, planChangesSection, thresholdUnit } from '../../app/changesSection';
import { compareVersions } from '../../app/compareVersions';
import { readGridBytes } from '../../files/readGrid';
import type { ComparedVersions } from '../model/source';

// The comparison's engine in the panes: loaded by `import()` when the user first compares, so
// that no view carries the comparison, and the Excel pane no workbook reader, before then.

/** .xlsx bytes → the engine's Grid, or the Swedish reason the file cannot be read. */
export { readGridBytes as readWorkbook };

/** The comparison sheet's rows (the Excel pane writes them), in the order the view shows. */
export { comparisonSheetContent as comparisonSheet };

/**
 * The earlier version against the new one, with the same settings: what the panes show (the
 * reading order of core/compare/diffView.ts) and the plan's section of the changes at a threshold.
 */
export function compareGrids(oldGrid: Grid, newGrid: Grid, settings: AnalysisSettings, names: { old: string; new: string; language?: Language }): ComparedVersions {
  const { comparison, report } = compareVersions(oldGrid, newGrid, settings, names);
  const view = diffView(report);
  const unit = thresholdUnit(comparison);
  return {
    older: names.old,
    view,
    thresholdUnit: unit,
    defaultThreshold: DEFAULT_THRESHOLD[unit],
    changesSection: (threshold) => planChangesSection(comparison, threshold),
  };
}
