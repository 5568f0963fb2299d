import type { CellValue } from '../../src/core/grid';

/** A small budget in the shape of seed 000 (Lund): members, saved means, costs and what is left. */
export const LUND: CellValue[][] = [
  ['BUDGET för 2024'],
  [null, 2024, 2025],
  ['Intäkter', 'tkr', 'tkr'],
  ['Staten', 3685, 3690],
  ['Region Skåne', 1842.5, 1845],
  ['Lunds kommun', 1842.5, 1845],
  ['Summa intäkter', 7370, 7380],
  ['Sparade medel', 2240, 1100],
  ['Tillgängliga medel', 9610, 8480],
  ['Kostnader'],
  ['Kansli', 1500, 1500],
  ['Insatser', 7010, 6460],
  ['Summa kostnader', 8510, 7960],
  ['Medel till förfogande', 1100, 520],
];
