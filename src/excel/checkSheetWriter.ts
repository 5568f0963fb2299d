/// <reference types="office-js" />
import { toA1 } from '../core/address';
import { CHECK_SHEET_WIDTHS, isLink, type CheckSheetBlock, type CheckSheetContent, type CheckSheetValue } from '../core/checkSheetContent';
import { needsTextPrefix, qualifiedAddress } from './changes';

// The `Budgetkoll` sheet in the open workbook: the findings as an Excel table with links to
// their cells, and a native Excel chart of equity per year against the guideline limit.
// Queued into the same batch as the rest of the step (see write.ts); nothing is synced here.

/**
 * A value as `values` must be given it to stay what it is. Excel takes what is written through
 * `values` as if typed: a text that starts with '-', '+' or '=' becomes a formula (Office.js
 * reference, Range.values), one that reads as a number or a date becomes one. Such a text gets
 * the apostrophe a user would type; Excel keeps it out of the cell's value.
 */
export function asTyped(value: string | number): string | number {
  return typeof value === 'string' && needsTextPrefix(value) ? `'${value}` : value;
}

const plain = (value: CheckSheetValue): string | number => asTyped(isLink(value) ? toA1(value.link.row, value.link.col) : value ?? '');

/**
 * Points per character of Calibri 11: Office.js sets column widths in points, and a width of
 * 8.43 characters (Excel's default) is 8.43 × 5.75 points (OfficeDev/office-js #187).
 */
export const POINTS_PER_CHAR = 5.75;

/**
 * The chart's data beside an equity block (years as text, closing equity, limit), and a chart of
 * the two value columns with the years set as its categories. Given the three columns, Excel
 * would guess: years that read as numbers under a heading become a series of their own, and the
 * second series (the one drawn as a line) would be the equity, not the limit.
 */
function queueEquityChart(sheet: Excel.Worksheet, block: CheckSheetBlock, top: number): void {
  const years = block.rows.length;
  const unit = block.equity?.unit ?? '';
  sheet.getRangeByIndexes(top, 9, years + 1, 1).values = [['År'], ...block.rows.map((r) => [asTyped(String(r[0]))])];
  const values = sheet.getRangeByIndexes(top, 10, years + 1, 2);
  values.values = [[asTyped(`Eget kapital (${unit})`), 'Riktvärde'], ...block.rows.map((r) => [r[5] as number | string, r[6] as number | string])];
  const chart = sheet.charts.add('ColumnClustered', values, 'Columns');
  chart.title.text = `Eget kapital och riktvärde per år (${unit}), ${block.equity?.sheet ?? ''}`;
  const categories = sheet.getRangeByIndexes(top + 1, 9, years, 1);
  chart.series.getItemAt(0).setXAxisValues(categories);
  chart.series.getItemAt(1).setXAxisValues(categories);
  chart.series.getItemAt(1).chartType = 'Line';
  chart.setPosition(toA1(top, 13), toA1(top + 16, 20));
}

/**
 * A new sheet `name` with its column widths (characters), a bold title in A1 and a summary in A2:
 * the frame of the check sheet and of the comparison sheet. Blocks follow from the fourth row.
 */
export function queueSheetFrame(context: Excel.RequestContext, name: string, frame: { title: string; summary: string; widths: readonly number[] }): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(name);
  frame.widths.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width * POINTS_PER_CHAR;
  });
  const title = sheet.getRange('A1');
  title.values = [[asTyped(frame.title)]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  sheet.getRange('A2').values = [[asTyped(frame.summary)]];
  return sheet;
}

/**
 * A block at `row`: its bold heading, its bold header, its rows (a link's text is its cell's
 * address) and, `asTable`, an Excel table over header and rows. The block's top (its header's
 * row) and the next free row after one blank.
 */
export function queueBlock(sheet: Excel.Worksheet, block: CheckSheetBlock, at: number, asTable: boolean): { top: number; next: number } {
  let row = at;
  if (block.heading) {
    const heading = sheet.getRangeByIndexes(row++, 0, 1, 1);
    heading.values = [[asTyped(block.heading)]];
    heading.format.font.bold = true;
  }
  const top = row;
  const width = block.header.length;
  const header = sheet.getRangeByIndexes(row++, 0, 1, width);
  header.values = [block.header.map(asTyped)];
  header.format.font.bold = true;
  if (block.rows.length > 0) {
    sheet.getRangeByIndexes(row, 0, block.rows.length, width).values = block.rows.map((r) => r.map(plain));
    block.rows.forEach((values, r) => {
      values.forEach((value, c) => {
        if (isLink(value)) {
          sheet.getRangeByIndexes(row + r, c, 1, 1).hyperlink = { documentReference: qualifiedAddress(value.link), textToDisplay: toA1(value.link.row, value.link.col) };
        }
      });
    });
    row += block.rows.length;
    if (asTable) {
      const table = sheet.tables.add(sheet.getRangeByIndexes(top, 0, block.rows.length + 1, width), true);
      table.style = 'TableStyleLight9';
    }
  }
  return { top, next: row + 1 };
}

/** The check sheet's content (src/app/corrections.ts, paneCheckSheet) as a new sheet `name`. */
export function queueCheckSheet(context: Excel.RequestContext, content: CheckSheetContent, name: string): void {
  const sheet = queueSheetFrame(context, name, { ...content, widths: CHECK_SHEET_WIDTHS });
  let row = queueBlock(sheet, content.findings, 3, true).next;
  for (const block of content.equity) {
    const { top, next } = queueBlock(sheet, block, row, false);
    queueEquityChart(sheet, block, top);
    row = next;
  }
  sheet.activate();
}
