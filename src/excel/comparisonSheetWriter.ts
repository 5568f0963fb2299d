/// <reference types="office-js" />
import { COMPARISON_SHEET_WIDTHS, type ComparisonSheetContent } from '../core/compare/comparisonSheetContent';
import { queueBlock, queueSheetFrame } from './checkSheetWriter';

// The comparison with an earlier version as a new sheet in the open workbook: per table its
// changes as an Excel table (with links to the changed cells), then its findings fixed, new and
// remaining. Queued into the same batch as the rest of the step (write.ts); nothing is synced here.

export function queueComparisonSheet(context: Excel.RequestContext, content: ComparisonSheetContent, name: string): void {
  const sheet = queueSheetFrame(context, name, { ...content, widths: COMPARISON_SHEET_WIDTHS });
  let row = 3;
  for (const { block, asTable } of content.blocks) row = queueBlock(sheet, block, row, asTable).next;
  sheet.activate();
}
