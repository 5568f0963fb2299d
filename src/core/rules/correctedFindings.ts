import type { Finding, FindingCode } from '../findings';

// Which findings correct a total: the plan's budget table shows their totals as recomputed (marked
// with an asterisk), and the fix writes their cells anew as formulas.

/** A total that is wrong: its recomputed amount replaces what it states. */
export const WRONG_TOTAL_CODES: readonly FindingCode[] = ['sum-mismatch', 'consequence', 'carry-over-break'];

/**
 * A total whose formula the fix writes anew even where the cell holds one: a wrong total, a
 * rounding difference (the formula gives the exact sum) and a SUM that leaves out a line.
 */
export const REWRITTEN_TOTAL_CODES: readonly FindingCode[] = [...WRONG_TOTAL_CODES, 'rounding', 'formula-omits-line'];

/**
 * Whether the finding corrects the total it stands on: a wrong total, a SUM whose left-out line
 * makes it wrong, or a total showing an error value instead of its lines' sum.
 */
export function correctsTotal(f: Finding): boolean {
  return WRONG_TOTAL_CODES.includes(f.code)
    || (f.code === 'formula-omits-line' && f.params.wrongSum === true)
    || (f.code === 'error-value' && f.params.isTotal === true);
}
