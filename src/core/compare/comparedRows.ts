import type { TableAnalysis } from '../analyze';
import type { BudgetTable } from '../model';
import { labelKey, yearlessKey } from './labelKey';

/** A row of one version as the pairing sees it: its label in comparable forms and where it stands. */
export interface ComparedRow {
  /** Index into the table's rows. */
  index: number;
  label: string;
  key: string;
  yearless: string;
  /**
   * What the row belongs to: the total it is a part of (the smallest, where several sum it),
   * else the heading above it. Samsund's two `Totalt` are both parts of `Resultat`; Södra
   * Lappland's two `- Övrigt` are parts of `Styrelsen` and of `Övriga administrativa kostnader`.
   */
  section: string;
  /** A total, a result or a carried balance: the engine recomputes it. */
  computed: boolean;
  /** The rows it is the sum of, where it is a total. */
  terms: number[];
}

/** Every row with amounts (headings carry none and are left out), in table order. */
export function comparedRows({ table }: TableAnalysis): ComparedRow[] {
  const parents = smallestParents(table);
  const computed = new Set([...table.relations.map((r) => r.target), ...table.carry.map((c) => c.target)]);
  const terms = new Map(table.relations.map((r) => [r.target, r.terms.map((t) => t.row)]));
  const out: ComparedRow[] = [];
  let heading = '';
  table.rows.forEach((row, index) => {
    if (row.role === 'group') {
      heading = labelKey(row.label);
      return;
    }
    const parent = parents.get(index);
    out.push({
      index,
      label: row.label,
      key: labelKey(row.label),
      yearless: yearlessKey(row.label),
      section: parent === undefined ? heading : labelKey(table.rows[parent].label),
      computed: computed.has(index),
      terms: terms.get(index) ?? [],
    });
  });
  return out;
}

/** For each row that is a part of some total, the total with the fewest parts. */
function smallestParents(table: BudgetTable): Map<number, number> {
  const parents = new Map<number, { target: number; size: number }>();
  for (const rel of table.relations) {
    for (const term of rel.terms) {
      const known = parents.get(term.row);
      if (!known || rel.terms.length < known.size) parents.set(term.row, { target: rel.target, size: rel.terms.length });
    }
  }
  return new Map([...parents].map(([row, p]) => [row, p.target]));
}
