import { minus } from '../amount';
import { stripChildMarker } from '../labels';
import { makeFinding, type Finding } from '../findings';
import { statedAmount } from '../recompute';
import type { CellRelation } from '../relations';
import { affectedBy, dependentsOf, relationOutcomes, type Dependents } from './relationOutcomes';
import { WRONG_TOTAL_CODES } from '../rules/correctedFindings';
import { sheetRef, type Check, type CheckContext } from './types';

/** Totals against their parts, and the equity chain from year to year. */
export const totalsCheck: Check = {
  codes: [...WRONG_TOTAL_CODES, 'rounding'],
  run(context) {
    const outcomes = relationOutcomes(context);
    const findings: Finding[] = [];
    let dependents: Dependents | undefined;
    for (const rel of context.recomputed.relations) {
      const outcome = outcomes.get(rel.target)!;
      if (outcome.status === 'ok') continue;
      const base = describe(context, rel);
      if (outcome.status === 'rounding') {
        findings.push(makeFinding('rounding', base.at, { ...base.fields, expected: outcome.statedSum, difference: minus(base.stated, outcome.statedSum) }));
      } else if (outcome.status === 'consequence') {
        const cause = outcome.cause;
        findings.push(makeFinding('consequence', base.at, {
          ...base.fields,
          expected: outcome.statedSum,
          recomputed: outcome.recomputedSum,
          difference: minus(base.stated, outcome.statedSum),
          causedBy: cause ? sheetRef(context.table, cause) : null,
          params: { ...base.fields.params, causedByLabel: cause ? stripChildMarker(context.table.rows[cause.row].label) : undefined, causedByYear: cause ? context.table.columns[cause.col].year : undefined },
        }));
      } else {
        findings.push(makeFinding(rel.kind === 'carry' ? 'carry-over-break' : 'sum-mismatch', base.at, {
          ...base.fields,
          expected: outcome.statedSum,
          recomputed: outcome.recomputedSum,
          difference: minus(base.stated, outcome.statedSum),
          affects: affectedBy(rel.target, context, outcomes, dependents ??= dependentsOf(context)).map((c) => sheetRef(context.table, c)),
        }));
      }
    }
    return findings;
  },
};

function describe(context: CheckContext, rel: CellRelation) {
  const { table } = context;
  const stated = statedAmount(table, rel.target);
  const row = table.rows[rel.target.row];
  const parts = rel.terms.map((t, i) => `${i === 0 ? '' : t.sign === 1 ? ' + ' : ' − '}${stripChildMarker(table.rows[t.cell.row].label)}`).join('');
  const fromYear = table.columns[rel.terms[0]?.cell.col ?? rel.target.col].year;
  const isDifference = rel.kind === 'carry' || rel.terms.some((t) => t.sign === -1) || rel.terms.length === 1;
  return {
    at: sheetRef(table, rel.target),
    stated,
    fields: {
      rowLabel: row.label,
      year: table.columns[rel.target.col].year,
      stated,
      params: isDifference ? { formula: rel.kind === 'carry' ? `${parts} ${fromYear}` : parts } : {},
    },
  };
}
