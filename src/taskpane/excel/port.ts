import type { Result } from '../../core/result';
import type { AnalysisSettings } from '../../core/analyze';
import type { Language } from '../../core/messages';
import type { TableReport } from '../../core/report';
import type { ExcelCapabilities } from '../../excel/excelSupport';
import type { Undone } from '../../excel/write';
import type { FixPreview } from '../../app/fixPreview';
import type { SettingsForm } from '../../app/settingsForm';
import type { Compared, PickedFile } from '../model/source';

export type { FixPreview, FixPreviewCell, FixPreviewTable } from '../../app/fixPreview';

// The seam between the Excel pane and the open workbook: the pane's components know no Excel.
// In Excel it is officeExcelPort.ts (the only pane file that calls Excel.run); in tests, a fake.

export interface WorkbookSummary {
  readOnly: boolean;
  protectedSheets: string[];
  /** The settings stored in the workbook by an earlier analysis. */
  settings: SettingsForm | null;
  /** Budgetkoll's changes that "Ångra" can put back. */
  undoSteps: number;
}


export interface WorkbookAnalysis {
  reports: TableReport[];
  /** What "Rätta summor" would change. */
  fixes: FixPreview;
  /** Cells "Markera i bladet" would mark. */
  marks: number;
  /** Why the analysis could not be stored in the workbook (for the Word pane); null when it was. */
  notStored: string | null;
}

export type StepDone =
  /** `fillOnly`: cells with a threaded comment, marked with the fill alone (a cell cannot have both a comment and a note). */
  | { kind: 'marks'; cells: number; notes: boolean; fillOnly: string[] }
  | { kind: 'check-sheet'; sheet: string }
  | { kind: 'comparison-sheet'; sheet: string }
  | { kind: 'fixes'; cells: number }
  | ({ kind: 'undo' } & Omit<Undone, 'journal'>);

export interface ExcelWorkbookPort {
  capabilities(): ExcelCapabilities;
  /** The workbook's state when the pane opens. Never throws. */
  inspect(): Promise<Result<WorkbookSummary>>;
  /** Reads every sheet and checks it; `onProgress` gets 0…1 for a big workbook. Never throws. */
  analyze(settings: AnalysisSettings, form: SettingsForm, language: Language, onProgress: (fraction: number) => void): Promise<Result<WorkbookAnalysis>>;
  /** Selects a cell or range (`C10`, `A3:E36`), or several (`C12, E12`: a line's changed cells), on a sheet. Never throws. */
  select(sheet: string, address: string): Promise<Result<null>>;
  mark(): Promise<Result<StepDone>>;
  addCheckSheet(): Promise<Result<StepDone>>;
  fix(): Promise<Result<StepDone>>;
  undo(): Promise<Result<StepDone>>;
  /** The open workbook compared with an earlier version of it (a chosen .xlsx), with these settings. Never throws. */
  compare(older: PickedFile, settings: AnalysisSettings, language: Language, onProgress: CompareProgress): Promise<Result<Compared>>;
  /** The last comparison as a new sheet (one read and one write sync; Ångra removes it). Never throws. */
  addComparisonSheet(): Promise<Result<StepDone>>;
}

/** How far a comparison is: reading the earlier version, reading the open workbook (0…1), comparing. */
export type CompareProgress = (stage: 'reading-older' | 'reading' | 'comparing', fraction?: number) => void;
