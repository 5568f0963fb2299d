import { makeFinding, type Finding } from '../findings';
import type { BudgetTable, Term } from '../model';
import { sheetRef, type Check } from './types';

// A reference with its parts captured: sheet, then column letters and row digits of each end.
const REFERENCE = /(?:('[^']+'|[A-Za-z0-9_.åäöÅÄÖ]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** Sheet rows a formula reads in one column of its own sheet. */
export function rowsReferenced(formula: string, sheet: string, col: number): Set<number> {
  const rows = new Set<number>();
  // exec on the one global expression: what matchAll yields, without cloning the expression per formula.
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(formula); m; m = REFERENCE.exec(formula)) {
    const sheetName = m[1]?.replace(/^'|'$/g, '');
    if (sheetName && sheetName !== sheet) continue;
    const a = cellOf(m[2], m[3]);
    const b = m[4] ? cellOf(m[4], m[5]) : a;
    if (!a || !b) continue;
    if (col < Math.min(a.col, b.col) || col > Math.max(a.col, b.col)) continue;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) rows.add(r);
  }
  return rows;
}

/** fromA1 of a reference already split by REFERENCE: capital letters, and at most seven digits. */
function cellOf(letters: string, digits: string): { row: number; col: number } | null {
  if (digits.length > 7) return null;
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return { row: Number(digits) - 1, col: col - 1 };
}

/**
 * A SUM that skips a line of its block (a row inserted below the range, or
 * typed after the formula) is wrong even while that line is 0.
 */
export const formulaOmitsLineCheck: Check = {
  codes: ['formula-omits-line'],
  run({ table }) {
    const findings: Finding[] = [];
    const termsOf = new Map(table.relations.map((r) => [r.target, r.terms]));
    for (const rel of table.relations) {
      if (rel.terms.some((t) => t.sign === -1)) continue;
      table.columns.forEach((column, c) => {
        const formula = table.rows[rel.target].cells[c]?.formula;
        if (!formula || !/^\s*(SUM|SUMMA)\s*\(|^[\s$A-Z0-9+():]+$/i.test(formula) || formula.includes('-')) return;
        const referenced = rowsReferenced(formula, table.sheet, column.col);
        const omitted = rel.terms.filter((t) => !isCovered(table, t, referenced, termsOf));
        if (omitted.length === 0) return;
        findings.push(makeFinding('formula-omits-line', sheetRef(table, { row: rel.target, col: c }), {
          rowLabel: table.rows[rel.target].label,
          year: column.year,
          stated: table.rows[rel.target].values[c],
          params: { cellFormula: `=${formula}`, omitted: omitted.map((t) => table.rows[t.row].label).join(', ') },
        }));
      });
    }
    return findings;
  },
};

function isCovered(table: BudgetTable, term: Term, referenced: Set<number>, termsOf: Map<number, Term[]>): boolean {
  if (referenced.has(table.rows[term.row].row)) return true;
  const children = termsOf.get(term.row);
  return !!children && children.every((child) => isCovered(table, child, referenced, termsOf));
}
