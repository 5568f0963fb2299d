// A1 addresses: used only where positions leave the engine (JSON, messages, adapters) or come in
// (formulas, a workbook's own addresses). The one place column letters are written and read.

/** The column letters of a 0-based column: 2 → `C`, 26 → `AA`. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeToA1(top: number, left: number, bottom: number, right: number): string {
  return `${toA1(top, left)}:${toA1(bottom, right)}`;
}

const A = 65;
const Z = 90;

/**
 * The 0-based column of the capital letters text[start, end): `C` → 2, `AA` → 26. One to three
 * letters, as Excel's columns have; -1 for anything else. Reads in place, without a substring.
 */
export function columnIndexAt(text: string, start: number, end: number): number {
  if (end <= start || end - start > 3) return -1;
  let col = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < A || c > Z) return -1;
    col = col * 26 + c - A + 1;
  }
  return col - 1;
}

/** The 0-based column of capital column letters (`C` → 2); -1 for anything else. */
export const columnIndex = (letters: string): number => columnIndexAt(letters, 0, letters.length);

/** 'C12', '$C$12' or 'c12' → { row: 11, col: 2 }; null for anything else. */
export function fromA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1].toUpperCase()) };
}

/** 'B3:D9' → the 0-based range it spans (its corners in either order); null for anything else. */
export function rangeFromA1(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to = from, ...rest] = range.split(':');
  const a = fromA1(from);
  const b = fromA1(to);
  if (!a || !b || rest.length > 0) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
