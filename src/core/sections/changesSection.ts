import { abs, compare, isNegative, isZero, type Amount } from '../amount';
import { biggestChangeFirst } from '../compare/amounts';
import { byRow, rowLabel } from '../compare/diffView';
import type { AmountChange, TableComparison } from '../compare/types';
import type { Unit } from '../numbers';
import { CHANGES_TITLE, type Block, type DocSection } from './types';
import { amount, joinSwedish, number } from './text';

// The plan's optional section on what changed since the previous proposal (the preliminary
// budget the board saw first): the changes of the budget table at or above a threshold the
// economist sets, in the table's unit — lines, recomputed totals and equity at each year's end —
// the biggest first. Lines added or removed are named whatever their amounts.

/** One row of a section table: a line or total in a year, or equity at a year's end. */
interface Row {
  label: string;
  change: { year: number; old: Amount | null; new: Amount | null; difference: Amount };
}

/**
 * `table`: the comparison of the budget table the plan speaks of (null: none in the new version);
 * `threshold`: the smallest change listed, in the comparison's unit (zero lists every change).
 */
export function changesSection(table: TableComparison | null, threshold: Amount): DocSection {
  const heading: Block = { kind: 'heading', level: 1, text: CHANGES_TITLE };
  const section = (blocks: Block[]): DocSection => ({ key: 'forandringar', title: CHANGES_TITLE, blocks: [heading, ...blocks] });
  if (!table?.new) return section([paragraph('Budgettabellen finns inte i den nya versionen, så ändringarna kan inte redovisas.')]);
  if (!table.old) return section([paragraph('Budgettabellen finns inte i föregående förslag, så ändringarna kan inte redovisas.')]);
  const unit = table.unit;
  const reaches = (change: { difference: Amount }) => compare(abs(change.difference), threshold) >= 0;

  const lines = groups(table.lines.filter((l) => l.status === 'changed'), (l) => rowLabel(l), (l) => l.changes);
  const totals = groups(totalRows(table), (t) => rowLabel(t[0]), (t) => t);
  const equity: Row[] = table.equity.flatMap((e) => (e.old !== null && e.new !== null && e.difference !== null ? [{ label: String(e.year), change: { year: e.year, old: e.old, new: e.new, difference: e.difference } }] : []));
  const all = [...lines.flat(), ...totals.flat(), ...equity].filter((r) => !isZero(r.change.difference));
  const shown = (rows: Row[][]) => rows.map((group) => group.filter((r) => reaches(r.change))).filter((group) => group.length > 0);
  const shownLines = biggestFirst(shown(lines));
  const shownTotals = biggestFirst(shown(totals));
  const shownEquity = equity.filter((r) => !isZero(r.change.difference) && reaches(r.change));
  const listed = shownLines.flat().length + shownTotals.flat().length + shownEquity.length;

  const blocks: Block[] = [paragraph(introText(all.length, listed, threshold, unit))];
  blocks.push(...addedAndRemoved(table, unit));
  if (shownLines.length > 0) blocks.push(subheading('Budgetens rader'), changesTable('Rad', shownLines.flat(), unit));
  if (shownTotals.length > 0) {
    blocks.push(subheading('Summor'), paragraph('Summorna är omräknade ur raderna i respektive version.'), changesTable('Summa', shownTotals.flat(), unit));
  }
  if (shownEquity.length > 0) blocks.push(subheading('Eget kapital vid årets slut'), equityTable(shownEquity, unit));
  return section(blocks);
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const subheading = (text: string): Block => ({ kind: 'heading', level: 2, text });

function introText(changes: number, listed: number, threshold: Amount, unit: Unit): string {
  if (changes === 0) return 'Budgeten har inga ändrade belopp jämfört med föregående förslag.';
  const limit = isZero(threshold) ? 'Här redovisas alla ändrade belopp' : `Här redovisas ändringar på minst ${amount(threshold, unit)}`;
  const smaller = changes - listed;
  const rest = smaller === 0 ? '' : ` ${smaller === 1 ? 'En mindre ändring redovisas' : `${smaller} mindre ändringar redovisas`} inte.`;
  if (listed === 0) return `Inga belopp har ändrats med ${amount(threshold, unit)} eller mer jämfört med föregående förslag.${rest}`;
  return `Jämfört med föregående förslag har budgeten ändrats enligt nedan. ${limit}, per rad och år, den största först.${rest}`;
}

/** Lines of one version only: named whatever their amounts, they change what the budget is made of. */
function addedAndRemoved(table: TableComparison, unit: Unit): Block[] {
  const named = (status: 'added' | 'removed') => table.lines.filter((l) => l.status === status).map((l) => {
    const amounts = l.changes.map((c) => `${amount((status === 'added' ? c.new : c.old)!, unit)} ${c.year}`);
    return amounts.length > 0 ? `${l.label} (${joinSwedish(amounts)})` : l.label;
  });
  const added = named('added');
  const removed = named('removed');
  const blocks: Block[] = [];
  if (added.length > 0) blocks.push(paragraph(`${added.length === 1 ? 'Ny rad' : 'Nya rader'}: ${joinSwedish(added)}.`));
  if (removed.length > 0) blocks.push(paragraph(`${removed.length === 1 ? 'Borttagen rad' : 'Borttagna rader'}: ${joinSwedish(removed)}.`));
  return blocks;
}

/** Each item's changes as rows under its label, the years in order. */
function groups<T>(items: T[], labelOf: (item: T) => string, changesOf: (item: T) => AmountChange[]): Row[][] {
  return items.map((item) => changesOf(item).map((change) => ({ label: labelOf(item), change })));
}

/** The changed years of each total row, by the row it stands on in the new version. */
const totalRows = (table: TableComparison) => byRow(table.totals, (t) => t.newCell?.row ?? -1);

/** Groups by their biggest change, whatever its sign; equal ones keep the table's order. */
const biggestFirst = (rows: Row[][]): Row[][] => biggestChangeFirst(rows, (group) => group.map((r) => r.change.difference));

const signed = (a: Amount) => (isNegative(a) || isZero(a) ? number(a) : `+${number(a)}`);
const optional = (a: Amount | null) => (a === null ? '–' : number(a));

function changesTable(what: string, rows: Row[], unit: Unit): Block {
  return {
    kind: 'table',
    header: [what, 'År', `Föregående förslag (${unit})`, `Nytt förslag (${unit})`, `Förändring (${unit})`],
    rows: rows.map(({ label, change }) => [label, String(change.year), optional(change.old), optional(change.new), signed(change.difference)]),
    totalRows: [],
    numericColumns: [2, 3, 4],
  };
}

function equityTable(rows: Row[], unit: Unit): Block {
  return {
    kind: 'table',
    header: ['År', `Föregående förslag (${unit})`, `Nytt förslag (${unit})`, `Förändring (${unit})`],
    rows: rows.map(({ change }) => [String(change.year), optional(change.old), optional(change.new), signed(change.difference)]),
    totalRows: [],
    numericColumns: [1, 2, 3],
  };
}
