import { toNumber } from './amount';
import type { Analysis } from './analyze';
import type { CellRef } from './findings';
import type { CellFix } from './fixes';
import { findingMessage } from './messages';

// What the `Budgetkoll` check sheet says, as plain rows: the same sheet whether it is written
// into a corrected copy (src/files/ooxml) or by Office.js into the open workbook (src/excel).

export type SheetValue = string | number | null;

/** A cell that links to a place in the workbook: its text is the cell's address. */
export interface LinkValue {
  link: CellRef;
}

export type CheckSheetValue = SheetValue | LinkValue;

export interface CheckSheetBlock {
  /** A bold heading line above the block. */
  heading: string | null;
  /** The block's column names (bold). */
  header: string[];
  rows: CheckSheetValue[][];
  /** An equity block: the chart draws it. */
  equity?: { unit: string; sheet: string };
}

export interface CheckSheetContent {
  title: string;
  summary: string;
  findings: CheckSheetBlock;
  fixes: CheckSheetBlock;
  equity: CheckSheetBlock[];
}

const SEVERITY_WORD = { error: 'Fel', warning: 'Varning', info: 'Info' } as const;

export const isLink = (value: CheckSheetValue): value is LinkValue => typeof value === 'object' && value !== null;

export function checkSheetContent(analysis: Analysis, fixes: readonly CellFix[]): CheckSheetContent {
  const findings: CheckSheetValue[][] = [];
  for (const { table, findings: list } of analysis.tables) {
    for (const f of list) {
      findings.push([SEVERITY_WORD[f.severity], table.sheet, { link: f.at }, f.rowLabel ?? '', f.year ?? '', f.stated === null ? '' : toNumber(f.stated), f.expected === null ? '' : toNumber(f.expected), findingMessage(f, table.unit)]);
    }
  }
  const fixRows: CheckSheetValue[][] = fixes.map((fix) => [
    '', fix.at.sheet, { link: fix.at }, fix.before.formula ? `=${fix.before.formula}` : fix.before.value?.toNumber() ?? '', '', fix.value.toNumber(), '', `=${fix.formula}`,
  ]);
  const equity = analysis.tables.filter((t) => t.equity.length > 0).map(({ table, equity: years }): CheckSheetBlock => ({
    heading: `Eget kapital (${table.unit}), ${table.sheet}`,
    header: ['År', 'Ingående', 'Intäkter', 'Kostnader', '', 'Utgående', 'Riktvärde', 'Över riktvärdet'],
    rows: years.map((e) => [e.year, toNumber(e.opening), toNumber(e.income), toNumber(e.costs), '', toNumber(e.closing), e.limit === null ? '' : toNumber(e.limit), e.excess === null ? '' : toNumber(e.excess)]),
    equity: { unit: table.unit, sheet: table.sheet },
  }));
  return {
    title: 'Budgetkoll – kontroll av budgeten',
    summary: `${analysis.tables.length} tabell(er), ${fixes.length} cell(er) rättade med formler.`,
    findings: { heading: null, header: ['Allvarlighet', 'Blad', 'Cell', 'Rad', 'År', 'Angivet', 'Beräknat', 'Meddelande'], rows: findings },
    fixes: { heading: 'Rättade celler', header: ['', 'Blad', 'Cell', 'Tidigare', '', 'Nu', '', 'Formel'], rows: fixRows },
    equity,
  };
}

/** A sheet name the workbook does not use yet: `Budgetkoll`, `Budgetkoll (2)`, … (Excel compares sheet names without case). */
export function freeSheetName(existing: readonly string[], wanted = 'Budgetkoll'): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} (${n})`;
  return name;
}

/** Column widths (characters) that fit the content above. */
export const CHECK_SHEET_WIDTHS = [11, 18, 8, 30, 7, 14, 14, 90];
