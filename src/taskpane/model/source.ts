import type { Result } from '../../core/result';
import type { AnalysisSettings } from '../../core/analyze';
import type { TableReport } from '../../core/report';
import type { PlanSections } from '../../app/snapshot';
import type { DiffView } from '../../core/compare/diffView';
import type { Unit } from '../../core/numbers';
import type { DocSection } from '../../core/sections/types';

// The seam between the pane and where its workbook comes from: a chosen file
// in the browser (standalone/fileSource.ts), the open workbook in Excel later.
// The components see only TableReport, the JSON contract.

export type Stage = 'reading' | 'checking' | 'fixing' | 'sections' | 'reading-older' | 'comparing';

export interface CorrectedWorkbook {
  /** `<name>-rattad.xlsx` */
  fileName: string;
  bytes: Uint8Array;
  /** The findings the corrections were made from. */
  reports: TableReport[];
  /** What to tell of cells marked with the fill alone (they have a threaded comment); '' when none. */
  fillOnlyNote: string;
}

export type { PlanSections, SnapshotInfo } from '../../app/snapshot';

/** The sections as a Word document. */
export interface SectionsDocument {
  /** `<name>-avsnitt.docx` */
  fileName: string;
  bytes: Uint8Array;
  /** The file's media type. */
  type: string;
  /** Error findings in the budget table the sections speak of. */
  errors: number;
}

/** An earlier version compared with the workbook: what the panes show. */
export interface Compared {
  /** The earlier version's name (its file's). */
  older: string;
  /** The `diff --json` report in the order a reader goes through it. */
  view: DiffView;
}

/** A comparison made from files (the page, the Word pane): with the plan's section of the changes. */
export interface ComparedVersions extends Compared {
  /** The unit a threshold is given in (the budget table's), and the one a section starts with. */
  thresholdUnit: Unit;
  defaultThreshold: string;
  /** "Förändringar jämfört med föregående förslag" at the threshold as the user wrote it, or why it cannot be used. */
  changesSection(threshold: string): Result<DocSection>;
}

export interface AnalysisSource {
  /** The workbook's name as the user knows it. */
  readonly name: string;
  /** Never throws: a failure is a Swedish reason. */
  analyze(settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Result<TableReport[]>>;
  /** A corrected copy, where the source can make one. */
  corrected?(settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Result<CorrectedWorkbook>>;
  /** The plan's sections built from the checked numbers (or the workbook's snapshot), where the source can. */
  sections?(settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Result<PlanSections>>;
  /** The plan's sections as a .docx file, where the source can make one. */
  sectionsDocument?(settings: AnalysisSettings, onStage: (stage: Stage) => void, extra?: readonly DocSection[]): Promise<Result<SectionsDocument>>;
  /** This workbook compared with an earlier version of it (chosen as a file), where the source can. */
  compare?(older: PickedFile, settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Result<ComparedVersions>>;
}

/** What a file input or a drop hands over (a File in the browser). */
export interface PickedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The standalone pane's data source: a chosen file becomes an AnalysisSource. */
export interface FileSource {
  open(file: PickedFile): AnalysisSource;
}
