import type { Analysis, AnalysisSettings } from '../core/analyze';
import type { CorrectionPlan } from '../core/correctionPlan';
import type { Grid } from '../core/grid';
import type { Language } from '../core/messages';
import type { TableReport } from '../core/report';
import { snapshotToXml } from '../core/snapshot';
import { checkWorkbook, reportsOf } from './checkWorkbook';
import { planCorrections } from './corrections';
import { fixPreview, type FixPreview } from './fixPreview';
import { formToJson, type SettingsForm } from './settingsForm';
import { buildSnapshot } from './snapshot';

// The Excel pane's check of the open workbook: the analysis and its reports in the pane's
// language, the plan its steps write (marks, fixes) with the fixes' preview, and what it stores
// in the workbook for the Word pane (the snapshot, with Swedish reports) and for next time (the form).

export interface OpenWorkbookCheck {
  analysis: Analysis;
  /** In the pane's language. */
  reports: TableReport[];
  plan: CorrectionPlan;
  /** What "Rätta summor" would change, by table and cell, in the pane's language. */
  preview: FixPreview;
  /** The snapshot's custom XML part. */
  snapshotXml: string;
  /** The settings form, as stored in the workbook's settings. */
  settingsJson: string;
}

export function checkOpenWorkbook(grid: Grid, settings: AnalysisSettings, form: SettingsForm, language: Language, madeAt: Date): OpenWorkbookCheck {
  const { analysis, reports } = checkWorkbook(grid, settings, language);
  const plan = planCorrections(analysis);
  // The snapshot's reports are Swedish (the Word pane's): the pane's own where it speaks Swedish.
  const snapshot = buildSnapshot(analysis, form, madeAt, language === 'sv' ? reports : reportsOf(analysis));
  return { analysis, reports, plan, preview: fixPreview(analysis, plan.fixes, language), snapshotXml: snapshotToXml(snapshot), settingsJson: formToJson(form) };
}
