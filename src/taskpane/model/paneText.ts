import type { Severity } from '../../core/findings';
import type { Language } from '../../core/messages';

// The shared components' own words (the result view, findings, tables, equity
// chart, settings), in Swedish and English. Numbers stay in Swedish format in
// both: the amounts are Swedish budgets. The findings' messages are the
// engine's (core/messages.ts), the settings' validation reasons too.

export interface PaneText {
  /** `1 fel`, `4 varningar`: [one, many]. */
  count: Record<Severity | 'table', [string, string]>;
  severityHeading: Record<Severity, string>;
  /** A single finding's badge. */
  severityBadge: Record<Severity, string>;
  roles: Record<string, string>;
  kinds: Record<string, string>;

  // ResultView
  resultsFor: (name: string) => string;
  show: string;
  tabFindings: string;
  tabTables: string;
  tabEquity: string;
  tabSettings: string;
  noEquity: string;
  baseAllocation: string;
  baseCosts: string;

  // FindingsList
  table: string;
  allTables: string;
  noFindings: string;
  noFilteredFindings: string;
  /** `Fel i C10` (the finding's accessible name starts so). */
  findingIn: (severity: string, place: string) => string;
  causedBy: (cell: string) => string;
  affects: (cells: string) => string;

  // TablesList
  noTables: string;
  sheet: string;
  range: string;
  unit: string;
  years: string;
  selectIn: (address: string) => string;
  selectInExcel: string;
  rowsRead: (count: string) => string;
  rowsOf: (heading: string) => string;
  row: string;
  label: string;
  readAs: string;

  // EquityChart
  chartTitle: (unit: string) => string;
  guideline: string;
  guidelineHeader: string;
  guidelineOf: (percent: string, base: string) => string;
  guidelinePercentOf: (base: string) => string;
  projected: string;
  legend: string;
  closingEquity: string;
  aboveGuideline: string;
  negativeEquity: string;
  projectedNote: string;
  equityPerYear: (unit: string) => string;
  opening: string;
  result: string;
  closing: string;
  year: string;

  // SettingsPanel
  settings: string;
  percentLabel: string;
  percentHint: string;
  percentOf: string;
  openingLabel: string;
  openingHint: string;
  rerun: string;
  reset: string;
  pending: string;
}

const SV: PaneText = {
  count: { error: ['fel', 'fel'], warning: ['varning', 'varningar'], info: ['notering', 'noteringar'], table: ['tabell', 'tabeller'] },
  severityHeading: { error: 'Fel', warning: 'Varningar', info: 'Noteringar' },
  severityBadge: { error: 'Fel', warning: 'Varning', info: 'Notering' },
  roles: {
    line: 'rad', group: 'rubrik', total: 'summa', result: 'resultat', 'opening-equity': 'ingående eget kapital',
    'closing-equity': 'utgående eget kapital', available: 'tillgängliga medel', limit: 'riktvärde', remaining: 'kvar att disponera',
  },
  kinds: { budget: 'budget', plan: 'plan', prognos: 'prognos', utfall: 'utfall' },

  resultsFor: (name) => `Resultat för ${name}`,
  show: 'Visa',
  tabFindings: 'Fynd',
  tabTables: 'Tabeller',
  tabEquity: 'Eget kapital',
  tabSettings: 'Inställningar',
  noEquity: 'Ingen tabell anger eget kapital vid årets början, så Budgetkoll kan inte räkna fram det. Ange ingående eget kapital under Inställningar (ÅR=BELOPP), så räknas det fram år för år.',
  baseAllocation: 'medlemmarnas tilldelning',
  baseCosts: 'kostnaderna',

  table: 'Tabell',
  allTables: 'Alla tabeller',
  noFindings: 'Inga fynd: summorna stämmer.',
  noFilteredFindings: 'Inga fynd med de valda filtren.',
  findingIn: (severity, place) => `${severity} i ${place}`,
  causedBy: (cell) => `Följer av felet i ${cell}`,
  affects: (cells) => `När det rättas ändras också: ${cells}`,

  noTables: 'Ingen budgettabell hittades. Budgetkoll letar efter en tabell med årskolumner (till exempel 2024 eller Budget 2025) och rader med belopp.',
  sheet: 'Blad',
  range: 'Område',
  unit: 'Enhet',
  years: 'År',
  selectIn: (address) => `Markera i Excel: ${address}`,
  selectInExcel: 'Markera i Excel',
  rowsRead: (count) => `Raderna som Budgetkoll läste (${count})`,
  rowsOf: (heading) => `Raderna i ${heading}`,
  row: 'Rad',
  label: 'Etikett',
  readAs: 'Läst som',

  chartTitle: (unit) => `Eget kapital vid årets slut jämfört med riktvärdet, i ${unit}`,
  guideline: 'riktvärde',
  guidelineHeader: 'Riktvärde',
  guidelineOf: (percent, base) => `Riktvärde (${percent}\u00a0% av ${base})`,
  guidelinePercentOf: (base) => `Riktvärde (procent av ${base})`,
  projected: 'beräknat',
  legend: 'Förklaring',
  closingEquity: 'Eget kapital vid årets slut',
  aboveGuideline: 'Över riktvärdet',
  negativeEquity: 'Negativt eget kapital',
  projectedNote: '* beräknat av Budgetkoll, tabellen anger inget utgående kapital',
  equityPerYear: (unit) => `Eget kapital per år (${unit})`,
  opening: 'Ingående',
  result: 'Årets resultat',
  closing: 'Utgående',
  year: 'År',

  settings: 'Inställningar',
  percentLabel: 'Riktvärde för eget kapital (procent)',
  percentHint: 'Standard: 20 procent av medlemmarnas tilldelning.',
  percentOf: 'Procent av',
  openingLabel: 'Ingående eget kapital (ÅR=BELOPP)',
  openingHint: 'För tabeller som inte anger eget kapital vid årets början, till exempel 2025=4000 i tabellens enhet. Lämna tomt annars.',
  rerun: 'Kör kontrollen igen',
  reset: 'Återställ standardvärden',
  pending: 'Ändringarna gäller när du kör kontrollen igen.',
};

const EN: PaneText = {
  count: { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'], table: ['table', 'tables'] },
  severityHeading: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  severityBadge: { error: 'Error', warning: 'Warning', info: 'Note' },
  roles: {
    line: 'line', group: 'heading', total: 'total', result: 'result', 'opening-equity': 'opening equity',
    'closing-equity': 'closing equity', available: 'available funds', limit: 'guideline', remaining: 'left to allocate',
  },
  kinds: { budget: 'budget', plan: 'plan', prognos: 'forecast', utfall: 'actual' },

  resultsFor: (name) => `Results for ${name}`,
  show: 'Show',
  tabFindings: 'Findings',
  tabTables: 'Tables',
  tabEquity: 'Equity',
  tabSettings: 'Settings',
  noEquity: 'No table states the equity at the start of the year, so Budgetkoll cannot work it out. Enter the opening equity under Settings (YEAR=AMOUNT) and it is worked out year by year.',
  baseAllocation: "the members' allocation",
  baseCosts: 'the costs',

  table: 'Table',
  allTables: 'All tables',
  noFindings: 'No findings: the totals add up.',
  noFilteredFindings: 'No findings with the chosen filters.',
  findingIn: (severity, place) => `${severity} in ${place}`,
  causedBy: (cell) => `Follows from the error in ${cell}`,
  affects: (cells) => `Fixing it also changes: ${cells}`,

  noTables: 'No budget table was found. Budgetkoll looks for a table with year columns (such as 2024 or Budget 2025) and rows of amounts.',
  sheet: 'Sheet',
  range: 'Range',
  unit: 'Unit',
  years: 'Years',
  selectIn: (address) => `Select in Excel: ${address}`,
  selectInExcel: 'Select in Excel',
  rowsRead: (count) => `The rows Budgetkoll read (${count})`,
  rowsOf: (heading) => `The rows of ${heading}`,
  row: 'Row',
  label: 'Label',
  readAs: 'Read as',

  chartTitle: (unit) => `Equity at the end of each year against the guideline, in ${unit}`,
  guideline: 'guideline',
  guidelineHeader: 'Guideline',
  guidelineOf: (percent, base) => `Guideline (${percent}\u00a0% of ${base})`,
  guidelinePercentOf: (base) => `Guideline (percent of ${base})`,
  projected: 'projected',
  legend: 'Legend',
  closingEquity: 'Equity at the end of the year',
  aboveGuideline: 'Above the guideline',
  negativeEquity: 'Negative equity',
  projectedNote: '* projected by Budgetkoll, the table states no closing equity',
  equityPerYear: (unit) => `Equity per year (${unit})`,
  opening: 'Opening',
  result: 'Result for the year',
  closing: 'Closing',
  year: 'Year',

  settings: 'Settings',
  percentLabel: 'Equity guideline (percent)',
  percentHint: "Default: 20 percent of the members' allocation.",
  percentOf: 'Percent of',
  openingLabel: 'Opening equity (YEAR=AMOUNT)',
  openingHint: "For tables that do not state the equity at the start of the year, for example 2025=4000 in the table's unit. Leave empty otherwise.",
  rerun: 'Run the check again',
  reset: 'Restore defaults',
  pending: 'The changes apply when you run the check again.',
};

export const PANE_TEXT: Record<Language, PaneText> = { sv: SV, en: EN };
