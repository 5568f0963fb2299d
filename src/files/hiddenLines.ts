// Browser-safe. The hidden rows and columns of a worksheet, read from its XML: `<row hidden="1">`
// (numbered by its r, or one after the row before it, as SheetJS numbers rows without one) and
// `<col min max hidden="1">`. SheetJS reads them only along with every style of the workbook
// (cellStyles), which costs several times the read itself on a styled workbook.

const HIDDEN = /\shidden\s*=\s*["'](?:1|true)["']/;
const ROW_NUMBER = /\sr\s*=\s*["']([0-9]+)["']/;
const COLUMN = /<(?:\w+:)?col\b[^>]*>/g;
const MAX_COLUMNS = 16_384;

/** 0-based positions, in order. */
export interface HiddenLines {
  rows: number[];
  columns: number[];
}

export function hiddenLines(xml: string): HiddenLines {
  if (xml.indexOf('hidden') < 0) return { rows: [], columns: [] };
  const data = /<(\w+:)?sheetData[\s/>]/.exec(xml);
  const head = data ? xml.slice(0, data.index) : xml;
  return {
    rows: data && xml.indexOf('hidden', data.index) >= 0 ? hiddenRows(xml, data.index, data[1] ?? '') : [],
    columns: hiddenColumns(head),
  };
}

function hiddenColumns(head: string): number[] {
  const columns = new Set<number>();
  for (const tag of head.match(COLUMN) ?? []) {
    if (!HIDDEN.test(tag)) continue;
    const min = Number(/\smin\s*=\s*["']([0-9]+)["']/.exec(tag)?.[1]);
    const max = Number(/\smax\s*=\s*["']([0-9]+)["']/.exec(tag)?.[1] ?? min);
    if (!(min >= 1)) continue;
    for (let c = min; c <= Math.min(max, MAX_COLUMNS); c++) columns.add(c - 1);
  }
  return [...columns].sort((a, b) => a - b);
}

function hiddenRows(xml: string, from: number, prefix: string): number[] {
  const rows = new Set<number>();
  const open = `<${prefix}row`;
  let number = 0;
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const after = xml.charCodeAt(at + open.length);
    // `<row …>` and `<row>`, not `<rowBreaks>` (which comes after sheetData anyway).
    if (after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d && after !== 0x3e && after !== 0x2f) continue;
    const end = xml.indexOf('>', at);
    if (end < 0) break;
    const tag = xml.slice(at, end + 1);
    const r = ROW_NUMBER.exec(tag);
    number = r ? Number(r[1]) : number + 1;
    if (number >= 1 && HIDDEN.test(tag)) rows.add(number - 1);
  }
  return [...rows].sort((a, b) => a - b);
}
