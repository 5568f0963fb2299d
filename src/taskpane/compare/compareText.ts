import type { Severity } from '../../core/findings';
import type { Language } from '../../core/messages';
import { countText as plural } from '../../core/countText';
import { COMPARE_STAGE_TEXT, compareFailed } from './compareStages';

// The comparison's own words, in Swedish and (in the Excel pane, when Office's display language is
// not Swedish) English. Numbers stay in Swedish format in both: the amounts are Swedish budgets.

export interface CompareText {
  heading: string;
  lead: string;
  choose: string;
  chooseAnother: string;
  dropHint: string;
  inputLabel: string;
  readingOlder: string;
  comparing: string;
  failed: (name: string) => string;
  close: string;
  /** `Jämfört med seed-000.xlsx: 1 tabell, 16 rader ändrade …` */
  done: (older: string, tables: number, changedLines: number) => string;
  noTables: string;
  result: (older: string) => string;
  onlyIn: (side: 'old' | 'new') => string;
  years: string;
  unit: (unit: string) => string;
  counts: (c: { changed: number; added: number; removed: number; unchanged: number; totals: number }) => string;
  noChanges: (lines: number) => string;
  changed: (n: number) => string;
  added: (n: number) => string;
  removed: (n: number) => string;
  totals: (n: number) => string;
  totalsNote: string;
  stated: (before: string, after: string) => string;
  statedBoth: (value: string) => string;
  nothingStated: string;
  equity: string;
  year: string;
  before: string;
  after: string;
  difference: string;
  line: string;
  total: string;
  findings: string;
  fixed: (n: number) => string;
  newFindings: (n: number) => string;
  remaining: (n: number) => string;
  noFindings: string;
  severity: Record<Severity, string>;
  /** A changed cell's button: what it changes, and that a press selects it. */
  selectChange: (label: string, year: string, change: string, cell: string) => string;
  /** A row's button: it selects the row's changed cells. */
  selectLine: (label: string, cells: string) => string;
  scrollRegion: (what: string, table: string) => string;
  formerly: (label: string) => string;
  /** The Excel pane's: the comparison as a sheet of its own. */
  writeSheet: string;
  writeSheetNote: string;
}


const SV: CompareText = {
  heading: 'Jämför med en tidigare version',
  lead: 'Välj den tidigare versionen av budgeten (.xlsx), till exempel det preliminära förslaget. Budgetkoll visar vad som ändrats, rad för rad och år för år.',
  choose: 'Jämför med en tidigare version…',
  chooseAnother: 'Välj en annan tidigare version…',
  dropHint: 'eller släpp den tidigare versionen (.xlsx) här.',
  inputLabel: 'Välj den tidigare versionen (.xlsx)',
  readingOlder: COMPARE_STAGE_TEXT['reading-older'],
  comparing: COMPARE_STAGE_TEXT.comparing,
  failed: compareFailed,
  close: 'Stäng jämförelsen',
  done: (older, tables, changedLines) => `Klart: jämfört med ${older} – ${plural(tables, 'tabell', 'tabeller')}, ${plural(changedLines, 'rad', 'rader')} med ändrade belopp.`,
  noTables: 'Ingen budgettabell hittades i någon av versionerna.',
  result: (older) => `Jämförelse med ${older}`,
  onlyIn: (side) => (side === 'old' ? 'Tabellen finns bara i den tidigare versionen.' : 'Tabellen finns bara i den nya versionen.'),
  years: 'År',
  unit: (unit) => `Belopp i ${unit}`,
  counts: (c) => `${plural(c.changed, 'rad ändrad', 'rader ändrade')}, ${plural(c.added, 'ny', 'nya')}, ${plural(c.removed, 'borttagen', 'borttagna')}, ${plural(c.unchanged, 'oförändrad', 'oförändrade')}; ${plural(c.totals, 'summa ändrad', 'summor ändrade')}.`,
  noChanges: (lines) => `Inga ändrade belopp: alla ${lines} rader är desamma.`,
  changed: (n) => `Ändrade rader (${n}), största ändringen först`,
  added: (n) => `Nya rader (${n})`,
  removed: (n) => `Borttagna rader (${n})`,
  totals: (n) => `Omräknade summor som ändrats (${n}), största ändringen först`,
  totalsNote: 'Summorna är omräknade ur raderna, så en summa som inte ändrats i tabellen men borde ha gjort det syns här.',
  stated: (before, after) => `står ${before} → ${after}`,
  statedBoth: (value) => `står ${value} i båda`,
  nothingStated: 'inget',
  equity: 'Eget kapital vid årets slut, omräknat',
  year: 'År',
  before: 'Tidigare',
  after: 'Nu',
  difference: 'Skillnad',
  line: 'Rad',
  total: 'Summa',
  findings: 'Fynd',
  fixed: (n) => `Åtgärdade (${n})`,
  newFindings: (n) => `Nya (${n})`,
  remaining: (n) => `Kvarstående (${n})`,
  noFindings: 'Inga fynd i någon av versionerna.',
  severity: { error: 'Fel', warning: 'Varning', info: 'Notering' },
  selectChange: (label, year, change, cell) => `${label} ${year}: ${change}. Markera ${cell} i Excel`,
  selectLine: (label, cells) => `${label}: markera ${cells.includes(',') ? 'de ändrade cellerna' : 'den ändrade cellen'} ${cells} i Excel`,
  scrollRegion: (what, table) => `${what}, ${table}`,
  formerly: (label) => `tidigare ${label}`,
  writeSheet: 'Skriv jämförelsen som ett blad',
  writeSheetNote: 'Ett nytt blad med varje ändring, länkar till cellerna och fynden. Ångra Budgetkolls ändringar tar bort det.',
};

const EN: CompareText = {
  heading: 'Compare with an earlier version',
  lead: 'Choose the earlier version of the budget (.xlsx), such as the preliminary proposal. Budgetkoll shows what changed, line by line and year by year.',
  choose: 'Compare with an earlier version…',
  chooseAnother: 'Choose another earlier version…',
  dropHint: 'or drop the earlier version (.xlsx) here.',
  inputLabel: 'Choose the earlier version (.xlsx)',
  readingOlder: 'Reading the earlier version…',
  comparing: 'Comparing the versions…',
  failed: (name) => `${name} could not be compared`,
  close: 'Close the comparison',
  done: (older, tables, changedLines) => `Done: compared with ${older} – ${plural(tables, 'table', 'tables')}, ${plural(changedLines, 'line', 'lines')} with changed amounts.`,
  noTables: 'No budget table was found in either version.',
  result: (older) => `Comparison with ${older}`,
  onlyIn: (side) => (side === 'old' ? 'The table is only in the earlier version.' : 'The table is only in the new version.'),
  years: 'Years',
  unit: (unit) => `Amounts in ${unit}`,
  counts: (c) => `${plural(c.changed, 'line changed', 'lines changed')}, ${c.added} new, ${c.removed} removed, ${c.unchanged} unchanged; ${plural(c.totals, 'total changed', 'totals changed')}.`,
  noChanges: (lines) => `No changed amounts: all ${lines} lines are the same.`,
  changed: (n) => `Changed lines (${n}), biggest change first`,
  added: (n) => `New lines (${n})`,
  removed: (n) => `Removed lines (${n})`,
  totals: (n) => `Recomputed totals that changed (${n}), biggest change first`,
  totalsNote: 'Totals are recomputed from their lines, so a total that was not updated in the table but should have been shows here.',
  stated: (before, after) => `states ${before} → ${after}`,
  statedBoth: (value) => `states ${value} in both`,
  nothingStated: 'nothing',
  equity: 'Equity at the end of each year, recomputed',
  year: 'Year',
  before: 'Before',
  after: 'Now',
  difference: 'Difference',
  line: 'Line',
  total: 'Total',
  findings: 'Findings',
  fixed: (n) => `Fixed (${n})`,
  newFindings: (n) => `New (${n})`,
  remaining: (n) => `Remaining (${n})`,
  noFindings: 'No findings in either version.',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  selectChange: (label, year, change, cell) => `${label} ${year}: ${change}. Select ${cell} in Excel`,
  selectLine: (label, cells) => `${label}: select the changed ${cells.includes(',') ? 'cells' : 'cell'} ${cells} in Excel`,
  scrollRegion: (what, table) => `${what}, ${table}`,
  formerly: (label) => `formerly ${label}`,
  writeSheet: 'Write the comparison as a sheet',
  writeSheetNote: "A new sheet with every change, links to the cells and the findings. \"Undo Budgetkoll's changes\" removes it.",
};

export const compareText = (language: Language): CompareText => (language === 'en' ? EN : SV);
