import { analyzeGrid } from '../../../src/core/analyze';
import { sheetFromValues } from '../../../src/core/grid';
import { LUND } from '../../helpers/tables';
import type { RowRole } from '../../../src/core/labels';
import { COMPUTED_ROLES, isComputedRole } from '../../../src/core/rules/computedRows';
import { budgetTableSection } from '../../../src/core/sections/budgetTable';
import { planYears } from '../../../src/core/sections/years';


describe('what counts as a total', () => {
  it('is a total, the money available, a result, the closing equity and what remains', () => {
    expect([...COMPUTED_ROLES].sort()).toEqual(['available', 'closing-equity', 'remaining', 'result', 'total']);
    const others: RowRole[] = ['line', 'group', 'opening-equity', 'limit'];
    for (const role of others) expect(isComputedRole(role)).toBe(false);
  });

  it('the recognizer finds the parts of exactly the computed rows', () => {
    const [analysis] = analyzeGrid({ sheets: [sheetFromValues('Budget', LUND)] }).tables;
    const { table } = analysis;
    const targets = table.relations.map((r) => table.rows[r.target].label);
    const computed = table.rows.filter((r) => isComputedRole(r.role)).map((r) => r.label);
    expect(targets).toEqual(computed);
    expect(computed).toEqual(['Summa intäkter', 'Tillgängliga medel', 'Summa kostnader', 'Medel till förfogande']);
  });

  it('the plan\'s budget table sets exactly the computed rows as totals', () => {
    const [analysis] = analyzeGrid({ sheets: [sheetFromValues('Budget', LUND)] }).tables;
    const section = budgetTableSection(analysis, planYears(analysis.table), null);
    const block = section.blocks.find((b) => b.kind === 'table');
    if (block?.kind !== 'table') throw new Error('no table in the section');
    expect(block.totalRows.map((i) => block.rows[i][0])).toEqual(['Summa intäkter', 'Tillgängliga medel', 'Summa kostnader', 'Medel till förfogande']);
  });
});
