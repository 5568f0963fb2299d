import { makeFinding, type Finding } from '../findings';
import { decimalText } from '../amount';
import { EXPECTED_SHARE, MATCHING_GROUPS, groupDeviation, sameMunicipality, splitDeviation, type MemberGroup } from '../rules/memberShares';
import { sheetRef, type Check, type CheckContext } from './types';

const GROUP_LABEL: Record<MemberGroup, string> = { state: 'Staten', region: 'Regionen', municipalities: 'Kommunerna' };
const EXPECTED_SHARE_TEXT: Record<MemberGroup, string> = {
  state: String(EXPECTED_SHARE.state), region: String(EXPECTED_SHARE.region), municipalities: String(EXPECTED_SHARE.municipalities),
};

/** The region and the municipalities each half the state's amount (½ ¼ ¼) — and, where the förbundsordning says so, the split between municipalities (rules/memberShares.ts). */
export const shareCheck: Check = {
  codes: ['share-deviation'],
  run(context) {
    const { members, shares, table } = context;
    if (!members) return [];
    const findings: Finding[] = [];
    for (const year of shares) {
      for (const group of MATCHING_GROUPS) {
        const found = groupDeviation(year, group, members.rows[group].length, context.tolerance);
        if (!found) continue;
        findings.push(makeFinding('share-deviation', sheetRef(table, { row: members.rows[group][0], col: year.column }), {
          rowLabel: GROUP_LABEL[group], year: year.year, stated: year.amounts[group], expected: found.expected, difference: found.difference,
          params: { share: found.share, expectedShare: EXPECTED_SHARE_TEXT[group], stateAmount: decimalText(year.amounts.state) },
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
    const found = splitDeviation(year, municipality.amount, part.percent, context.tolerance);
    if (!found) continue;
    findings.push(makeFinding('share-deviation', sheetRef(context.table, { row: municipality.row, col: year.column }), {
      rowLabel: municipality.label, year: year.year, stated: municipality.amount, expected: found.expected, difference: found.difference,
      params: { share: found.share, expectedShare: part.percent.dividedBy(100).toFixed(), split: true },
    }));
  }
  return findings;
}
