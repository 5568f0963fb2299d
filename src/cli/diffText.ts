import type { ChangeReport, DiffReport, TableDiffReport, TableRef, TotalReport } from '../core/compare/diffReport';
import { bySharedYear, isStale, sharedYears, type YearColumn } from '../core/compare/diffLayout';
import { diffTableView, rowLabel, totalsByRow } from '../core/compare/diffView';
import { formatDecimal } from '../core/format';
import { countText as count } from '../core/countText';
import type { FindingReport } from '../core/report';

const SEVERITY_WORD = { error: 'FEL', warning: 'VARNING', info: 'INFO' } as const;
/** Labels wider than this are cut (with …) so that the year columns stay in view. */
const MAX_LABEL_WIDTH = 48;
const GAP = '   ';

/** The comparison for a reader: Swedish, table by table, the biggest changes first, the years in columns. */
export function diffTextReport(report: DiffReport): string {
  const lines = ['Jämförelse av två versioner av budgeten', `  Tidigare: ${report.old}`, `  Ny:       ${report.new}`, ''];
  if (report.tables.length === 0) lines.push('Ingen budgettabell hittades i någon av filerna.', '');
  for (const table of report.tables) lines.push(...tableLines(table), '');
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

function tableLines(t: TableDiffReport): string[] {
  const lines = [tableHeading(t)];
  if (!t.old || !t.new) {
    lines.push(`  ${t.old ? 'Finns inte i den nya versionen' : 'Finns inte i den tidigare versionen'} (${t.lines.length} rader).`);
    return [...lines, ...findingLines(t)];
  }
  lines.push(`  År: ${t.columns.map(columnText).join(', ')}`);
  const grid = new YearGrid(t);
  const view = diffTableView(t);
  if (view.changed.length + t.counts.added + t.counts.removed === 0 && t.totals.length === 0) {
    lines.push(`  Inga ändrade belopp: alla ${t.lines.length} rader är desamma.`);
  }
  lines.push(...grid.section(`Ändrade rader (${view.changed.length}), största ändringen först`, view.changed.map((l) => grid.row(rowLabel(l), l.changes))));
  lines.push(...grid.section(`Nya rader (${t.counts.added})`, view.added.map((l) => grid.row(l.label, l.changes))));
  lines.push(...grid.section(`Borttagna rader (${t.counts.removed})`, view.removed.map((l) => grid.row(l.label, l.changes))));
  if (t.counts.unchanged > 0) lines.push(`  Oförändrade rader: ${t.counts.unchanged}.`);
  lines.push(...grid.section('Omräknade summor som ändrats, största ändringen först', view.totals.map((group) => grid.row(rowLabel(group[0]), group, statedNote))));
  return [...lines, ...equityLines(t, grid.labelWidth), ...findingLines(t)];
}

/**
 * The shared years as columns. A change goes under its year; where a year has two columns
 * (`Budget 2023`, `Prognos 2023`), the changes of a row come in column order and fill them so.
 */
class YearGrid {
  private readonly headers: YearColumn[];
  private readonly width: number;
  readonly labelWidth: number;

  constructor(t: TableDiffReport) {
    this.headers = sharedYears(t);
    const cells = [...t.lines.flatMap((l) => l.changes), ...t.totals].flatMap((c) => [changeText(c), statedNote(c)]);
    this.width = Math.max(12, ...cells.map((c) => c.length), ...this.headers.map((h) => h.header.length));
    const labels = [...t.lines.filter((l) => l.status !== 'unchanged'), ...t.totals].map((l) => rowLabel(l).length);
    this.labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(24, ...labels) + 2);
  }

  section(heading: string, rows: string[][]): string[] {
    if (rows.length === 0) return [];
    const years = `${' '.repeat(this.labelWidth + 4)}${this.headers.map((h) => h.header.padEnd(this.width)).join(GAP)}`;
    return [`  ${heading}:`, years.trimEnd(), ...rows.flat()];
  }

  /** The row's line, and a line of notes under it where a change has one. */
  row(label: string, changes: ChangeReport[], note: (c: ChangeReport) => string = () => ''): string[] {
    const cells = bySharedYear(this.headers, changes).map((change) => (change ? { text: changeText(change), note: note(change) } : { text: '', note: '' }));
    const line = (texts: string[], first: string) => `    ${first.padEnd(this.labelWidth)}${texts.map((s) => s.padEnd(this.width)).join(GAP)}`.trimEnd();
    const cut = label.length > this.labelWidth - 2 ? `${label.slice(0, this.labelWidth - 3)}…` : label;
    const out = [line(cells.map((c) => c.text), cut)];
    if (cells.some((c) => c.note)) out.push(line(cells.map((c) => c.note), ''));
    return out;
  }
}

function tableHeading(t: TableDiffReport): string {
  const place = (ref: TableRef) => `blad ”${ref.sheet}”, ${ref.range}`;
  const shown = t.new ?? t.old!;
  const where = t.old && t.new
    ? (t.old.sheet === t.new.sheet ? `Blad ”${t.new.sheet}”, ${t.old.range} → ${t.new.range}` : `Från ${place(t.old)} till ${place(t.new)}`)
    : `${t.new ? 'Ny tabell' : 'Borttagen tabell'}: ${place(shown)}`;
  return `${where}${shown.title ? ` – ${shown.title}` : ''} (belopp i ${t.unit})`;
}

function columnText(c: { year: number; old: string | null; new: string | null }): string {
  if (c.old === null) return `${c.new} (bara i den nya)`;
  if (c.new === null) return `${c.old} (bara i den tidigare)`;
  return c.old === c.new ? c.new : `${c.old} → ${c.new}`;
}

/** `1 600 → 2 000 (+400)`; for a line of one version only, its amount. */
function changeText(c: ChangeReport): string {
  if (c.old === null) return amount(c.new!);
  if (c.new === null) return amount(c.old);
  return `${amount(c.old)} → ${amount(c.new)} (${signed(c.difference)})`;
}

/** What a stale total states, where that is not its recomputed value. */
function statedNote(c: ChangeReport): string {
  if (!('oldStated' in c)) return '';
  const t = c as TotalReport;
  if (!isStale(t)) return '';
  const stated = (s: string | null) => (s === null ? 'inget' : amount(s));
  return t.oldStated === t.newStated ? `(står ${stated(t.newStated)} i båda)` : `(står ${stated(t.oldStated)} → ${stated(t.newStated)})`;
}

/** Closing equity per year: the figure the board asks about first. */
function equityLines(t: TableDiffReport, labelWidth: number): string[] {
  if (t.equity.length === 0) return [];
  const row = (label: string, values: (string | null)[]) => `    ${label.padEnd(labelWidth)}${values.map((v) => (v ?? '–').padStart(12)).join('')}`;
  return [
    '  Eget kapital vid årets slut, omräknat:',
    row('', t.equity.map((e) => String(e.year))),
    row('tidigare', t.equity.map((e) => e.old && amount(e.old))),
    row('ny', t.equity.map((e) => e.new && amount(e.new))),
    row('skillnad', t.equity.map((e) => e.difference && signed(e.difference))),
  ];
}

/** Fixed, new and remaining findings; one about a year the other version does not have says so. */
function findingLines(t: TableDiffReport): string[] {
  const yearsOf = (side: 'old' | 'new') => new Set(t.columns.filter((c) => c[side] !== null).map((c) => c.year));
  const list = (heading: string, findings: FindingReport[], otherYears: Set<number> | null, other: string) => (findings.length === 0 ? [] : [
    `  ${heading} (${findings.length}):`,
    ...findings.map((f) => {
      const note = otherYears && f.year !== null && t.old && t.new && !otherYears.has(f.year) ? ` (${f.year} finns inte i den ${other} versionen.)` : '';
      return `    ${SEVERITY_WORD[f.severity].padEnd(8)}${f.cell.padEnd(6)}${f.message}${note}`;
    }),
  ]);
  return [
    ...list('Fynd som är åtgärdade', t.findings.fixed, yearsOf('new'), 'nya'),
    ...list('Nya fynd', t.findings.new, yearsOf('old'), 'tidigare'),
    ...list('Kvarstående fynd', t.findings.remaining, null, ''),
  ];
}

const amount = (text: string) => formatDecimal(text);
const signed = (text: string) => (text.startsWith('-') || text === '0' ? amount(text) : `+${amount(text)}`);

function summaryLine(report: DiffReport): string {
  const sum = (f: (t: TableDiffReport) => number) => report.tables.reduce((n, t) => n + f(t), 0);
  const paired = report.tables.filter((t) => t.old && t.new).length;
  const parts = [
    `${count(paired, 'tabell', 'tabeller')} ${paired === 1 ? 'jämförd' : 'jämförda'}`,
    [count(sum((t) => t.counts.changed), 'rad ändrad', 'rader ändrade'), count(sum((t) => t.counts.added), 'ny', 'nya'),
      count(sum((t) => t.counts.removed), 'borttagen', 'borttagna'), count(sum((t) => t.counts.unchanged), 'oförändrad', 'oförändrade')].join(', '),
    count(sum((t) => totalsByRow(t.totals).length), 'summa ändrad', 'summor ändrade'),
    `fynd: ${count(sum((t) => t.findings.fixed.length), 'åtgärdat', 'åtgärdade')}, ${count(sum((t) => t.findings.new.length), 'nytt', 'nya')}, ${sum((t) => t.findings.remaining.length)} kvar`,
  ];
  const alone = report.tables.length - paired;
  if (alone > 0) parts.push(`${count(alone, 'tabell', 'tabeller')} bara i den ena versionen`);
  return `Sammanfattning: ${parts.join('; ')}.`;
}
