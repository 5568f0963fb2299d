import { columnLetters, toA1 } from './address';
import type { TableAnalysis } from './analyze';
import type { CellRef } from './findings';
import { ZERO_AMOUNT, equals, toMoney } from './amount';
import type { Money } from './money';
import { recomputeTotals } from './recompute';
import type { CellRelation } from './relations';
import { REWRITTEN_TOTAL_CODES } from './rules/correctedFindings';

/** One cell the fix writes: a formula over its parts, with the value it computes. */
export interface CellFix {
  at: CellRef;
  /** Without the leading '='. */
  formula: string;
  value: Money;
  /** What was there, so the change can be shown and undone. */
  before: { value: Money | null; formula: string | null };
  reason: 'wrong-total' | 'typed-total' | 'carry-link';
}

/**
 * Every total that is wrong or typed becomes a formula over its parts (a SUM
 * for lines, a difference for results, a reference for next year's opening
 * equity), so the book stays right when a line changes. Values are the exact
 * sums, rounding included: the formula will compute them.
 */
export interface FixPlan {
  fixes: CellFix[];
  /**
   * Formulas the fix keeps (they were right) whose cached results go stale once
   * the cells they read are fixed: their new values, so that a reader of the
   * file sees the same numbers Excel will compute.
   */
  stale: { at: CellRef; value: Money }[];
}

export function planFixes(analysis: TableAnalysis): FixPlan {
  const { table } = analysis;
  const exact = recomputeTotals(table, ZERO_AMOUNT);
  const stale: FixPlan['stale'] = [];
  const wrong = new Set(analysis.findings.filter((f) => REWRITTEN_TOTAL_CODES.includes(f.code)).map((f) => `${f.at.row}:${f.at.col}`));
  const fixes: CellFix[] = [];
  for (const rel of exact.relations) {
    const row = table.rows[rel.target.row];
    const column = table.columns[rel.target.col];
    const cell = row.cells[rel.target.col];
    const at = { sheet: table.sheet, row: row.row, col: column.col };
    const isWrong = wrong.has(`${at.row}:${at.col}`);
    if (cell?.formula && !isWrong) {
      if (!equals(exact.amount(rel.target), row.values[rel.target.col] ?? ZERO_AMOUNT)) stale.push({ at, value: exact.value(rel.target) });
      continue;
    }
    const beforeValue = row.values[rel.target.col];
    fixes.push({
      at,
      formula: formulaFor(analysis, rel),
      value: exact.value(rel.target),
      before: { value: beforeValue === null ? null : toMoney(beforeValue), formula: cell?.formula ?? null },
      reason: rel.kind === 'carry' ? 'carry-link' : isWrong ? 'wrong-total' : 'typed-total',
    });
  }
  return { fixes, stale };
}

/** `SUM(C5:C9)`, `SUM(C5:C9,C12)`, `C12-C30`, `B16-B42`. */
export function formulaFor(analysis: TableAnalysis, rel: CellRelation): string {
  const { table } = analysis;
  const ref = (row: number, col: number) => toA1(table.rows[row].row, table.columns[col].col);
  const plus = rel.terms.filter((t) => t.sign === 1);
  const minus = rel.terms.filter((t) => t.sign === -1);
  const plusText = plus.length === 1
    ? ref(plus[0].cell.row, plus[0].cell.col)
    : plus.length === 0 ? '0' : `SUM(${ranges(plus.map((t) => table.rows[t.cell.row].row), columnLetters(table.columns[rel.terms[0].cell.col].col)).join(',')})`;
  return plusText + minus.map((t) => `-${ref(t.cell.row, t.cell.col)}`).join('');
}

/** Sheet rows (0-based) in one column as A1 ranges: contiguous runs become `C5:C9`. */
function ranges(rows: number[], column: string): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? `${column}${sorted[i] + 1}` : `${column}${sorted[i] + 1}:${column}${sorted[j] + 1}`);
    i = j;
  }
  return out;
}

