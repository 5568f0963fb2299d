import { analyzeGrid, type AnalysisSettings } from '../core/analyze';
import { compareAnalyses } from '../core/compare/compareAnalyses';
import { diffReport, type DiffReport } from '../core/compare/diffReport';
import type { Comparison } from '../core/compare/types';
import type { Grid } from '../core/grid';
import type { Language } from '../core/messages';

// Compare two versions of a budget (the preliminary and the adopted one): both checked with the
// same settings, their tables, rows and years paired.

export interface VersionComparison {
  comparison: Comparison;
  /** The `diff --json` contract, the versions named as the user knows them. */
  report: DiffReport;
}

/** `names`: the versions as the user knows them, and the language of the findings' messages (Swedish unless given). */
export function compareVersions(oldGrid: Grid, newGrid: Grid, settings: AnalysisSettings, names: { old: string; new: string; language?: Language }): VersionComparison {
  const comparison = compareAnalyses(analyzeGrid(oldGrid, settings), analyzeGrid(newGrid, settings));
  return { comparison, report: diffReport(comparison, { old: names.old, new: names.new }, names.language) };
}
