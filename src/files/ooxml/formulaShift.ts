import { columnIndex, columnLetters as letterOf } from '../../core/address';
// Browser-safe. A formula as Excel stores it (A1 style, no '='), moved by some rows and columns:
// relative references follow, absolute ones ($) stay — what Excel does when a shared formula's
// text is written out for each cell of the group. String literals, sheet names, structured
// references, function names and numbers are left as they are.

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const NAME_CHAR = /[A-Za-z0-9_.$\\?\u0080-\uffff]/;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '[') {
      const end = closingBracket(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '#') {
      const m = /^#[A-Za-z0-9/_]+[!?]?/.exec(formula.slice(i));
      const length = m ? m[0].length : 1;
      out += formula.slice(i, i + length);
      i += length;
    } else if (NAME_CHAR.test(ch)) {
      let end = i;
      while (end < formula.length && NAME_CHAR.test(formula[end])) end++;
      const shifted = shiftToken(formula, i, end, rows, cols);
      out += shifted.text;
      i = shifted.end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function closingQuote(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

function closingBracket(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    if (formula[i] === "'" && depth > 0) i++; // an escaped character inside a structured reference
    else if (formula[i] === '[') depth++;
    else if (formula[i] === ']' && --depth === 0) return i + 1;
  }
  return formula.length;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

/** One run of name characters: a cell reference, a column or row range, or anything else (kept). */
function shiftToken(formula: string, start: number, end: number, rows: number, cols: number): { text: string; end: number } {
  const token = formula.slice(start, end);
  const before = formula[start - 1];
  const next = formula[end];
  // A function's name, a sheet's name, or part of a longer name.
  const plain = { text: token, end };
  if (next === '(' || next === '!' || before === '.' || /^\d*\.\d/.test(token)) return plain;
  const cell = CELL.exec(token);
  if (cell && columnNumber(cell[2]) <= MAX_COL) return { text: shiftCell(cell, rows, cols), end };
  // Whole columns `A:C` and whole rows `3:5` come as a pair around ':'.
  if (next === ':') {
    let otherEnd = end + 1;
    while (otherEnd < formula.length && NAME_CHAR.test(formula[otherEnd])) otherEnd++;
    const other = formula.slice(end + 1, otherEnd);
    const col1 = COLUMN.exec(token);
    const col2 = COLUMN.exec(other);
    if (col1 && col2 && formula[otherEnd] !== '(' && formula[otherEnd] !== '!') {
      return { text: `${shiftColumn(col1, cols)}:${shiftColumn(col2, cols)}`, end: otherEnd };
    }
    const row1 = ROW.exec(token);
    const row2 = ROW.exec(other);
    if (row1 && row2) return { text: `${shiftRow(row1, rows)}:${shiftRow(row2, rows)}`, end: otherEnd };
  }
  return plain;
}

/** 1-based, as the shift counts (the regexes above let one to three letters through). */
const columnNumber = (letters: string): number => columnIndex(letters.toUpperCase()) + 1;
const columnLetters = (n: number): string => letterOf(n - 1);

function shiftCell(m: RegExpExecArray, rows: number, cols: number): string {
  const col = m[1] ? columnNumber(m[2]) : columnNumber(m[2]) + cols;
  const row = m[3] ? Number(m[4]) : Number(m[4]) + rows;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
  return `${m[1]}${columnLetters(col)}${m[3]}${row}`;
}

function shiftColumn(m: RegExpExecArray, cols: number): string {
  const col = m[1] ? columnNumber(m[2]) : columnNumber(m[2]) + cols;
  return col < 1 || col > MAX_COL ? '#REF!' : `${m[1]}${columnLetters(col)}`;
}

function shiftRow(m: RegExpExecArray, rows: number): string {
  const row = m[1] ? Number(m[2]) : Number(m[2]) + rows;
  return row < 1 || row > MAX_ROW ? '#REF!' : `${m[1]}${row}`;
}
