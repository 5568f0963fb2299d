import { analyzeGrid, type Analysis, type AnalysisSettings } from '../core/analyze';
import type { Grid } from '../core/grid';
import { buildSections, mainTable } from '../core/sections/buildSections';
import type { DocSection, SectionSettings } from '../core/sections/types';

// Build the plan's sections: the same sections whether the command writes them to a .docx, the
// page offers them for download, the Word pane inserts them or the Excel pane stores them.

export interface PlannedSections {
  /** The plan's standard sections; none where the workbook has no budget table. */
  sections: DocSection[];
  /** Error findings in the budget table the sections speak of. */
  errors: number;
}

export function planSections(analysis: Analysis, settings: SectionSettings = {}): PlannedSections {
  const main = mainTable(analysis);
  if (!main) return { sections: [], errors: 0 };
  return { sections: buildSections(analysis, settings), errors: main.findings.filter((f) => f.severity === 'error').length };
}

/** A workbook's sections: checked with the settings, then built (`settings.sheet`: from that sheet's tables only). */
export const workbookSections = (grid: Grid, settings: AnalysisSettings = {}, sectionSettings: SectionSettings = {}): PlannedSections =>
  planSections(analyzeGrid(grid, settings), sectionSettings);
