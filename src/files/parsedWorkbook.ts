import ExcelJS from 'exceljs';

// exceljs reads an .xlsx in two steps (lib/xlsx/xlsx.js, load): it parses the parts into a plain
// model — every cell with its value, type, style and formula, shared strings, dates and
// hyperlinks already resolved — and then builds its Worksheet, Row and Cell objects from that
// model (`workbook.model = model`). The check needs only the values, so it stops after the first
// step (modelGrid.ts builds the Grid from the model); fixing a file still uses readXlsx.ts.

/** A cell of the parsed model (exceljs's cell model; only what the Grid reads is named). */
export interface ParsedCell {
  address?: unknown;
  type?: unknown;
  value?: unknown;
  style?: { numFmt?: string } | null;
  formula?: unknown;
  result?: unknown;
  sharedFormula?: unknown;
  ref?: unknown;
  shareType?: unknown;
  text?: unknown;
  hyperlink?: unknown;
  tooltip?: unknown;
  comment?: unknown;
}

export interface ParsedRow {
  number?: unknown;
  cells?: ParsedCell[];
  hidden?: unknown;
}

export interface ParsedWorksheet {
  id?: unknown;
  rows?: ParsedRow[];
  mergeCells?: unknown;
  [part: string]: unknown;
}

export interface ParsedWorkbook {
  worksheets: ParsedWorksheet[];
  [part: string]: unknown;
}

type XlsxReader = { load(data: Uint8Array): Promise<unknown> };
type XlsxClass = new (workbook: object) => XlsxReader;

/**
 * exceljs's parsed model of the bytes: its own reader, handed a stand-in for the workbook that
 * keeps the model instead of building worksheets from it. Throws where exceljs cannot read the
 * bytes; null if this exceljs no longer hands over a model this way (the caller then reads the
 * workbook as a whole).
 */
export async function parseWorkbookModel(data: Uint8Array): Promise<ParsedWorkbook | null> {
  const Xlsx = (new ExcelJS.Workbook().xlsx as unknown as { constructor: XlsxClass }).constructor;
  let parsed: unknown;
  const keeper = {
    set model(value: unknown) {
      parsed = value;
    },
  };
  await new Xlsx(keeper).load(data);
  const worksheets = (parsed as { worksheets?: unknown } | undefined)?.worksheets;
  return Array.isArray(worksheets) ? (parsed as ParsedWorkbook) : null;
}

/** A real exceljs workbook built from (part of) a parsed model: what `load` would have built. Throws as load would. */
export function workbookOfModel(model: ParsedWorkbook): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  (workbook as unknown as { model: ParsedWorkbook }).model = model;
  return workbook;
}
