import type { Amount } from '../amount';
import { formatAmount } from '../format';
import type { Unit } from '../numbers';

// A no-break space between the digits and in `1 842,5 tkr`: Word must not wrap a number.
const NBSP = '\u00a0';

export function amount(value: Amount, unit: Unit): string {
  return formatAmount(value, { unit, groupSeparator: NBSP }).replace(` ${unit}`, `${NBSP}${unit}`);
}

export function number(value: Amount): string {
  return formatAmount(value, { groupSeparator: NBSP });
}

/** `2023`, `2023 och 2024`, `2023, 2024 och 2026`, and `2023–2026` for a run of years. */
export function yearList(years: number[]): string {
  if (years.length === 0) return '';
  const run = years.length > 2 && years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  if (run) return `${years[0]}–${years[years.length - 1]}`;
  return joinSwedish(years.map(String));
}

export function joinSwedish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
