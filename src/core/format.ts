import { Money } from './money';
import type { Unit } from './numbers';

export interface FormatOptions {
  /** Separator between thousands; a no-break space keeps Word from wrapping a number. */
  groupSeparator?: string;
  unit?: Unit;
}

const MINUS_SIGN = '\u2212';

/** Swedish number format: `14 065`, `1 842,5`, `−1 573`, with the unit when given. */
export function formatSwedish(value: Money, options: FormatOptions = {}): string {
  const group = options.groupSeparator ?? ' ';
  const abs = value.abs();
  const fixed = abs.decimalPlaces() > 0 ? abs.toFixed(Math.min(abs.decimalPlaces(), 2)) : abs.toFixed(0);
  // Rounded to two decimals, without the zeros rounding leaves (0,5005 → 0,5, as 0,5 is written).
  const [intPart, rawFraction] = fixed.split('.');
  const fraction = rawFraction?.replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value.isNegative() && !value.isZero() ? MINUS_SIGN : '';
  const text = `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
  return options.unit ? `${text} ${options.unit}` : text;
}

/** The decimal string of the JSON contract: '.' as separator, no grouping. */
export function toDecimalString(value: Money): string {
  return value.toFixed();
}

export function moneyOf(text: string): Money {
  return new Money(text);
}
