import { toA1 } from '../../core/address';
import { CHECK_SHEET_WIDTHS, isLink, type CheckSheetBlock, type CheckSheetContent, type CheckSheetValue } from '../../core/checkSheetContent';
import type { Dialect } from './dialect';
import { numberText } from './sheetCells';
import type { StylesPatch } from './styles';
import { escapeText, escapeXml } from './xml';

// Browser-safe. The `Budgetkoll` check sheet as a worksheet part of its own: the findings with
// links to their cells, the cells the fix changed, equity per year — the rows of
// core/checkSheetContent.ts. Its text is written in the cells (inline strings), so the
// workbook's shared strings stay as they were.

interface Line {
  values: CheckSheetValue[];
  style?: number;
}

/** `'Budget 2024'!C10`: a place in the workbook, as a hyperlink's location names it. */
export const placeOf = (sheet: string, row: number, col: number): string => `'${sheet.replace(/'/g, "''")}'!${toA1(row, col)}`;

export function checkSheetXml(content: CheckSheetContent, styles: StylesPatch, dialect: Dialect): string {
  const bold = styles.bold();
  const lines: Line[] = [{ values: [content.title], style: styles.bold(14) }, { values: [content.summary] }, { values: [] }];
  const block = (b: CheckSheetBlock) => {
    if (b.heading) lines.push({ values: [b.heading], style: bold });
    lines.push({ values: b.header, style: bold }, ...b.rows.map((values) => ({ values })));
  };
  block(content.findings);
  lines.push({ values: [] });
  block(content.fixes);
  for (const equity of content.equity) {
    lines.push({ values: [] });
    block(equity);
  }
  const links: string[] = [];
  const rows = lines.map((line, r) => {
    const cells = line.values.map((value, c) => cellXml(value, r, c, line.style, links)).join('');
    return cells ? `<row r="${r + 1}">${cells}</row>` : '';
  }).join('');
  const cols = CHECK_SHEET_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    + `<worksheet xmlns="${dialect.main}" xmlns:r="${dialect.relationships}">`
    + `<dimension ref="A1:${toA1(lines.length - 1, CHECK_SHEET_WIDTHS.length - 1)}"/>`
    + '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
    + `<cols>${cols}</cols><sheetData>${rows}</sheetData>`
    + (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '')
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

function cellXml(value: CheckSheetValue, row: number, col: number, style: number | undefined, links: string[]): string {
  const ref = toA1(row, col);
  const s = style ? ` s="${style}"` : '';
  if (isLink(value)) {
    const target = toA1(value.link.row, value.link.col);
    links.push(`<hyperlink ref="${ref}" location="${escapeXml(placeOf(value.link.sheet, value.link.row, value.link.col))}" display="${target}"/>`);
    return `<c r="${ref}"${s} t="inlineStr"><is><t>${target}</t></is></c>`;
  }
  if (value === null || value === '') return '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${numberText(value)}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
}
