import { fromA1 } from '../address';
import type { CheckSheetBlock, CheckSheetValue } from '../checkSheetContent';
import type { FindingReport } from '../report';
import { formatDecimal } from '../format';
import type { ChangeReport, LineReport, TableDiffReport, TableRef, TotalReport } from './diffReport';
import { isStale } from './diffLayout';
import { rowLabel, type DiffTableView, type DiffView } from './diffView';

// What the comparison sheet says, as plain rows (like checkSheetContent.ts for the check sheet):
// per compared table one block of every change — lines, recomputed totals, equity at each year's
// end — in the order the panes show them, with a link to each changed cell of the new version,
// and the findings fixed, new and remaining. Amounts are numbers in the table's unit.

export interface ComparisonSheetContent {
  title: string;
  summary: string;
  /** Each table's changes (`asTable`: written as an Excel table), then its findings. */
  blocks: { block: CheckSheetBlock; asTable: boolean }[];
}

export const COMPARISON_SHEET_TITLE = 'Budgetkoll – jämförelse med en tidigare version';
/** The sheet's name, where the workbook has none by that name yet. */
export const COMPARISON_SHEET_NAME = 'Jämförelse';
/** Column widths (characters) that fit the content. */
export const COMPARISON_SHEET_WIDTHS = [16, 40, 7, 12, 12, 12, 8, 60];

const SEVERITY_WORD = { error: 'Fel', warning: 'Varning', info: 'Info' } as const;
const CHANGE_HEADER = ['Ändring', 'Rad', 'År', 'Tidigare', 'Ny', 'Skillnad', 'Cell', 'Anmärkning'];

/** `older`: the earlier version's name as the user knows it (its file). */
export function comparisonSheetContent(view: DiffView, older: string): ComparisonSheetContent {
  const paired = view.tables.filter((t) => t.table.old && t.table.new).length;
  const changed = view.tables.reduce((n, t) => n + t.table.counts.changed + t.table.counts.added + t.table.counts.removed, 0);
  return {
    title: COMPARISON_SHEET_TITLE,
    summary: `Tidigare version: ${older}. Ny version: den här arbetsboken. ${paired} ${paired === 1 ? 'tabell jämförd' : 'tabeller jämförda'}, ${changed} ${changed === 1 ? 'rad' : 'rader'} med ändrade belopp. Belopp i tabellens enhet; summorna är omräknade ur raderna.`,
    blocks: view.tables.flatMap((t) => [{ block: changesBlock(t), asTable: true }, ...findingsBlock(t.table)]),
  };
}

function tableName(t: TableDiffReport): string {
  const shown = (t.new ?? t.old) as TableRef;
  const where = t.old && t.new ? `${t.new.sheet}!${t.new.range}` : `${shown.sheet}!${shown.range} (${t.new ? 'ny tabell' : 'finns inte längre'})`;
  return `${shown.title ?? shown.sheet} – ${where}, belopp i ${t.unit}`;
}

function changesBlock(view: DiffTableView): CheckSheetBlock {
  const t = view.table;
  const newSheet = t.new?.sheet ?? null;
  const link = (cell: string | null): CheckSheetValue => {
    const at = cell && newSheet ? fromA1(cell) : null;
    return at && newSheet ? { link: { sheet: newSheet, row: at.row, col: at.col } } : '';
  };
  const row = (kind: string, label: string, c: ChangeReport, note = ''): CheckSheetValue[] =>
    [kind, label, c.year, optional(c.old), optional(c.new), Number(c.difference), link(c.newCell), note || (c.newCell === null && c.oldCell ? `Stod i ${c.oldCell} i den tidigare versionen` : '')];
  const lines = (kind: string, list: LineReport[]) => list.flatMap((l) => l.changes.map((c) => row(kind, rowLabel(l), c)));
  const rows = [
    ...lines('Ändrad rad', view.changed),
    ...lines('Ny rad', view.added),
    ...lines('Borttagen rad', view.removed),
    ...view.totals.flatMap((group) => group.map((c) => row('Summa', rowLabel(c), c, statedNote(c)))),
    ...t.equity.filter((e) => e.difference !== null && Number(e.difference) !== 0).map((e) =>
      ['Eget kapital', 'Eget kapital vid årets slut', e.year, optional(e.old), optional(e.new), Number(e.difference), '', ''] as CheckSheetValue[]),
  ];
  return { heading: tableName(t), header: CHANGE_HEADER, rows };
}

function findingsBlock(t: TableDiffReport): { block: CheckSheetBlock; asTable: boolean }[] {
  const newSheet = t.new?.sheet ?? null;
  const row = (what: string, f: FindingReport, inNew: boolean): CheckSheetValue[] => {
    const at = inNew && newSheet ? fromA1(f.cell) : null;
    return [what, f.row ?? '', f.year ?? '', SEVERITY_WORD[f.severity], '', '', at && newSheet ? { link: { sheet: newSheet, row: at.row, col: at.col } } : f.cell, f.message];
  };
  const rows = [
    ...t.findings.fixed.map((f) => row('Åtgärdat', f, false)),
    ...t.findings.new.map((f) => row('Nytt', f, true)),
    ...t.findings.remaining.map((f) => row('Kvar', f, true)),
  ];
  if (rows.length === 0) return [];
  return [{ block: { heading: 'Fynd: åtgärdade, nya och kvarstående', header: ['Fynd', 'Rad', 'År', 'Allvarlighet', '', '', 'Cell', 'Meddelande'], rows }, asTable: false }];
}

const optional = (text: string | null): CheckSheetValue => (text === null ? '' : Number(text));

/** What a stale total states, where that is not its recomputed value. */
function statedNote(c: TotalReport): string {
  if (!isStale(c)) return '';
  const stated = (s: string | null) => (s === null ? 'inget' : formatDecimal(s));
  return `Tabellen anger ${stated(c.oldStated)} → ${stated(c.newStated)}`;
}
