import type { FileReport, FindingReport, TableReport } from '../core/report';
import { formatDecimal } from '../core/format';

const SEVERITY_WORD = { error: 'FEL', warning: 'VARNING', info: 'INFO' } as const;

/** The human report: Swedish, grouped by file and table, the cell and the numbers first. */
export function textReport(files: FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    lines.push(file.file);
    if (file.error) {
      lines.push(`  Kunde inte läsas: ${file.error}.`, '');
      continue;
    }
    if (file.tables.length === 0) lines.push('  Ingen budgettabell hittades.');
    for (const table of file.tables) lines.push(...tableLines(table));
    lines.push('');
  }
  lines.push(summaryLine(files));
  return `${lines.join('\n')}\n`;
}

function tableLines(table: TableReport): string[] {
  const years = table.columns.map((c) => c.header).join(', ');
  const lines = [`  Blad ”${table.sheet}”, ${table.range}${table.title ? ` – ${table.title}` : ''} (${table.unit}; ${years})`];
  if (table.findings.length === 0) lines.push('    Allt summerar rätt.');
  for (const f of table.findings) lines.push(...findingLines(f));
  lines.push(...equityLines(table));
  return lines;
}

/** The equity per year as a small table: what the board asks first. */
function equityLines(table: TableReport): string[] {
  if (table.equity.length === 0) {
    const hasResult = table.rows.some((r) => r.role === 'result');
    return hasResult ? ['    Eget kapital: tabellen anger inget ingående eget kapital – ange det med --opening-equity ÅR=BELOPP.'] : [];
  }
  const percent = table.equity[0].percent;
  const amounts: (string | null)[][] = [
    table.equity.map((e) => e.opening),
    table.equity.map((e) => e.income),
    table.equity.map((e) => e.costs),
    table.equity.map((e) => e.closing),
    table.equity.map((e) => e.statedClosing),
    ...(percent !== null ? [table.equity.map((e) => e.limit), table.equity.map((e) => e.excess)] : []),
  ];
  const n = amountColumnFormat(amounts.flat());
  // A projected closing is marked with a star after it; the other cells keep a space in its place,
  // so the amounts still end in one column.
  const projected = table.equity.some((e) => e.source === 'projected');
  const slot = (text: string, star = false) => `${text}${star ? '*' : projected ? ' ' : ''}`;
  const cell = (amount: string | null, star = false) => slot(n(amount), star);
  const rows: [string, string[]][] = [
    ['', table.equity.map((e) => slot(String(e.year)))],
    ['Ingående', table.equity.map((e) => cell(e.opening))],
    ['+ Intäkter', table.equity.map((e) => cell(e.income))],
    ['− Kostnader', table.equity.map((e) => cell(e.costs))],
    ['= Utgående', table.equity.map((e) => cell(e.closing, e.source === 'projected'))],
    ['  enligt tabellen', table.equity.map((e) => cell(e.statedClosing))],
  ];
  if (percent !== null) {
    rows.push([`Riktvärde (${formatDecimal(percent)} %)`, table.equity.map((e) => cell(e.limit))]);
    rows.push(['Över riktvärdet', table.equity.map((e) => cell(e.excess))]);
  }
  // Amounts are grouped with spaces, so columns need more than one between them: kronor with öre
  // (`1 765 755,87`) would otherwise read as one number with the next.
  const width = Math.max(MIN_COLUMN, ...rows.flatMap(([, values]) => values.map((v) => v.length + COLUMN_GAP)));
  const lines = [`    Eget kapital (${table.unit}), omräknat`, ...rows.map(([label, values]) => `      ${label.padEnd(22)}${values.map((v) => v.padStart(width)).join('')}`.trimEnd())];
  if (projected) lines.push('      * beräknat, står inte i tabellen');
  return lines;
}

/**
 * The format of a column of amounts: Swedish, and every amount with as many decimals as the one
 * with the most (at most two, öre), so that the decimal commas stand under each other — a table in
 * kronor with öre reads `2 904 625,00` above `3 120 214,05`, not `2 904 625`. A missing amount is `–`.
 */
function amountColumnFormat(amounts: readonly (string | null)[]): (amount: string | null) => string {
  const decimalsOf = (text: string) => (text.includes(',') ? text.length - text.indexOf(',') - 1 : 0);
  const decimals = Math.max(0, ...amounts.map((a) => (a === null ? 0 : decimalsOf(formatDecimal(a)))));
  return (amount) => {
    if (amount === null) return '–';
    const text = formatDecimal(amount);
    const missing = decimals - decimalsOf(text);
    if (missing <= 0) return text;
    return `${text}${text.includes(',') ? '' : ','}${'0'.repeat(missing)}`;
  };
}

/** The equity table's column width at least, and the spaces at least between two amounts. */
const MIN_COLUMN = 13;
const COLUMN_GAP = 3;

function findingLines(f: FindingReport): string[] {
  const lines = [`    ${SEVERITY_WORD[f.severity].padEnd(8)}${f.cell.padEnd(6)}${f.message}`];
  if (f.causedBy) lines.push(`${' '.repeat(18)}Orsak: ${f.causedBy}.`);
  if (f.affects.length > 0) lines.push(`${' '.repeat(18)}Ändras också när felet rättas: ${f.affects.join(', ')}.`);
  return lines;
}

export function summaryLine(files: FileReport[]): string {
  const all = files.flatMap((f) => f.tables.flatMap((t) => t.findings));
  const count = (s: string) => all.filter((f) => f.severity === s).length;
  const tables = files.reduce((n, f) => n + f.tables.length, 0);
  const unread = files.filter((f) => f.error).length;
  const parts = [
    `${files.length} ${files.length === 1 ? 'fil' : 'filer'}`,
    `${tables} ${tables === 1 ? 'tabell' : 'tabeller'}`,
    `${count('error')} fel`,
    `${count('warning')} ${count('warning') === 1 ? 'varning' : 'varningar'}`,
    `${count('info')} info`,
  ];
  if (unread > 0) parts.push(`${unread} kunde inte läsas`);
  return `Sammanfattning: ${parts.join(', ')}.`;
}
