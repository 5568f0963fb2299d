import { columnIndex } from '../address';
import { makeFinding, type Finding } from '../findings';
import { stripChildMarker } from '../labels';
import type { BudgetTable, Term } from '../model';
import { sheetRef, type Check } from './types';

// A reference with its parts captured: sheet, then column letters and row digits of each end.
const REFERENCE = /(?:('[^']+'|[A-Za-z0-9_.åäöÅÄÖ]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

// A plain sum: SUM(…), or nothing but references, +, : and parentheses. Without the g flag a
// regular expression keeps no state, so one object serves every test.
const PLAIN_SUM = /^\s*(SUM|SUMMA)\s*\(|^[\s$A-Z0-9+():]+$/i;

/**
 * The sheet rows a formula reads in one column of its own sheet, as ranges: first, last, first,
 * last, … written into `out` (emptied first). Each reference is one range, so a long SUM is two
 * numbers rather than a set of every row it reads.
 */
function rowRangesReferenced(formula: string, sheet: string, col: number, out: number[]): number[] {
  out.length = 0;
  // exec on the one global expression: what matchAll yields, without cloning the expression per formula.
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(formula); m; m = REFERENCE.exec(formula)) {
    const sheetName = m[1]?.replace(/^'|'$/g, '');
    if (sheetName && sheetName !== sheet) continue;
    // fromA1 of each end: at most seven row digits.
    if (m[3].length > 7 || (m[4] && m[5].length > 7)) continue;
    const aCol = columnIndex(m[2]);
    const aRow = Number(m[3]) - 1;
    const bCol = m[4] ? columnIndex(m[4]) : aCol;
    const bRow = m[4] ? Number(m[5]) - 1 : aRow;
    if (col < Math.min(aCol, bCol) || col > Math.max(aCol, bCol)) continue;
    out.push(Math.min(aRow, bRow), Math.max(aRow, bRow));
  }
  return out;
}

/**
 * A SUM that skips a line of its block (a row inserted below the range, or
 * typed after the formula) is wrong even while that line is 0.
 */
export const formulaOmitsLineCheck: Check = {
  codes: ['formula-omits-line'],
  run({ table }) {
    const findings: Finding[] = [];
    let termsOf: Map<number, Term[]> | undefined;
    const ranges: number[] = [];
    for (const rel of table.relations) {
      if (rel.terms.some((t) => t.sign === -1)) continue;
      const target = table.rows[rel.target];
      for (let c = 0; c < table.columns.length; c++) {
        const column = table.columns[c];
        const formula = target.cells[c]?.formula;
        if (!formula || formula.includes('-') || !PLAIN_SUM.test(formula)) continue;
        rowRangesReferenced(formula, table.sheet, column.col, ranges);
        termsOf ??= new Map(table.relations.map((r) => [r.target, r.terms]));
        let omitted: Term[] | null = null;
        for (const t of rel.terms) if (!isCovered(table, t, ranges, termsOf)) (omitted ??= []).push(t);
        if (!omitted) continue;
        findings.push(makeFinding('formula-omits-line', sheetRef(table, { row: rel.target, col: c }), {
          rowLabel: target.label,
          year: column.year,
          stated: target.values[c],
          params: { cellFormula: `=${formula}`, omitted: omitted.map((t) => stripChildMarker(table.rows[t.row].label)).join(', ') },
        }));
      }
    }
    return findings;
  },
};

function isCovered(table: BudgetTable, term: Term, ranges: readonly number[], termsOf: Map<number, Term[]>): boolean {
  const row = table.rows[term.row].row;
  for (let i = 0; i < ranges.length; i += 2) if (row >= ranges[i] && row <= ranges[i + 1]) return true;
  const children = termsOf.get(term.row);
  if (!children) return false;
  for (const child of children) if (!isCovered(table, child, ranges, termsOf)) return false;
  return true;
}
