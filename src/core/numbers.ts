import { Money } from './money';
import { failure, type Failure, type Ok } from './result';

export type Unit = 'kr' | 'tkr' | 'mkr';

/** A number read from text, with the unit it was written with; or why it is none. */
export type ParsedNumber = (Ok<Money> & { unit?: Unit }) | Failure<'empty' | 'not-a-number'>;

// Spaces Swedish documents put between thousands: plain, no-break, thin, narrow no-break.
const GROUP_SPACES = /[ \u00a0\u2009\u202f\u2007]/g;
// Minus signs seen in pasted text: hyphen, U+2212 minus, en dash.
const MINUS = /^[-\u2212\u2013]/;
const TRAILING_MINUS = /[0-9]\s*[-\u2212\u2013]$/;
const UNIT_SUFFIX = /\s*(tkr|mkr|kr|kronor|:-)\.?$/i;

/**
 * Reads a number the way a Swedish economist writes it: `1 842,5`, `1 842.5`,
 * `−745`, `(745)`, `12 930 tkr`. Returns a reason instead of throwing, so a
 * caller can tell "empty" from "text that is not a number".
 */
export function parseSwedishNumber(text: string): ParsedNumber {
  let s = text.trim();
  if (s === '') return failure('empty');
  let unit: Unit | undefined;
  const unitMatch = UNIT_SUFFIX.exec(s);
  if (unitMatch) {
    unit = unitFromWord(unitMatch[1]);
    s = s.slice(0, unitMatch.index).trim();
  }
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (MINUS.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  } else if (TRAILING_MINUS.test(s)) {
    // `1 842,50-`, as some economy systems export a negative amount (`100:-` is kronor, read above).
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  const digits = normalizeSeparators(s.replace(GROUP_SPACES, ''));
  if (digits === null) return failure('not-a-number');
  const value = new Money(digits);
  return { ok: true, value: negative ? value.negated() : value, unit };
}

/** '1842,5' → '1842.5'; '1.842,5' → '1842.5'; '1,842.5' → '1842.5'; null if not a plain number. */
function normalizeSeparators(s: string): string | null {
  if (!/^[0-9][0-9.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  if (decimalAt < 0) return s;
  const separator = s[decimalAt];
  const intPart = s.slice(0, decimalAt);
  const fraction = s.slice(decimalAt + 1);
  const other = separator === ',' ? '.' : ',';
  // The other separator may only group thousands (1.842,5), and the decimal one appears once.
  if (intPart.includes(separator)) return null;
  if (intPart.includes(other) && !/^\d{1,3}([.,]\d{3})+$/.test(intPart)) return null;
  return `${intPart.split(other).join('')}.${fraction}`;
}

export function unitFromWord(word: string): Unit | undefined {
  const w = word.toLowerCase();
  if (w === 'tkr') return 'tkr';
  if (w === 'mkr') return 'mkr';
  if (w === 'kr' || w === 'kronor' || w === ':-') return 'kr';
  return undefined;
}
