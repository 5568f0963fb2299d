/**
 * Benchmark: how fast does Budgetkoll read a workbook, and how much does its check cost on top of
 * merely reading it — against exceljs, the reader it replaced?
 *
 *   npm run bench                                           (builds, then runs build/scripts/bench-check.js
 *                                                            with --expose-gc: each run starts from a collected heap)
 *   npx ts-node --transpile-only scripts/bench-check.ts [--assert] [--keep]
 *
 * 1. Generates, in a temp directory, a large workbook (40 sheets, ~100 000 non-empty cells):
 *    37 budget sheets, each a stack of ~15 budget tables in the layouts of the five seed tables
 *    (test/fixtures/seedTables.ts) with deterministically varied numbers, and 3 non-budget sheets
 *    (prose, statistics, a contact list). Every total is recomputed from its lines with the seed's
 *    own formula, so nearly all totals add up; about one table in five gets one deliberately wrong
 *    total. Totals are typed numbers in some tables and SUM formulas with cached results in others.
 * 2. Measures, in 5 rounds, each side in a fresh process of its own (measureTimes says why: exceljs
 *    keeps memory alive that slows whatever runs after it in the same process), 3 runs of each
 *    step after one warm-up:
 *    (a) exceljs alone: `new ExcelJS.Workbook().xlsx.readFile(file)`;
 *    (r) Budgetkoll's reader: `readWorkbookFile(file)` — the file's bytes, the stored copy, the
 *        limits, SheetJS (the workbook) and plainSheets.ts (the cells) to the Grid; and SheetJS's
 *        `read` of every cell of the same bytes alone, for scale;
 *    (b) the whole check as the command makes it: `budgetkoll check FILE --json` (src/cli/main.ts,
 *        its output kept in memory) — the file read, the engine, the reports, the JSON text;
 *    (p) the same check in its parts: readWorkbookFile, analyzeGrid (the engine alone), the
 *        reports (src/app) and their JSON.
 *    Prints a small table and one JSON line, with the ratios of the medians and the median of each
 *    round's ratio (processes run next to each other). Targets: (r)/(a) at most 0.8, (b)/(a) at most
 *    1.0 (the whole check faster than merely opening the file with exceljs), the engine at most
 *    250 ms. Also, reported only, cold: a fresh Node process from start to exit,
 *    `bin/budgetkoll.js check FILE --json` against one that loads exceljs and reads the file.
 * 3. Measures peak memory (the most resident memory a process had: maxRSS) of (a) and of (m),
 *    reading and checking the workbook (readWorkbookFile + analyzeGrid), each in a fresh Node
 *    process that loads only what it needs (scripts/bench-memory.ts), in turn, M times each.
 *    Target: (m) not above (a).
 *
 *    With --assert, exits 1 when a target is missed or the check's peak memory is above
 *    exceljs's. With --keep, the generated workbook is left in the temp directory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { read as sheetjsRead } from '@e965/xlsx/dist/xlsx.mini.min';
import { readWorkbookFile } from '../src/files/readWorkbookFile';
import { analyzeGrid } from '../src/core/analyze';
import { reportsOf } from '../src/app/checkWorkbook';
import { main as cli } from '../src/cli/main';
import { memoryIo } from '../src/cli/io';
import { bodyRowNumber, headerRowNumber, seedTables } from '../test/fixtures/seedTables';
import type { SeedTable, SeedValue } from '../test/fixtures/seedTables';

const SHEETS = 40;
const TARGET_CELLS = 100_000;
/** Rounds of one exceljs process and one Budgetkoll process each (measureTimes). */
const ROUNDS = 5;
/** Runs of each step in each process, after one warm-up. */
const RUNS_PER_ROUND = 3;
const MEMORY_REPETITIONS = 3;
const MAX_RATIO = 1.0;
const MAX_ENGINE_MS = 250;
const MAX_READ_RATIO = 0.8;
const BLANK_ROWS_BETWEEN_TABLES = 3;
/** Share of tables that get one deliberately wrong total. */
const WRONG_TOTAL_SHARE = 0.2;
/** Share of formula cells that stay typed numbers even in a formula table (a user overwrote them). */
const HARDCODED_IN_FORMULA_TABLE = 0.1;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

type Rng = () => number;

/** mulberry32: small, fast, good enough for test data; the same seed gives the same workbook. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const intBetween = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// The seed formulas, reconstructed for every cell and evaluated on varied numbers
// ---------------------------------------------------------------------------------------------

const COLS = ['B', 'C', 'D', 'E', 'F', 'G'];
const REF = /\b([A-Z]{1,2})(\d+)\b/g;

type FormulaKind = 'each' | 'carry' | 'other';

interface ResolvedFormula {
  /** Formula text without '=', in the seed's own row numbers. */
  text: string;
  kind: FormulaKind;
}

function columnLettersOf(formula: string): Set<string> {
  return new Set([...formula.matchAll(REF)].map((m) => m[1]));
}

function replaceColumn(formula: string, from: string, to: string): string {
  return formula.replace(REF, (whole, col: string, row: string) => (col === from ? `${to}${row}` : whole));
}

function shiftRows(formula: string, shift: number): string {
  return formula.replace(REF, (_whole, col: string, row: string) => `${col}${Number(row) + shift}`);
}

/**
 * The formula behind every total of a seed table, also where the seed keeps it typed because the
 * document's number does not add up (the varied numbers will, unless we break them on purpose).
 * A carry-over's first column is an opening balance and stays typed.
 */
function resolveFormulas(table: SeedTable): (ResolvedFormula | null)[][] {
  return table.rows.map((row) => {
    const formulas = row.formulas ?? [];
    const known = formulas.findIndex((f) => f !== null);
    if (known < 0) return row.values.map(() => null);
    const letters = columnLettersOf(formulas[known]!);
    const only = (letter: string | undefined) => letter !== undefined && letters.size === 1 && letters.has(letter);
    const kind: FormulaKind = only(COLS[known]) ? 'each' : only(COLS[known - 1]) ? 'carry' : 'other';
    return row.values.map((value, c) => {
      if (typeof value !== 'number') return null;
      const own = formulas[c] ?? null;
      if (kind === 'each') return { text: own ?? replaceColumn(formulas[known]!, COLS[known], COLS[c]), kind };
      if (kind === 'carry') return c === 0 ? null : { text: own ?? replaceColumn(formulas[known]!, COLS[known - 1], COLS[c - 1]), kind };
      return own === null ? null : { text: own, kind };
    });
  });
}

/** A tiny evaluator for the seed formulas: numbers, A1 refs, + − * /, parentheses and SUM(ranges, refs). */
function evaluate(formula: string, get: (col: string, row: number) => number): number {
  const tokens = formula.match(/\d+(?:\.\d+)?|[A-Z]{1,2}\d+|[A-Z]+|[-+*/(),:]/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => {
    if (i >= tokens.length) throw new Error(`unexpected end of formula ${formula}`);
    return tokens[i++];
  };
  const expect = (token: string): void => {
    const got = next();
    if (got !== token) throw new Error(`expected ${token}, got ${got} in ${formula}`);
  };
  const splitRef = (ref: string): [string, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`not a cell reference: ${ref} in ${formula}`);
    return [m[1], Number(m[2])];
  };
  const expr = (): number => {
    let v = term();
    while (peek() === '+' || peek() === '-') v = next() === '+' ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = factor();
    while (peek() === '*' || peek() === '/') v = next() === '*' ? v * factor() : v / factor();
    return v;
  };
  const sumArgument = (): number => {
    if (/^[A-Z]{1,2}\d+$/.test(peek() ?? '') && tokens[i + 1] === ':') {
      const [c1, r1] = splitRef(next());
      expect(':');
      const [c2, r2] = splitRef(next());
      let s = 0;
      for (let col = c1.charCodeAt(0); col <= c2.charCodeAt(0); col++) {
        for (let row = r1; row <= r2; row++) s += get(String.fromCharCode(col), row);
      }
      return s;
    }
    return expr();
  };
  const factor = (): number => {
    const t = next();
    if (t === '-') return -factor();
    if (t === '(') {
      const v = expr();
      expect(')');
      return v;
    }
    if (t === 'SUM') {
      expect('(');
      let s = sumArgument();
      while (peek() === ',') {
        next();
        s += sumArgument();
      }
      expect(')');
      return s;
    }
    if (/^\d/.test(t)) return Number(t);
    const [col, row] = splitRef(t);
    return get(col, row);
  };
  const value = expr();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Generating one varied table
// ---------------------------------------------------------------------------------------------

interface OutCell {
  value: string | number;
  /** Formula without '=', in sheet row numbers; value is then its cached result. */
  formula?: string;
  numFmt?: string;
}

interface OutTable {
  /** Sheet rows from the table's first title row; null = empty row. */
  rows: (OutCell | null)[][];
  wrongTotals: number;
}

function shiftYears(text: string, by: number): string {
  return text.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + by));
}

function shiftYearValue(value: SeedValue, by: number): SeedValue {
  if (typeof value === 'number') return value >= 1900 && value <= 2100 ? value + by : value;
  if (typeof value === 'string') return shiftYears(value, by);
  return value;
}

/** Rounded like the seed number it replaces: whole numbers stay whole, halves stay halves. */
function roundLike(seedValue: number, value: number): number {
  if (Number.isInteger(seedValue)) return Math.round(value);
  return Math.round(value * 2) / 2;
}

const clean = (n: number): number => Number(n.toPrecision(15));

function numFmtFor(table: SeedTable, value: number): string {
  if (table.numFmt) return table.numFmt;
  return Number.isInteger(value) ? '#,##0' : '#,##0.0';
}

/**
 * One seed table with varied numbers, placed so that its first title row is sheet row `startRow`
 * (1-based). Lines and opening balances are scaled and jittered; every total is the seed's formula
 * evaluated on them, so it adds up — except one total in about one table in five.
 */
function generateTable(table: SeedTable, startRow: number, rng: Rng): OutTable {
  const formulas = resolveFormulas(table);
  const scale = 0.6 + rng() * 1.2;
  const yearShift = intBetween(rng, 0, 3);
  const withFormulas = rng() < 0.5;
  const shift = startRow - 1; // seed tables start in row 1

  const seedRowIndex = new Map<number, number>();
  table.rows.forEach((_, r) => seedRowIndex.set(bodyRowNumber(table, r), r));

  // Varied typed numbers (lines, opening balances).
  const typed: SeedValue[][] = table.rows.map((row) =>
    row.values.map((v) => {
      if (typeof v !== 'number' || v === 0) return v;
      return roundLike(v, v * scale * (0.85 + rng() * 0.3));
    }));

  // One deliberately wrong total: an 'each' total (a sum or a difference) overwritten by hand.
  let victim: { r: number; c: number; delta: number } | null = null;
  if (rng() < WRONG_TOTAL_SHARE) {
    const candidates: [number, number][] = [];
    formulas.forEach((row, r) => row.forEach((f, c) => {
      if (f?.kind === 'each') candidates.push([r, c]);
    }));
    if (candidates.length > 0) {
      const [r, c] = pick(rng, candidates);
      const size = rng() < 0.3 ? 1 : intBetween(rng, 5, 400) * ((table.rows[r].values[c] as number) > 100_000 ? 100 : 1);
      victim = { r, c, delta: rng() < 0.5 ? size : -size };
    }
  }

  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const valueAt = (col: string, row: number): number => {
    const key = `${col}${row}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const r = seedRowIndex.get(row);
    const c = COLS.indexOf(col);
    if (r === undefined || c < 0) return 0;
    const formula = formulas[r][c];
    if (!formula) {
      const v = typed[r][c];
      return typeof v === 'number' ? v : 0;
    }
    if (visiting.has(key)) throw new Error(`${table.slug}: circular formula at ${key}`);
    visiting.add(key);
    let v = clean(evaluate(formula.text, valueAt));
    visiting.delete(key);
    if (victim && victim.r === r && victim.c === c) v = clean(v + victim.delta);
    memo.set(key, v);
    return v;
  };

  const out: (OutCell | null)[][] = [];
  const text = (value: SeedValue): OutCell | null => (value === null ? null : { value });
  for (const line of table.titleRows) out.push([text(shiftYears(line, yearShift))]);
  out.push([]);
  out.push(table.header.map((v) => text(shiftYearValue(v, yearShift))));
  table.rows.forEach((row, r) => {
    const cells: (OutCell | null)[] = [row.label === null ? null : { value: shiftYears(row.label, yearShift) }];
    row.values.forEach((seedValue, c) => {
      const formula = formulas[r][c];
      if (!formula) {
        const v = typed[r][c];
        cells.push(typeof v === 'number' ? { value: v, numFmt: numFmtFor(table, v) } : text(v));
        return;
      }
      const value = valueAt(COLS[c], bodyRowNumber(table, r));
      const isVictim = victim !== null && victim.r === r && victim.c === c;
      const asFormula = withFormulas && !isVictim && rng() >= HARDCODED_IN_FORMULA_TABLE;
      const fmt = numFmtFor(table, seedValue as number);
      cells.push(asFormula
        ? { value, formula: shiftRows(formula.text, shift), numFmt: fmt }
        : { value: Math.round(value * 100) / 100, numFmt: fmt });
    });
    out.push(cells);
  });
  if (out.length !== headerRowNumber(table) + table.rows.length) throw new Error(`${table.slug}: layout drift`);
  return { rows: out, wrongTotals: victim ? 1 : 0 };
}

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

export interface Generated {
  cells: number;
  sheets: number;
  budgetSheets: number;
  tables: number;
  wrongTotals: number;
}

const countCells = (rows: (OutCell | null)[][]): number => rows.reduce((n, r) => n + r.filter((c) => c !== null).length, 0);

function writeCells(ws: ExcelJS.Worksheet, startRow: number, rows: (OutCell | null)[][]): void {
  rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(startRow + r, c + 1);
      target.value = cell.formula ? { formula: cell.formula, result: cell.value } as ExcelJS.CellFormulaValue : cell.value;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    });
  });
}

const MUNICIPALITIES = [
  'Lund', 'Burlöv', 'Kävlinge', 'Staffanstorp', 'Vellinge', 'Sundbyberg', 'Järfälla', 'Upplands-Bro',
  'Lycksele', 'Malå', 'Åsele', 'Storuman', 'Vilhelmina', 'Sorsele', 'Dorotea', 'Höganäs', 'Eslöv', 'Ystad',
];

const PROSE = [
  'Samordningsförbundet stödjer samverkan mellan Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna.',
  'Målgruppen är personer i arbetsför ålder som behöver samordnade insatser för att nå eller återgå i arbete.',
  'Styrelsen sammanträder sex gånger per år och beredningsgruppen följer insatserna löpande.',
  'Uppföljning sker i SUS, sektorsövergripande system för uppföljning av samordningsförbund.',
  'Insatserna ska vara förankrade hos parterna och leda till strukturell samverkan efter projekttiden.',
  'Förbundet har under året arbetat med kompetenshöjande insatser för personal hos parterna.',
  'Deltagarna beskriver ett bättre mående och en ökad tilltro till sin egen förmåga.',
  'Verksamhetsplanen revideras årligen och fastställs av styrelsen före årets utgång.',
];

/** Prose: one sentence per row in column A, a heading every 20 rows. */
function proseSheet(rng: Rng, lines: number): (OutCell | null)[][] {
  const rows: (OutCell | null)[][] = [[{ value: 'Verksamhetsberättelse' }], []];
  for (let i = 0; rows.length < lines; i++) {
    if (i % 20 === 0) rows.push([{ value: `${Math.floor(i / 20) + 1}. ${pick(rng, ['Bakgrund', 'Insatser', 'Uppföljning', 'Samverkan', 'Kommunikation'])}` }]);
    else rows.push([{ value: pick(rng, PROSE) }]);
  }
  return rows;
}

/** Statistics: participants per municipality and year (year headers, numbers, no money words). */
function statisticsSheet(rng: Rng, rowCount: number): (OutCell | null)[][] {
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
  const rows: (OutCell | null)[][] = [[{ value: 'Deltagarstatistik per kommun och år' }], []];
  rows.push([{ value: 'Kommun / grupp' }, ...years.map((y) => ({ value: y }))]);
  for (let i = 0; i < rowCount; i++) {
    const name = `${pick(rng, MUNICIPALITIES)} ${pick(rng, ['kvinnor', 'män', 'unga 16–29', '30–49 år', '50–64 år'])} ${i + 1}`;
    rows.push([{ value: name }, ...years.map(() => ({ value: intBetween(rng, 0, 480) }))]);
  }
  return rows;
}

/** A contact list: names, roles, e-mail, phone, municipality. */
function contactsSheet(rng: Rng, rowCount: number): (OutCell | null)[][] {
  const first = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Per', 'Sara', 'Ali'];
  const last = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson'];
  const roles = ['Förbundschef', 'Ledamot', 'Ersättare', 'Processledare', 'Ekonom', 'Revisor'];
  const rows: (OutCell | null)[][] = [[{ value: 'Namn' }, { value: 'Roll' }, { value: 'E-post' }, { value: 'Telefon' }, { value: 'Kommun' }]];
  for (let i = 0; i < rowCount; i++) {
    const f = pick(rng, first);
    const l = pick(rng, last);
    rows.push([
      { value: `${f} ${l}` }, { value: pick(rng, roles) }, { value: `${f}.${l}${i}@example.se`.toLowerCase() },
      { value: `0${intBetween(rng, 10, 99)}-${intBetween(rng, 100000, 999999)}` }, { value: pick(rng, MUNICIPALITIES) },
    ]);
  }
  return rows;
}

/** Writes the bench workbook to `file`: the same bytes of cells every time (scripts/compare-outputs.ts checks it too). */
export async function generateWorkbook(file: string): Promise<Generated> {
  const rng = mulberry32(20240601);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Budgetkoll bench';
  const fixed = new Date(Date.UTC(2024, 0, 1));
  wb.created = fixed;
  wb.modified = fixed;

  // Three non-budget sheets, at the start, in the middle and at the end.
  const extras = new Map<number, { name: string; rows: (OutCell | null)[][]; width: number }>([
    [0, { name: 'Verksamhetsberättelse', rows: proseSheet(rng, 800), width: 100 }],
    [20, { name: 'Statistik', rows: statisticsSheet(rng, 250), width: 30 }],
    [SHEETS - 1, { name: 'Kontakter', rows: contactsSheet(rng, 400), width: 30 }],
  ]);
  const extraCells = [...extras.values()].reduce((n, e) => n + countCells(e.rows), 0);
  const budgetSheets = SHEETS - extras.size;
  const perBudgetSheet = Math.round((TARGET_CELLS - extraCells) / budgetSheets);

  const result: Generated = { cells: extraCells, sheets: SHEETS, budgetSheets, tables: 0, wrongTotals: 0 };
  let budgetIndex = 0;
  for (let s = 0; s < SHEETS; s++) {
    const extra = extras.get(s);
    if (extra) {
      const ws = wb.addWorksheet(extra.name);
      ws.getColumn(1).width = extra.width;
      writeCells(ws, 1, extra.rows);
      continue;
    }
    budgetIndex++;
    const ws = wb.addWorksheet(`Budget ${String(budgetIndex).padStart(2, '0')}`);
    ws.getColumn(1).width = 45;
    for (let c = 2; c <= 7; c++) ws.getColumn(c).width = 14;
    let row = 1;
    let sheetCells = 0;
    while (sheetCells < perBudgetSheet) {
      const seed = pick(rng, seedTables);
      const table = generateTable(seed, row, rng);
      writeCells(ws, row, table.rows);
      const n = countCells(table.rows);
      sheetCells += n;
      result.tables++;
      result.wrongTotals += table.wrongTotals;
      row += table.rows.length + BLANK_ROWS_BETWEEN_TABLES;
    }
    result.cells += sheetCells;
  }
  await wb.xlsx.writeFile(file);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

async function measureRead(file: string): Promise<number> {
  collectGarbage();
  const start = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ms = msSince(start);
  if (wb.worksheets.length !== SHEETS) throw new Error(`exceljs read ${wb.worksheets.length} sheets, expected ${SHEETS}`);
  return ms;
}

/** Budgetkoll's reader, file to Grid. */
async function measureReader(file: string): Promise<number> {
  collectGarbage();
  const start = process.hrtime.bigint();
  const read = await readWorkbookFile(file);
  const ms = msSince(start);
  if (!read.ok || read.value.sheets.length !== SHEETS) throw new Error(`readWorkbookFile read ${read.ok ? read.value.sheets.length : read.reason}, expected ${SHEETS} sheets`);
  return ms;
}

/** SheetJS's own read of the file's bytes (deflated, as they are on disk), as Budgetkoll asks it. */
function measureSheetjs(file: string): number {
  collectGarbage();
  const start = process.hrtime.bigint();
  const data = new Uint8Array(fs.readFileSync(file));
  const wb = sheetjsRead(data, { type: 'array', dense: true, cellFormula: true, xlfn: true, cellNF: true, cellText: false, cellHTML: false, cellStyles: false, sheetStubs: true, bookFiles: true });
  const ms = msSince(start);
  if (wb.SheetNames.length !== SHEETS) throw new Error(`SheetJS read ${wb.SheetNames.length} sheets, expected ${SHEETS}`);
  return ms;
}

interface CheckRun {
  readMs: number;
  engineMs: number;
  /** The reports and their JSON text. */
  reportMs: number;
  tables: number;
  findings: number;
  errors: number;
}

/** The check in its parts, as the command makes it: read, engine, reports and JSON. */
async function measureCheck(file: string): Promise<CheckRun> {
  collectGarbage();
  const start = process.hrtime.bigint();
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(`readWorkbookFile failed: ${read.reason}`);
  const readMs = msSince(start);
  const engineStart = process.hrtime.bigint();
  const analysis = analyzeGrid(read.value);
  const engineMs = msSince(engineStart);
  const reportStart = process.hrtime.bigint();
  const json = JSON.stringify({ version: 1, files: [{ file, error: null, tables: reportsOf(analysis) }] }, null, 2);
  const reportMs = msSince(reportStart);
  if (json.length === 0) throw new Error('no report');
  const findings = analysis.tables.flatMap((t) => t.findings);
  return {
    readMs,
    engineMs,
    reportMs,
    tables: analysis.tables.length,
    findings: findings.length,
    errors: findings.filter((f) => f.severity === 'error').length,
  };
}

/** The whole check: `budgetkoll check FILE --json`, as the command runs it (its output kept in memory). */
async function measureCommand(file: string): Promise<number> {
  collectGarbage();
  const io = memoryIo();
  const start = process.hrtime.bigint();
  const code = await cli(['check', file, '--json'], io);
  const ms = msSince(start);
  if (code === 2 || !io.stdout.startsWith('{')) throw new Error(`budgetkoll check failed (${code}): ${io.stderr}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Peak memory: each measurement in a process of its own
// ---------------------------------------------------------------------------------------------

type MemoryTask = 'exceljs' | 'check';

/**
 * The peak memory (MiB) of a fresh Node process doing the task (scripts/bench-memory.ts: each
 * loads only what its task needs). Under ts-node the processes carry TypeScript's compiler too:
 * `npm run bench` measures the compiled script.
 */
function measureMemory(task: MemoryTask, file: string): number {
  const script = path.join(__dirname, `bench-memory${path.extname(__filename)}`);
  const runner = script.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', script] : [script];
  const run = spawnSync(process.execPath, [...runner, task, file], { encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`the ${task} process failed: ${run.stderr}`);
  const { maxRssKib } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { maxRssKib: number };
  return maxRssKib / 1024;
}

const fmtMs = (ms: number): string => `${ms.toFixed(1)} ms`;
const fmtMib = (mib: number): string => `${mib.toFixed(0)} MiB`;
const ratioOf = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000;

interface Timings {
  reads: number[];
  readers: number[];
  sheetjs: number[];
  commands: number[];
  checks: CheckRun[];
}

type Side = 'exceljs' | 'budgetkoll';

/**
 * One side's runs, in a process of its own (`--worker SIDE FILE`): one warm-up of each step, then
 * RUNS_PER_ROUND runs, each step in turn. The budgetkoll side runs its reader, SheetJS alone, the
 * command and the check in its parts; the exceljs side only exceljs's read.
 */
async function workerRuns(side: Side, file: string): Promise<Timings> {
  const t: Timings = { reads: [], readers: [], sheetjs: [], commands: [], checks: [] };
  const steps = side === 'exceljs'
    ? [async () => { t.reads.push(await measureRead(file)); }]
    : [
      async () => { t.readers.push(await measureReader(file)); },
      async () => { t.sheetjs.push(measureSheetjs(file)); },
      async () => { t.commands.push(await measureCommand(file)); },
      async () => { t.checks.push(await measureCheck(file)); },
    ];
  for (const step of steps) await step();
  for (const runs of Object.values(t) as unknown[][]) runs.length = 0;
  for (let i = 0; i < RUNS_PER_ROUND; i++) {
    for (let j = 0; j < steps.length; j++) await steps[(i + j) % steps.length]();
  }
  return t;
}

/** A side's runs of one round, from a fresh process (see measureTimes). */
function spawnWorker(side: Side, file: string): Timings {
  const script = __filename;
  const runner = script.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', script] : [script];
  const run = spawnSync(process.execPath, ['--expose-gc', ...runner, '--worker', side, file], { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`the ${side} process failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Timings;
}

/**
 * ROUNDS rounds; in each, a fresh process reads the file with exceljs and another checks it with
 * Budgetkoll, the two in turn (which goes first alternates). Each side in a process of its own,
 * as a user runs one or the other: exceljs keeps some 40 MB alive after a read (held by the
 * library, not by the caller, measured with --expose-gc), and every collection in the same process
 * afterwards has that much more to mark — in one shared process the engine ran up to twice as
 * slow after an exceljs read as before it.
 */
function measureTimes(file: string): { all: Timings; rounds: { exceljs: Timings; budgetkoll: Timings }[] } {
  const all: Timings = { reads: [], readers: [], sheetjs: [], commands: [], checks: [] };
  const rounds: { exceljs: Timings; budgetkoll: Timings }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const order: Side[] = i % 2 === 0 ? ['exceljs', 'budgetkoll'] : ['budgetkoll', 'exceljs'];
    const round = {} as { exceljs: Timings; budgetkoll: Timings };
    for (const side of order) round[side] = spawnWorker(side, file);
    rounds.push(round);
    for (const side of order) {
      for (const key of Object.keys(all) as (keyof Timings)[]) (all[key] as unknown[]).push(...round[side][key]);
    }
  }
  return { all, rounds };
}

/**
 * The command as a user starts it, cold: a fresh Node process from start to exit —
 * `bin/budgetkoll.js check FILE --json` against a process that loads exceljs and reads the file
 * (compiled script only: under ts-node the processes would compile TypeScript first).
 */
function measureCold(file: string): { exceljs: number[]; budgetkoll: number[] } | null {
  if (__filename.endsWith('.ts')) return null;
  const bin = path.join(__dirname, '..', '..', 'bin', 'budgetkoll.js');
  const exceljs = `new (require(${JSON.stringify(require.resolve('exceljs'))}).Workbook)().xlsx.readFile(process.argv[1])`;
  const wall = (args: string[]): number => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 << 20 });
    const ms = msSince(start);
    if (run.status !== 0 && run.status !== 1) throw new Error(`a cold run failed (${run.status}): ${run.stderr}`);
    return ms;
  };
  const cold = { exceljs: [] as number[], budgetkoll: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    const runs: (() => void)[] = [
      () => { cold.exceljs.push(wall(['-e', exceljs, file])); },
      () => { cold.budgetkoll.push(wall([bin, 'check', file, '--json'])); },
    ];
    if (i % 2 === 1) runs.reverse();
    for (const run of runs) run();
  }
  return cold;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const assert = args.includes('--assert');
  const keep = args.includes('--keep');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-bench-'));
  const file = path.join(dir, 'bench-100k.xlsx');
  try {
    const genStart = process.hrtime.bigint();
    const generated = await generateWorkbook(file);
    const size = fs.statSync(file).size;
    console.log(`Workbook: ${file}${keep ? '' : ' (removed afterwards; --keep keeps it)'}`);
    console.log(`  ${generated.sheets} sheets (${generated.budgetSheets} budget sheets), ${generated.cells} non-empty cells, `
      + `${(size / 1024).toFixed(0)} KiB (${size} bytes), generated in ${fmtMs(msSince(genStart))}`);
    console.log(`  ${generated.tables} budget tables written, ${generated.wrongTotals} of them with a deliberately wrong total`);

    const { all, rounds } = measureTimes(file);
    const { reads, readers, sheetjs, commands, checks } = all;
    const warm = checks[0];
    for (const run of checks) {
      if (run.tables !== warm.tables || run.findings !== warm.findings) throw new Error('the check is not deterministic');
    }
    const cold = measureCold(file);

    const memory: Record<MemoryTask, number[]> = { exceljs: [], check: [] };
    for (let i = 0; i < MEMORY_REPETITIONS; i++) {
      for (const task of (i % 2 === 0 ? ['exceljs', 'check'] : ['check', 'exceljs']) as MemoryTask[]) memory[task].push(measureMemory(task, file));
    }
    const readMedianMs = median(reads);
    const readerMedianMs = median(readers);
    const sheetjsMedianMs = median(sheetjs);
    const checkMedianMs = median(commands);
    const readXlsxMedianMs = median(checks.map((c) => c.readMs));
    const engineMedianMs = median(checks.map((c) => c.engineMs));
    const reportMedianMs = median(checks.map((c) => c.reportMs));
    const ratio = checkMedianMs / readMedianMs;
    const readerRatio = readerMedianMs / readMedianMs;
    // Each run against the exceljs read of its round: a machine that slows down for a while slows
    // both, so these medians move less with the noise than the ratios of the medians.
    const pairRatio = median(rounds.map((r) => median(r.budgetkoll.commands) / median(r.exceljs.reads)));
    const readerPairRatio = median(rounds.map((r) => median(r.budgetkoll.readers) / median(r.exceljs.reads)));
    const exceljsMib = median(memory.exceljs);
    const checkMib = median(memory.check);
    const memoryRatio = checkMib / exceljsMib;

    const rows: [string, string][] = [
      ['(a) exceljs readFile', fmtMs(readMedianMs)],
      ['(r) readWorkbookFile (file → Grid)', fmtMs(readerMedianMs)],
      ['    SheetJS reading every cell, alone', fmtMs(sheetjsMedianMs)],
      ['(b) budgetkoll check --json (the whole check)', fmtMs(checkMedianMs)],
      ['(p) its parts: readWorkbookFile', fmtMs(readXlsxMedianMs)],
      ['    analyzeGrid (the engine alone)', `${fmtMs(engineMedianMs)}${engineMedianMs > MAX_ENGINE_MS ? `  (> ${MAX_ENGINE_MS} ms)` : ''}`],
      ['    the reports and their JSON', fmtMs(reportMedianMs)],
      ['ratio (r)/(a)', `${readerRatio.toFixed(2)}${readerRatio > MAX_READ_RATIO ? `  (> ${MAX_READ_RATIO})` : ''}`],
      ['median of the rounds\' (r)/(a)', readerPairRatio.toFixed(2)],
      ['ratio (b)/(a)', `${ratio.toFixed(2)}${ratio > MAX_RATIO ? `  (> ${MAX_RATIO})` : ''}`],
      ['median of the rounds\' (b)/(a)', pairRatio.toFixed(2)],
      ['peak memory (a) exceljs readFile', fmtMib(exceljsMib)],
      ['peak memory (m) read + engine', fmtMib(checkMib)],
      ['ratio of the peaks (m)/(a)', `${memoryRatio.toFixed(2)}${memoryRatio > 1 ? '  (> 1)' : ''}`],
      ...(cold ? [
        ['cold, fresh process: (a) exceljs', fmtMs(median(cold.exceljs))],
        ['cold, fresh process: (b) budgetkoll check --json', fmtMs(median(cold.budgetkoll))],
        ['cold ratio (b)/(a)', (median(cold.budgetkoll) / median(cold.exceljs)).toFixed(2)],
      ] as [string, string][] : []),
      ['tables recognised', `${warm.tables} of ${generated.tables}`],
      ['findings', `${warm.findings} (${warm.errors} errors)`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nMedians of ${ROUNDS * RUNS_PER_ROUND} runs each (${ROUNDS} rounds of a fresh process per side, ${RUNS_PER_ROUND} runs each after 1 warm-up; cold: ${ROUNDS} processes each; peak memory: ${MEMORY_REPETITIONS} processes each), Node ${process.version}:`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v.padStart(12)}`);
    console.log(`  runs (a): ${reads.map((r) => r.toFixed(0)).join(' ')}`);
    console.log(`  runs (r): ${readers.map((r) => r.toFixed(0)).join(' ')}`);
    console.log(`  runs (b): ${commands.map((c) => c.toFixed(0)).join(' ')}`);
    console.log(`  runs (p) engine: ${checks.map((c) => c.engineMs.toFixed(0)).join(' ')}`);
    console.log(`  peak MiB (a): ${memory.exceljs.map((m) => m.toFixed(0)).join(' ')}; (m): ${memory.check.map((m) => m.toFixed(0)).join(' ')}`);
    console.log('');
    const round1 = (n: number): number => Math.round(n * 10) / 10;
    console.log(JSON.stringify({
      cells: generated.cells,
      sheets: generated.sheets,
      readMedianMs: round1(readMedianMs),
      readerMedianMs: round1(readerMedianMs),
      sheetjsMedianMs: round1(sheetjsMedianMs),
      checkMedianMs: round1(checkMedianMs),
      engineMedianMs: round1(engineMedianMs),
      reportMedianMs: round1(reportMedianMs),
      readerRatio: ratioOf(readerMedianMs, readMedianMs),
      readerPairRatio: Math.round(readerPairRatio * 1000) / 1000,
      ratio: ratioOf(checkMedianMs, readMedianMs),
      pairRatio: Math.round(pairRatio * 1000) / 1000,
      exceljsPeakMib: round1(exceljsMib),
      checkPeakMib: round1(checkMib),
      memoryRatio: ratioOf(checkMib, exceljsMib),
      ...(cold ? { coldExceljsMedianMs: round1(median(cold.exceljs)), coldCheckMedianMs: round1(median(cold.budgetkoll)) } : {}),
    }));

    const failures = [
      ratio > MAX_RATIO ? `the check takes ${ratio.toFixed(2)}× the time of reading the file with exceljs (limit ${MAX_RATIO}×)` : null,
      engineMedianMs > MAX_ENGINE_MS ? `the engine takes ${engineMedianMs.toFixed(0)} ms (limit ${MAX_ENGINE_MS} ms)` : null,
      readerRatio > MAX_READ_RATIO ? `reading takes ${readerRatio.toFixed(2)}× exceljs's time (limit ${MAX_READ_RATIO}×)` : null,
      memoryRatio > 1 ? `the check's peak memory is ${memoryRatio.toFixed(2)}× exceljs's read` : null,
    ].filter((f) => f !== null);
    if (assert && failures.length > 0) {
      for (const f of failures) console.error(`FAIL: ${f}`);
      process.exitCode = 1;
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `--worker SIDE FILE`: one side's runs of one round (spawnWorker), printed as JSON. */
async function worker(side: Side, file: string): Promise<void> {
  console.log(JSON.stringify(await workerRuns(side, file)));
}

// Run as a script, not when scripts/compare-outputs.ts imports the generator.
if (require.main === module) {
  const at = process.argv.indexOf('--worker');
  (at >= 0 ? worker(process.argv[at + 1] as Side, process.argv[at + 2]) : main()).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
