import type { AnalysisSettings } from '../../core/analyze';
import type { TableReport } from '../../core/report';

// The seam between the pane and where its workbook comes from: a chosen file
// in the browser (standalone/fileSource.ts), the open workbook in Excel later.
// The components see only TableReport, the JSON contract.

export type Stage = 'reading' | 'checking' | 'fixing';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface CorrectedWorkbook {
  /** `<name>-rattad.xlsx` */
  fileName: string;
  bytes: Uint8Array;
  /** The findings the corrections were made from. */
  reports: TableReport[];
}

export interface AnalysisSource {
  /** The workbook's name as the user knows it. */
  readonly name: string;
  /** Never throws: a failure is a Swedish reason. */
  analyze(settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Outcome<TableReport[]>>;
  /** A corrected copy, where the source can make one. */
  corrected?(settings: AnalysisSettings, onStage: (stage: Stage) => void): Promise<Outcome<CorrectedWorkbook>>;
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
