import { decimalText, type Amount } from './amount';
import { Money } from './money';
import type { Unit } from './numbers';
import { swedishDecimal } from './swedishFormat';

export interface FormatOptions {
  /** Separator between thousands; a no-break space keeps Word from wrapping a number. */
  groupSeparator?: string;
  unit?: Unit;
}

const MINUS_SIGN = '\u2212';

const withUnit = (text: string, options: FormatOptions): string => (options.unit ? `${text} ${options.unit}` : text);

/** Swedish number format: `14 065`, `1 842,5`, `−1 573`, with the unit when given (swedishFormat.ts). */
export function formatSwedish(value: Money, options: FormatOptions = {}): string {
  const group = options.groupSeparator ?? ' ';
  return withUnit(swedishDecimal(value.toFixed(), group) ?? viaDecimal(value, group), options);
}

/** A decimal text (a report's, a finding's parameter) in Swedish format, as formatSwedish writes its Decimal, without making one. */
export function formatDecimal(text: string, options: FormatOptions = {}): string {
  const group = options.groupSeparator ?? ' ';
  return withUnit(swedishDecimal(text, group) ?? viaDecimal(new Money(text), group), options);
}

/** An amount in Swedish format, as formatSwedish writes its Decimal — without making one for the usual amount. */
export const formatAmount = (amount: Amount, options: FormatOptions = {}): string => formatDecimal(decimalText(amount), options);

/** What swedishDecimal does not read (NaN, ±Infinity, an exponent), formatted on the Decimal itself. */
function viaDecimal(value: Money, group: string): string {
  const abs = value.abs();
  const fixed = abs.decimalPlaces() > 0 ? abs.toFixed(Math.min(abs.decimalPlaces(), 2)) : abs.toFixed(0);
  const [intPart, rawFraction] = fixed.split('.');
  const fraction = rawFraction?.replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value.isNegative() && !value.isZero() ? MINUS_SIGN : '';
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}
