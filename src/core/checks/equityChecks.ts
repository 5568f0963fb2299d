import { compare, decimalText, isNegative, isZero, negated } from '../amount';
import { makeFinding, type CellRef, type Finding } from '../findings';
import type { EquityYear } from '../equity/projectEquity';
import { sheetRef, type Check, type CheckContext } from './types';

/**
 * Where a year's equity shows: its closing cell, else next year's opening;
 * a closing the table does not state is pinned to the year's costs, which decide it.
 */
export function equityCell(context: CheckContext, year: EquityYear): CellRef {
  const { table, shape } = context;
  const chain = shape?.chain ?? [];
  const next = chain[chain.indexOf(year.column) + 1];
  if (shape?.closingRow != null) return sheetRef(table, { row: shape.closingRow, col: year.column });
  if (shape?.openingRow != null && next !== undefined) return sheetRef(table, { row: shape.openingRow, col: next });
  return sheetRef(table, { row: shape?.costs[0]?.row ?? shape?.openingRow ?? 0, col: year.column });
}

/** Closing equity above the guideline, year by year, with the first year and the trend. */
export const reserveCheck: Check = {
  codes: ['reserve-excess'],
  run(context) {
    const findings: Finding[] = [];
    let firstYear: number | null = null;
    context.equity.forEach((year, i) => {
      if (year.limit === null || year.excess === null || isZero(year.excess)) {
        firstYear = null;
        return;
      }
      firstYear ??= year.year;
      const previous = context.equity[i - 1]?.excess;
      const trend = previous == null || isZero(previous) ? 'new' : compare(year.excess, previous) > 0 ? 'rising' : compare(year.excess, previous) < 0 ? 'falling' : 'steady';
      findings.push(makeFinding('reserve-excess', equityCell(context, year), {
        rowLabel: 'Eget kapital vid årets slut',
        year: year.year,
        stated: year.closing,
        expected: year.limit,
        difference: year.excess,
        params: {
          firstYear, trend, percent: decimalText(year.percent!), base: context.settings.reserve.base,
          baseAmount: decimalText(context.settings.reserve.base === 'costs' ? year.costs : year.allocation!),
          deficit: isNegative(year.result) ? decimalText(negated(year.result)) : undefined,
          projected: year.source === 'projected',
        },
      }));
    });
    return findings;
  },
};

export const negativeEquityCheck: Check = {
  codes: ['negative-equity'],
  run(context) {
    return context.equity.filter((y) => isNegative(y.closing)).map((year) => makeFinding('negative-equity', equityCell(context, year), {
      rowLabel: 'Eget kapital vid årets slut',
      year: year.year,
      stated: year.closing,
      params: { projected: year.source === 'projected' },
    }));
  },
};
