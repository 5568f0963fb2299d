import type { Analysis, AnalysisSettings } from '../core/analyze';
import type { TableReport } from '../core/report';
import { analysisFingerprint, SNAPSHOT_VERSION, type AnalysisSnapshot } from '../core/snapshot';
import type { DocSection } from '../core/sections/types';
import { reportsOf } from './checkWorkbook';
import { planSections } from './sections';
import { settingsFromForm } from './settings';
import type { SettingsForm } from './settingsForm';

// The snapshot: the Excel pane's check as it was made in Excel (stored in the workbook, read by
// the Word pane from the saved file), and whether the workbook still holds the numbers it was
// made from (the fingerprint of the analysed tables).

/** The snapshot of an analysis made with the form's settings: Swedish reports, the sections, their errors. */
export function buildSnapshot(analysis: Analysis, form: SettingsForm, madeAt: Date, swedishReports: TableReport[] = reportsOf(analysis)): AnalysisSnapshot {
  const { sections, errors } = planSections(analysis);
  return {
    version: SNAPSHOT_VERSION,
    madeAt: madeAt.toISOString(),
    fingerprint: analysisFingerprint(analysis),
    settings: form,
    reports: swedishReports,
    sections,
    errors,
  };
}

/** Whether the analysis is of the numbers the snapshot was made from. */
export const snapshotIsCurrent = (snapshot: AnalysisSnapshot, analysis: Analysis): boolean => analysisFingerprint(analysis) === snapshot.fingerprint;

/** The Excel pane's snapshot stored in the workbook, as the Word pane tells of it. */
export interface SnapshotInfo {
  /** When the Excel pane made the snapshot (ISO 8601). */
  madeAt: string;
  /** The workbook's numbers changed since: the sections are built from the file, with the snapshot's settings. */
  outdated: boolean;
}

/** The plan's sections for one workbook, and where they come from. */
export interface PlanSections {
  sections: DocSection[];
  /** The check the sections were built from. */
  reports: TableReport[];
  /** Error findings in the budget table the sections speak of. */
  errors: number;
  snapshot: SnapshotInfo | null;
}

/**
 * The settings the plan's sections are checked with: those the Excel pane stored with its snapshot
 * when the workbook has one (the economist set them there), else the host's. Everything that
 * ends up in the plan — the sections and the section on the changes — uses them.
 */
export function sectionSettings(settings: AnalysisSettings, snapshot: AnalysisSnapshot | null): AnalysisSettings {
  if (!snapshot) return settings;
  const fromExcel = settingsFromForm(snapshot.settings);
  return fromExcel.ok ? fromExcel.value : settings;
}

/**
 * The plan's sections: the Excel pane's snapshot's while the workbook still holds the numbers it
 * was made from, else built from the checked numbers (with the snapshot's settings, when there is
 * one). `analyse` checks the workbook with settings (a host may keep the last analysis).
 */
export function sectionsWithSnapshot(analyse: (settings: AnalysisSettings) => Analysis, settings: AnalysisSettings, snapshot: AnalysisSnapshot | null): PlanSections {
  const analysis = analyse(sectionSettings(settings, snapshot));
  if (snapshot && snapshotIsCurrent(snapshot, analysis)) {
    return { sections: snapshot.sections, reports: snapshot.reports, errors: snapshot.errors, snapshot: { madeAt: snapshot.madeAt, outdated: false } };
  }
  const { sections, errors } = planSections(analysis);
  return { sections, reports: reportsOf(analysis), errors, snapshot: snapshot ? { madeAt: snapshot.madeAt, outdated: true } : null };
}
