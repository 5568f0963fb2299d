import { amountOfInteger, amountOfMoney, dividedBy, minus, shareText, times, withinTolerance, type Amount } from '../amount';
import { Money } from '../money';
import { makeFinding, type Finding } from '../findings';
import { EXPECTED_SHARE, sameMunicipality, type MemberGroup } from '../equity/shares';
import { toleranceForRows } from '../rules/roundingTolerance';
import { sheetRef, type Check, type CheckContext } from './types';

const GROUP_LABEL: Record<MemberGroup, string> = { state: 'Staten', region: 'Regionen', municipalities: 'Kommunerna' };
const GROUPS: readonly MemberGroup[] = ['state', 'region', 'municipalities'];
const EXPECTED_SHARE_TEXT: Record<MemberGroup, string> = {
  state: String(EXPECTED_SHARE.state), region: String(EXPECTED_SHARE.region), municipalities: String(EXPECTED_SHARE.municipalities),
};
const EXPECTED_AMOUNT: Record<MemberGroup, Amount> = {
  state: amountOfMoney(new Money(EXPECTED_SHARE.state)), region: amountOfMoney(new Money(EXPECTED_SHARE.region)), municipalities: amountOfMoney(new Money(EXPECTED_SHARE.municipalities)),
};
const HUNDRED = amountOfInteger(100);

interface Deviation {
  expected: Amount;
  difference: Amount;
  /** The actual share, to four decimals. */
  share: string;
}

/** How far the group's amount is from its fraction of the allocation, or null within tolerance. */
function deviation(context: CheckContext, actual: Amount, allocation: Amount, group: MemberGroup, rows: number): Deviation | null {
  const expected = times(allocation, EXPECTED_AMOUNT[group]);
  if (withinTolerance(actual, expected, toleranceForRows(context.tolerance, rows))) return null;
  return { expected, difference: minus(actual, expected), share: shareText(actual, allocation) };
}

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
    const expected = dividedBy(times(year.amounts.municipalities, amountOfMoney(part.percent)), HUNDRED);
    if (withinTolerance(municipality.amount, expected, context.tolerance)) continue;
    findings.push(makeFinding('share-deviation', sheetRef(context.table, { row: municipality.row, col: year.column }), {
      rowLabel: municipality.label, year: year.year, stated: municipality.amount, expected, difference: minus(municipality.amount, expected),
      params: { share: shareText(municipality.amount, year.amounts.municipalities), expectedShare: part.percent.dividedBy(100).toFixed(), split: true },
    }));
  }
  return findings;
}
