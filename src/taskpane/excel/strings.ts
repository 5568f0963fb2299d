import type { Language } from '../../core/messages';
import { fillOnlyText } from '../../core/cellMarks';
import { countText as plural } from '../../core/countText';
import type { StepDone } from './port';

// The Excel pane's own words, in Swedish and (when Office's display language is not Swedish) English.

export interface ExcelPaneStrings {
  lead: string;
  /** The results' heading: the open workbook has no file name to show. */
  workbook: string;
  analyze: string;
  reanalyze: string;
  reading: string;
  checking: string;
  progress: (percent: number) => string;
  done: (tables: number, errors: number, warnings: number) => string;
  noTables: string;
  analyzeFailed: string;
  mark: string;
  checkSheet: string;
  fix: (n: number) => string;
  nothingToFix: string;
  undo: string;
  working: string;
  actionFailed: string;
  readOnly: string;
  protectedSheets: (names: string[]) => string;
  notStored: (reason: string) => string;
  previewTitle: string;
  previewLead: (n: number) => string;
  /** The name of the preview's scrolling list, which the keyboard reaches to scroll it. */
  previewCells: string;
  /** The header of the column naming each cell: its row and year, its address and formula. */
  previewCell: string;
  previewBefore: string;
  previewAfter: string;
  /** Where the table is and its unit: `Budget 2024!A3:E36 · belopp i tkr`. */
  previewWhere: (place: string, unit: string | null) => string;
  previewChanged: (n: number) => string;
  previewSameValue: (n: number) => string;
  /** The formula a fix replaces. */
  previewReplaces: (formula: string) => string;
  confirmFix: (n: number) => string;
  cancel: string;
  stepDone: (done: StepDone) => string;
}


const SV: ExcelPaneStrings = {
  lead: 'Kontrollerar budgettabellerna i den öppna arbetsboken: summor, följdfel, eget kapital och riktvärdet.',
  workbook: 'Arbetsboken',
  analyze: 'Analysera arbetsboken',
  reanalyze: 'Analysera igen',
  reading: 'Läser arbetsboken…',
  checking: 'Kontrollerar…',
  progress: (percent) => `Läser arbetsboken… ${percent} %`,
  done: (tables, errors, warnings) => `Klart: ${plural(tables, 'tabell', 'tabeller')}, ${plural(errors, 'fel', 'fel')}, ${plural(warnings, 'varning', 'varningar')}.`,
  noTables: 'Klart: ingen budgettabell hittades. Budgetkoll letar efter en tabell med årskolumner (till exempel 2024 eller Budget 2025) och rader med belopp.',
  analyzeFailed: 'Arbetsboken kunde inte analyseras',
  mark: 'Markera i bladet',
  checkSheet: 'Skapa kontrollblad',
  fix: (n) => `Rätta summor (${n})`,
  nothingToFix: 'Alla summor är redan formler som räknar rätt.',
  undo: 'Ångra Budgetkolls ändringar',
  working: 'Skriver i arbetsboken…',
  actionFailed: 'Budgetkoll ändrade inget',
  readOnly: 'Arbetsboken är öppen skrivskyddad: Budgetkoll kan analysera den men inte markera eller rätta.',
  protectedSheets: (names) => `Skyddade blad (${names.join(', ')}): Budgetkoll kan analysera dem men inte markera eller rätta i dem.`,
  notStored: (reason) => `Analysen kunde inte sparas i arbetsboken för Word-delen: ${reason}`,
  previewTitle: 'Rätta summor',
  previewLead: (n) => `Budgetkoll skriver formler i ${plural(n, 'cell', 'celler')}, så att summorna räknar rätt också när raderna ändras. Ångra Budgetkolls ändringar sätter tillbaka allt.`,
  previewCells: 'Cellerna som rättas',
  previewCell: 'Summa och cell',
  previewBefore: 'Nu',
  previewAfter: 'Blir',
  previewWhere: (place, unit) => (unit ? `${place} · belopp i ${unit}` : place),
  previewChanged: (n) => `Värdet ändras i ${plural(n, 'cell', 'celler')}`,
  previewSameValue: (n) => `Samma värde, blir formel: ${plural(n, 'cell', 'celler')}`,
  previewReplaces: (formula) => `ersätter ${formula}`,
  confirmFix: (n) => `Rätta ${plural(n, 'cell', 'celler')}`,
  cancel: 'Avbryt',
  stepDone: (done) => {
    switch (done.kind) {
      case 'marks':
        return [
          done.cells === 0
            ? 'Cellerna var redan markerade.'
            : `${plural(done.cells, 'cell', 'celler')} markerade${done.notes ? ' med färg och anteckning' : ' med färg (anteckningar kräver en nyare Excel; fynden står på kontrollbladet)'}.`,
          fillOnlyText(done.fillOnly, 'sv'),
        ].filter(Boolean).join(' ');
      case 'check-sheet':
        return `Bladet ${done.sheet} är skapat med fynden, länkar till cellerna och ett diagram över eget kapital.`;
      case 'comparison-sheet':
        return `Bladet ${done.sheet} är skapat med jämförelsen och länkar till de ändrade cellerna. Ångra Budgetkolls ändringar tar bort det.`;
      case 'fixes':
        return `${plural(done.cells, 'summa', 'summor')} rättade med formler. Arbetsboken har analyserats igen.`;
      case 'undo':
        return [
          `Budgetkolls ändringar är ångrade (${plural(done.restored, 'cell', 'celler')}${done.removedSheets.length ? `, ${done.removedSheets.length === 1 ? 'bladet' : 'bladen'} ${done.removedSheets.join(', ')} ${done.removedSheets.length === 1 ? 'borttaget' : 'borttagna'}` : ''}).`,
          done.kept.length ? `Celler du själv ändrat efteråt lämnades som de är: ${done.kept.join(', ')}.` : '',
          done.goneSheets.length ? `${done.goneSheets.length === 1 ? 'Bladet' : 'Bladen'} ${done.goneSheets.join(', ')} finns inte längre, så det Budgetkoll ändrat där kunde inte ångras.` : '',
          done.keptSheets.length ? `${done.keptSheets.length === 1 ? 'Bladet' : 'Bladen'} ${done.keptSheets.join(', ')} är kvar: arbetsbokens struktur är skyddad. Ta bort skyddet (Granska > Skydda arbetsbok) och ångra igen för att ta bort ${done.keptSheets.length === 1 ? 'det' : 'dem'}.` : '',
        ].filter(Boolean).join(' ');
    }
  },
};

const EN: ExcelPaneStrings = {
  lead: 'Checks the budget tables in the open workbook: totals, knock-on errors, equity and the reserve guideline.',
  workbook: 'Workbook',
  analyze: 'Analyse workbook',
  reanalyze: 'Analyse again',
  reading: 'Reading the workbook…',
  checking: 'Checking…',
  progress: (percent) => `Reading the workbook… ${percent}%`,
  done: (tables, errors, warnings) => `Done: ${plural(tables, 'table', 'tables')}, ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}.`,
  noTables: 'Done: no budget table was found. Budgetkoll looks for a table with year columns (such as 2024 or Budget 2025) and rows of amounts.',
  analyzeFailed: 'The workbook could not be analysed',
  mark: 'Mark in sheet',
  checkSheet: 'Create check sheet',
  fix: (n) => `Fix totals (${n})`,
  nothingToFix: 'Every total is already a formula that adds up.',
  undo: "Undo Budgetkoll's changes",
  working: 'Writing to the workbook…',
  actionFailed: 'Budgetkoll changed nothing',
  readOnly: 'The workbook is open read-only: Budgetkoll can analyse it but not mark or fix it.',
  protectedSheets: (names) => `Protected sheets (${names.join(', ')}): Budgetkoll can analyse them but not mark or fix them.`,
  notStored: (reason) => `The analysis could not be stored in the workbook for Word: ${reason}`,
  previewTitle: 'Fix totals',
  previewLead: (n) => `Budgetkoll writes formulas into ${plural(n, 'cell', 'cells')}, so that the totals stay right when lines change. "Undo Budgetkoll's changes" puts everything back.`,
  previewCells: 'The cells to fix',
  previewCell: 'Total and cell',
  previewBefore: 'Now',
  previewAfter: 'Becomes',
  previewWhere: (place, unit) => (unit ? `${place} · amounts in ${unit}` : place),
  previewChanged: (n) => `The value changes in ${plural(n, 'cell', 'cells')}`,
  previewSameValue: (n) => `Same value, becomes a formula: ${plural(n, 'cell', 'cells')}`,
  previewReplaces: (formula) => `replaces ${formula}`,
  confirmFix: (n) => `Fix ${plural(n, 'cell', 'cells')}`,
  cancel: 'Cancel',
  stepDone: (done) => {
    switch (done.kind) {
      case 'marks':
        return [
          done.cells === 0 ? 'The cells were already marked.' : `${plural(done.cells, 'cell', 'cells')} marked${done.notes ? ' with colour and a note' : ' with colour (notes need a newer Excel; the findings are on the check sheet)'}.`,
          fillOnlyText(done.fillOnly, 'en'),
        ].filter(Boolean).join(' ');
      case 'check-sheet':
        return `Sheet ${done.sheet} was created with the findings, links to the cells and an equity chart.`;
      case 'comparison-sheet':
        return `Sheet ${done.sheet} was created with the comparison and links to the changed cells. "Undo Budgetkoll's changes" removes it.`;
      case 'fixes':
        return `${plural(done.cells, 'total', 'totals')} fixed with formulas. The workbook was analysed again.`;
      case 'undo':
        return [
          `Budgetkoll's changes were undone (${plural(done.restored, 'cell', 'cells')}${done.removedSheets.length ? `, ${done.removedSheets.length === 1 ? 'sheet' : 'sheets'} ${done.removedSheets.join(', ')} removed` : ''}).`,
          done.kept.length ? `Cells you changed afterwards were left as they are: ${done.kept.join(', ')}.` : '',
          done.goneSheets.length ? `${done.goneSheets.length === 1 ? 'Sheet' : 'Sheets'} ${done.goneSheets.join(', ')} no longer ${done.goneSheets.length === 1 ? 'exists' : 'exist'}, so what Budgetkoll changed there could not be undone.` : '',
          done.keptSheets.length ? `${done.keptSheets.length === 1 ? 'Sheet' : 'Sheets'} ${done.keptSheets.join(', ')} ${done.keptSheets.length === 1 ? 'is' : 'are'} still there: the workbook's structure is protected. Remove the protection (Review > Protect Workbook) and undo again to remove ${done.keptSheets.length === 1 ? 'it' : 'them'}.` : '',
        ].filter(Boolean).join(' ');
    }
  },
};

export const excelPaneStrings = (language: Language): ExcelPaneStrings => (language === 'en' ? EN : SV);

/** Office's display language ('sv-SE', 'en-US', …) → the pane's language: Swedish unless Office speaks something else. */
export function paneLanguage(displayLanguage: string | undefined): Language {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
