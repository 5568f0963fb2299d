import { cellAt, type Sheet } from '../grid';
import type { TableTitle } from '../model';

const LOOK_ABOVE = 4;

/**
 * The table's title: the header row's own label cell when it names years
 * (seed 004: `Budget 2023 plan 2024–2025`), else the nearest text above the
 * header row (`BUDGET för 2024`), from `firstCol` on (a table beside another has its own title).
 */
export function findTitle(sheet: Sheet, headerRow: number, labelCol: number, rightCol: number, firstCol = 0): TableTitle | null {
  const own = cellAt(sheet, headerRow, labelCol)?.value;
  if (typeof own === 'string' && /\b(19|20)\d{2}\b/.test(own)) return { text: own.trim(), row: headerRow, col: labelCol };
  for (let row = headerRow - 1; row >= Math.max(0, headerRow - LOOK_ABOVE); row--) {
    for (let col = firstCol; col <= rightCol; col++) {
      const v = cellAt(sheet, row, col)?.value;
      if (typeof v === 'string' && v.trim() !== '') return { text: v.trim(), row, col };
    }
  }
  return null;
}
