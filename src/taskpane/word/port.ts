import type { Result } from '../../core/result';
import type { DocSection } from '../../core/sections/types';
import type { ExistingControl, PlanOptions } from '../../word/renderPlan';
import type { Written } from '../../word/wordWriter';
import type { Support } from '../../word/wordSupport';

// The seam between the Word pane and the open document: the pane's components know no
// Word. In Word it is officeWordPort.ts (the only pane file that calls Word.run); in
// tests, a fake that records what it was asked to write.

export interface WordDocumentPort {
  /** Whether this Word can take the sections (the requirement set); the reason in Swedish when not. */
  support(): Support;
  /** Budgetkoll's section controls in the document (tag, title, text). Never throws. */
  readControls(): Promise<Result<ExistingControl[]>>;
  /** Inserts new sections and updates changed ones; hand-edited ones only as options say. Never throws. */
  write(sections: readonly DocSection[], options: PlanOptions): Promise<Result<Written>>;
}
