import { equals } from '../amount';
import type { TableAnalysis } from '../analyze';
import type { DocSection } from './types';
import type { PlanYears } from './years';
import { amount, number } from './text';
import { isComputedRole } from '../rules/computedRows';
import { correctsTotal } from '../rules/correctedFindings';


/** The recognised table as a Word table: recomputed totals, each corrected one marked with an asterisk. */
export function budgetTableSection({ table, recomputed, findings }: TableAnalysis, years: PlanYears, name: string | null): DocSection {
  const title = `Budget ${years.budget}${years.plan.length > 0 ? ` med plan ${years.plan[0]}–${years.plan[years.plan.length - 1]}` : ''}`;
  // A total showing an error value (#N/A) is written as its lines' sum, marked like a corrected one.
  const corrected = findings.filter(correctsTotal);
  const isCorrected = (sheetRow: number, sheetCol: number) => corrected.some((f) => f.at.row === sheetRow && f.at.col === sheetCol);
  const targets = new Set(recomputed.relations.map((r) => `${r.target.row}:${r.target.col}`));
  const rows: string[][] = [];
  const totalRows: number[] = [];
  table.rows.forEach((row, r) => {
    if (row.role === 'group' && row.values.every((v) => v === null) && /^(tkr|kr|mkr)?$/.test(row.label)) return;
    if (isComputedRole(row.role)) totalRows.push(rows.length);
    rows.push([row.label, ...table.columns.map((column, c) => {
      if (row.role === 'group') return '';
      const isTarget = targets.has(`${r}:${c}`);
      const value = isTarget ? recomputed.amount({ row: r, col: c }) : row.values[c];
      if (value === null) return '';
      const changed = isCorrected(row.row, column.col) || (isTarget && row.values[c] !== null && !equals(value, row.values[c]!));
      return `${number(value)}${changed ? '*' : ''}`;
    })]);
  });
  const blocks: DocSection['blocks'] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: `${name ? `${name}. ` : ''}Belopp i ${table.unit}.` },
    { kind: 'table', header: ['', ...table.columns.map((c) => c.header)], rows, totalRows, numericColumns: table.columns.map((_, i) => i + 1) },
  ];
  if (corrected.length > 0) {
    const list = corrected.map((f) => `${f.rowLabel} ${f.year} (angivet ${f.stated !== null ? amount(f.stated, table.unit) : f.params.text}, rätt ${amount(f.recomputed ?? f.expected!, table.unit)})`);
    blocks.push({ kind: 'paragraph', text: `* Rättat av Budgetkoll, och summor som ändras av rättelsen: ${list.join('; ')}.` });
  }
  return { key: 'budget', title, blocks };
}
