// Swedish number format on decimal strings, as the JSON contract and Decimal's toFixed() write
// them ('-1522', '1842.5', '0.125'): `−1 522`, `1 842,5`, `0,13` — rounded half up to at most
// two decimals, grouped by thousands, a minus sign (U+2212) on anything but zero. One format for
// the engine (format.ts: its amounts, its messages) and the pane (taskpane/model/format.ts: the
// JSON contract's strings). Free of decimal.js, so the pane formats without loading the engine.

const MINUS_SIGN = '\u2212';
const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;
const ZEROS = /^0*$/;

/** A string of digits as a whole number, one more when `up`: in a double while it is exact, else in a BigInt. */
function plusOne(digits: string, up: boolean): string {
  if (digits.length < 16) return String(Number(digits) + (up ? 1 : 0));
  return (BigInt(digits) + (up ? 1n : 0n)).toString();
}

/** `-1522` → `−1 522`, `1842.5` → `1 842,5`, `0.995` → `1`; null for anything but a plain decimal. */
export function swedishDecimal(decimal: string, group = ' '): string | null {
  const m = DECIMAL.exec(decimal);
  if (!m) return null;
  let digits = m[2];
  let fraction = m[3] ?? '';
  const zero = ZEROS.test(digits) && ZEROS.test(fraction);
  if (fraction.length > 2) {
    // Half up on the third decimal: the digits after it cannot move the result across a half.
    const rounded = plusOne(digits + fraction.slice(0, 2), fraction.charCodeAt(2) >= 53).padStart(3, '0');
    digits = rounded.slice(0, -2);
    fraction = rounded.slice(-2);
  }
  // Without the zeros rounding leaves (0,5005 → 0,5, as 0,5 is written).
  if (fraction.endsWith('0')) fraction = fraction.replace(/0+$/, '');
  if (digits.length > 1 && digits.charCodeAt(0) === 48) digits = digits.replace(/^0+(?=\d)/, '');
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, group) : digits;
  return `${m[1] === '-' && !zero ? MINUS_SIGN : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * A fraction (`0.2534`, as a share is reported) as a percentage with at most one decimal, rounded
 * half up, in Swedish: `25,3`; null for anything but a plain decimal.
 */
export function swedishPercent(fraction: string): string | null {
  const m = DECIMAL.exec(fraction);
  if (!m) return null;
  const decimals = m[3] ?? '';
  // Times 100: two decimals move into the whole part; the rest is rounded to one decimal.
  const whole = m[2] + decimals.slice(0, 2).padEnd(2, '0');
  const rest = decimals.slice(2);
  const text = plusOne(whole + (rest[0] ?? '0'), rest.length > 1 && rest.charCodeAt(1) >= 53).padStart(2, '0');
  return swedishDecimal(`${m[1] === '-' ? '-' : ''}${text.slice(0, -1)}.${text.slice(-1)}`);
}
