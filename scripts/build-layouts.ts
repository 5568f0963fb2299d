/**
 * Builds the layout corpus in test/fixtures/layouts/ from test/fixtures/layoutWorkbooks.ts.
 *
 *   npx ts-node --transpile-only scripts/build-layouts.ts     (npm run fixtures:layouts)
 *
 * Every formula is written with the cached value Excel would store: the script evaluates the few
 * forms the corpus uses (references, SUM over ranges, + − * / and parentheses) on the sheet's own
 * cells in doubles, as Excel does (it keeps the double and shows fifteen digits). The expectations
 * (`<slug>.expected.json`) are written by hand and never touched here.
 *
 * Deterministic: fixed workbook dates and zip entry timestamps, so a re-run gives the same bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { LAYOUTS_DIR, layoutWorkbooks, type LayoutCell, type LayoutSheet, type LayoutWorkbook } from '../test/fixtures/layoutWorkbooks';
import { findRoot } from './findRoot';
import { normalizeZipTimestamps } from './zipDates';

const FIXED_DATE = new Date(Date.UTC(2024, 10, 1, 0, 0, 0)); // 2024-11-01, budget season
const DEFAULT_NUMFMT = '#,##0';

/** Column letters (A, B, …, Z, AA …) to a 0-based index. */
function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Evaluates the sheet's formulas, each once (a cycle is a mistake in the corpus and throws). */
class SheetEvaluator {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly sheet: LayoutSheet) {}

  /** The value a cell shows: its number, its formula's result, 0 where blank or text (as SUM reads it). */
  value(row: number, col: number): number {
    const key = `${row}:${col}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const cell = this.sheet.rows[row]?.[col] ?? null;
    if (typeof cell === 'number') return cell;
    if (typeof cell !== 'string' || !cell.startsWith('=')) return 0;
    if (this.visiting.has(key)) throw new Error(`${this.sheet.name}: circular formula at row ${row + 1}`);
    this.visiting.add(key);
    const result = new FormulaParser(cell.slice(1), this).parse();
    this.visiting.delete(key);
    this.memo.set(key, result);
    return result;
  }
}

const TOKEN = /\s*(?:(SUM)\(|(\$?[A-Z]{1,2}\$?\d+)(?::(\$?[A-Z]{1,2}\$?\d+))?|(\d+(?:\.\d+)?)|([-+*/(),]))/y;

/** expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := number | ref | SUM(ranges) | (expr) | -factor */
class FormulaParser {
  private pos = 0;
  private peeked: RegExpExecArray | null = null;

  constructor(private readonly text: string, private readonly sheet: SheetEvaluator) {}

  parse(): number {
    const value = this.expr();
    if (this.peek()) throw new Error(`unexpected text in formula =${this.text}`);
    return value;
  }

  private peek(): RegExpExecArray | null {
    if (this.peeked) return this.peeked;
    if (this.pos >= this.text.length) return null;
    TOKEN.lastIndex = this.pos;
    const m = TOKEN.exec(this.text);
    if (!m) throw new Error(`cannot read formula =${this.text} at ${this.pos}`);
    this.peeked = m;
    return m;
  }

  private next(): RegExpExecArray {
    const m = this.peek();
    if (!m) throw new Error(`formula =${this.text} ends too early`);
    this.pos = TOKEN.lastIndex;
    this.peeked = null;
    return m;
  }

  private expr(): number {
    let value = this.term();
    for (let op = this.peek()?.[5]; op === '+' || op === '-'; op = this.peek()?.[5]) {
      this.next();
      value = op === '+' ? value + this.term() : value - this.term();
    }
    return value;
  }

  private term(): number {
    let value = this.factor();
    for (let op = this.peek()?.[5]; op === '*' || op === '/'; op = this.peek()?.[5]) {
      this.next();
      value = op === '*' ? value * this.factor() : value / this.factor();
    }
    return value;
  }

  private factor(): number {
    const m = this.next();
    if (m[4]) return Number(m[4]);
    if (m[5] === '-') return -this.factor();
    if (m[5] === '(') {
      const value = this.expr();
      this.expect(')');
      return value;
    }
    if (m[2]) {
      if (m[3]) throw new Error(`a range outside SUM in =${this.text}`);
      return this.cell(m[2]);
    }
    if (m[1]) return this.sum();
    throw new Error(`unexpected ${m[0]} in =${this.text}`);
  }

  /** SUM( range or reference [, …] ): blanks and texts count as nothing, as in Excel. */
  private sum(): number {
    let total = 0;
    for (;;) {
      const m = this.next();
      if (!m[2]) throw new Error(`SUM takes references only in =${this.text}`);
      total += m[3] ? this.range(m[2], m[3]) : this.cell(m[2]);
      const sep = this.next()[5];
      if (sep === ')') return total;
      if (sep !== ',') throw new Error(`expected , or ) in =${this.text}`);
    }
  }

  private expect(symbol: string): void {
    if (this.next()[5] !== symbol) throw new Error(`expected ${symbol} in =${this.text}`);
  }

  private cell(ref: string): number {
    const { row, col } = parseRef(ref);
    return this.sheet.value(row, col);
  }

  private range(a: string, b: string): number {
    const from = parseRef(a);
    const to = parseRef(b);
    let total = 0;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
      for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) total += this.sheet.value(r, c);
    }
    return total;
  }
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,2})\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

function writeCell(cell: ExcelJS.Cell, value: LayoutCell, numFmt: string, evaluate: () => number): void {
  if (value === null) return;
  if (typeof value === 'number') {
    cell.value = value;
    cell.numFmt = numFmt;
  } else if (value.startsWith('=')) {
    cell.value = { formula: value.slice(1), result: evaluate() };
    cell.numFmt = numFmt;
  } else {
    cell.value = value;
  }
}

function addSheet(wb: ExcelJS.Workbook, sheet: LayoutSheet): void {
  const ws = wb.addWorksheet(sheet.name);
  sheet.widths?.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const evaluator = new SheetEvaluator(sheet);
  sheet.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      const letter = ws.getColumn(c + 1).letter;
      const numFmt = sheet.columnFormats?.[letter] ?? sheet.numFmt ?? DEFAULT_NUMFMT;
      writeCell(ws.getCell(r + 1, c + 1), value, numFmt, () => evaluator.value(r, c));
    });
  });
  for (const row of sheet.boldRows ?? []) ws.getRow(row).font = { bold: true };
  for (const range of sheet.merges ?? []) ws.mergeCells(range);
}

export function buildLayoutWorkbook(def: LayoutWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Budgetkoll fixtures';
  wb.lastModifiedBy = 'Budgetkoll fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of def.sheets) addSheet(wb, sheet);
  return wb;
}

/** The workbook's .xlsx bytes, the same on every run. */
export async function layoutWorkbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return normalizeZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_DATE);
}

async function main(): Promise<void> {
  const outDir = path.join(findRoot(__dirname), LAYOUTS_DIR);
  fs.mkdirSync(outDir, { recursive: true });
  for (const def of layoutWorkbooks) {
    const file = path.join(outDir, `${def.slug}.xlsx`);
    fs.writeFileSync(file, await layoutWorkbookBytes(buildLayoutWorkbook(def)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
