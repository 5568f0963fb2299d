import { Money, millisOfMoney } from '../money';
import { makeFinding, type Finding } from '../findings';
import { EXPECTED_SHARE, sameMunicipality, type MemberGroup } from '../equity/shares';
import { exactShare, fourDecimalRatio } from './exactShare';
import { sheetRef, type Check, type CheckContext } from './types';

const GROUP_LABEL: Record<MemberGroup, string> = { state: 'Staten', region: 'Regionen', municipalities: 'Kommunerna' };
const GROUPS: readonly MemberGroup[] = ['state', 'region', 'municipalities'];
const EXPECTED_SHARE_TEXT: Record<MemberGroup, string> = {
  state: String(EXPECTED_SHARE.state), region: String(EXPECTED_SHARE.region), municipalities: String(EXPECTED_SHARE.municipalities),
};
// Money never changes: one instance of each fraction serves every table.
const EXPECTED_MONEY: Record<MemberGroup, Money> = {
  state: new Money(EXPECTED_SHARE.state), region: new Money(EXPECTED_SHARE.region), municipalities: new Money(EXPECTED_SHARE.municipalities),
};

/** Rounding of each member's figure adds up: half a unit per row, at least one unit in all. */
function toleranceFor(context: CheckContext, rows: number): Money {
  return Money.max(context.tolerance, context.tolerance.times(rows).dividedBy(2));
}

interface Deviation {
  expected: Money;
  difference: Money;
  /** The actual share, to four decimals. */
  share: string;
}

/**
 * How far the group's amount is from its fraction of the allocation, or null within tolerance.
 * Where the amounts are whole thousandths (most are), the tolerance is told on integers and the
 * share written from them, without a Decimal division; the amounts reported are Decimals as always.
 */
function deviation(context: CheckContext, actual: Money, allocation: Money, group: MemberGroup, rows: number): Deviation | null {
  const exact = exactShare(actual, allocation, EXPECTED_SHARE[group]);
  const quarterTolerance = exact ? quarterToleranceMillis(context.tolerance, rows) : NaN;
  const toldExactly = exact !== null && !Number.isNaN(quarterTolerance);
  // Told on integers, a share within tolerance needs no Decimal product.
  if (toldExactly && Math.abs(exact.quarterDeviation) <= quarterTolerance) return null;
  const expected = allocation.times(EXPECTED_MONEY[group]);
  if (!toldExactly && actual.minus(expected).abs().lte(toleranceFor(context, rows))) return null;
  const share = (exact && fourDecimalRatio(exact.amount, exact.allocation)) ?? decimalShare(actual, allocation);
  return { expected, difference: actual.minus(expected), share };
}

/** 4 · toleranceFor(context, rows) in whole thousandths (4 · the larger of t and t · rows / 2), or NaN. */
function quarterToleranceMillis(tolerance: Money, rows: number): number {
  const t = millisOfMoney(tolerance);
  const quarters = Math.max(4 * t, 2 * t * rows);
  return t >= 0 && Number.isSafeInteger(quarters) ? quarters : NaN;
}

const decimalShare = (actual: Money, allocation: Money): string => actual.dividedBy(allocation).toDecimalPlaces(4).toFixed();

/** ½ state, ¼ region, ¼ municipalities — and, where the förbundsordning says so, the split between municipalities. */
export const shareCheck: Check = {
  codes: ['share-deviation'],
  run(context) {
    const { members, shares, table } = context;
    if (!members) return [];
    const findings: Finding[] = [];
    for (const year of shares) {
      for (const group of GROUPS) {
        const actual = year.amounts[group];
        const found = deviation(context, actual, year.allocation, group, members.rows[group].length);
        if (!found) continue;
        findings.push(makeFinding('share-deviation', sheetRef(table, { row: members.rows[group][0], col: year.column }), {
          rowLabel: GROUP_LABEL[group], year: year.year, stated: actual, expected: found.expected, difference: found.difference,
          params: { share: found.share, expectedShare: EXPECTED_SHARE_TEXT[group] },
        }));
      }
      findings.push(...splitFindings(context, year));
    }
    return findings;
  },
};

function splitFindings(context: CheckContext, year: CheckContext['shares'][number]): Finding[] {
  const split = context.settings.municipalSplit;
  if (!split) return [];
  const findings: Finding[] = [];
  for (const part of split) {
    const municipality = year.municipalities.find((m) => sameMunicipality(m.label, part.name));
    if (!municipality) continue;
    const expected = year.amounts.municipalities.times(part.percent).dividedBy(100);
    if (municipality.amount.minus(expected).abs().lte(context.tolerance)) continue;
    findings.push(makeFinding('share-deviation', sheetRef(context.table, { row: municipality.row, col: year.column }), {
      rowLabel: municipality.label, year: year.year, stated: municipality.amount, expected, difference: municipality.amount.minus(expected),
      params: { share: municipality.amount.dividedBy(year.amounts.municipalities).toDecimalPlaces(4).toFixed(), expectedShare: part.percent.dividedBy(100).toFixed(), split: true },
    }));
  }
  return findings;
}
