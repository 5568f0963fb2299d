import { cellAt, type Cell, type Sheet } from '../grid';
import type { Unit } from '../numbers';
import type { UnitSource } from '../model';

const UNIT_IN_TEXT = /(?:^|[\s(,:])(tkr|mkr|kr)\b|(tusen|tusental) kronor|(miljoner|mnkr|mnkr) kronor|\bkronor\b/i;

export function unitInText(text: string): Unit | null {
  const m = UNIT_IN_TEXT.exec(text);
  if (!m) return null;
  if (m[1]) return m[1].toLowerCase() as Unit;
  if (m[2]) return 'tkr';
  if (m[3]) return 'mkr';
  return 'kr';
}

export interface UnitEvidence {
  unitRow?: Unit;
  headerTexts: string[];
  titleTexts: string[];
  noteTexts: string[];
  labels: string[];
  numberFormats: string[];
  /** Whether any value's magnitude, as a double, is at least `limit`; asked only when nothing states the unit. */
  anyValueReaches(limit: number): boolean;
  /** unitInText for a label, remembered across tables (labels repeat); unitInText itself without it. */
  unitOfLabel?(label: string): Unit | null;
}

/**
 * The unit, from the most explicit place that states it: a unit row (seed
 * 000's `tkr` under every year), a header cell (`Intäkter (tkr)`), a title, a
 * note under the table, a number format (`#,##0 "tkr"`) or a label. Tables
 * that state none are judged by size: a förbund's budget is a few million
 * kronor, so values past 100 000 are kronor and smaller ones thousands.
 */
export function detectUnit(e: UnitEvidence): { unit: Unit; source: UnitSource } {
  if (e.unitRow) return { unit: e.unitRow, source: 'unit-row' };
  // Each source is read only when the ones before it state nothing (the evidence may compute it on demand).
  const sources: [UnitSource, () => string[]][] = [
    ['header', () => e.headerTexts], ['title', () => e.titleTexts], ['note', () => e.noteTexts],
    ['number-format', () => e.numberFormats.map((f) => f.replace(/[#0,.\s]/g, ' '))], ['label', () => e.labels],
  ];
  for (const [source, texts] of sources) {
    const read = source === 'label' && e.unitOfLabel ? e.unitOfLabel : unitInText;
    for (const text of texts()) {
      const unit = read(text);
      if (unit) return { unit, source };
    }
  }
  return { unit: e.anyValueReaches(100_000) ? 'kr' : 'tkr', source: 'magnitude' };
}

export function rowTexts(sheet: Sheet, row: number, fromCol: number, toCol: number): string[] {
  const texts: string[] = [];
  for (let col = fromCol; col <= toCol; col++) {
    const v = cellAt(sheet, row, col)?.value;
    if (typeof v === 'string' && v.trim() !== '') texts.push(v.trim());
  }
  return texts;
}

const KR = /kr/i;

/** The number formats of the rows' cells that name kronor (`#,##0 "tkr"`), each once. */
export function numberFormatsOf(rows: readonly { cells: readonly (Cell | undefined)[] }[]): string[] {
  const formats = new Set<string>();
  for (const r of rows) for (const c of r.cells) if (c?.numFmt && KR.test(c.numFmt)) formats.add(c.numFmt);
  return [...formats];
}
