import { analyzeGrid, type Analysis, type AnalysisSettings } from '../core/analyze';
import type { Grid } from '../core/grid';
import type { Language } from '../core/messages';
import { tableReport, type TableReport } from '../core/report';

// Analyse a workbook with settings: what every host shows first.

export interface WorkbookCheck {
  analysis: Analysis;
  /** The tables' reports (the JSON contract's), their messages in the language asked for. */
  reports: TableReport[];
}

/** The tables' reports of an analysis, their messages in `language`. */
export const reportsOf = (analysis: Analysis, language: Language = 'sv'): TableReport[] => analysis.tables.map((t) => tableReport(t, language));

/** The workbook's budget tables recognised and checked with the settings, and their reports. */
export function checkWorkbook(grid: Grid, settings: AnalysisSettings = {}, language: Language = 'sv'): WorkbookCheck {
  const analysis = analyzeGrid(grid, settings);
  return { analysis, reports: reportsOf(analysis, language) };
}
