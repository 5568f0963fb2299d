import { Money } from '../money';
import { makeFinding, type Finding } from '../findings';
import { EXPECTED_SHARE, sameMunicipality, type MemberGroup } from '../equity/shares';
import { sheetRef, type Check, type CheckContext } from './types';

const GROUP_LABEL: Record<MemberGroup, string> = { state: 'Staten', region: 'Regionen', municipalities: 'Kommunerna' };

/** Rounding of each member's figure adds up: half a unit per row, at least one unit in all. */
function toleranceFor(context: CheckContext, rows: number): Money {
  return Money.max(context.tolerance, context.tolerance.times(rows).dividedBy(2));
}

/** ½ state, ¼ region, ¼ municipalities — and, where the förbundsordning says so, the split between municipalities. */
export const shareCheck: Check = {
  codes: ['share-deviation'],
  run(context) {
    const { members, shares, table } = context;
    if (!members) return [];
    const findings: Finding[] = [];
    for (const year of shares) {
      for (const group of ['state', 'region', 'municipalities'] as MemberGroup[]) {
        const expected = year.allocation.times(EXPECTED_SHARE[group]);
        const actual = year.amounts[group];
        if (actual.minus(expected).abs().lte(toleranceFor(context, members.rows[group].length))) continue;
        findings.push(makeFinding('share-deviation', sheetRef(table, { row: members.rows[group][0], col: year.column }), {
          rowLabel: GROUP_LABEL[group], year: year.year, stated: actual, expected, difference: actual.minus(expected),
          params: { share: actual.dividedBy(year.allocation).toDecimalPlaces(4).toFixed(), expectedShare: String(EXPECTED_SHARE[group]) },
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
