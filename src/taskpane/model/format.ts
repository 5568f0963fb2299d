import type { Severity } from '../../core/findings';
import type { Language } from '../../core/messages';
import type { Unit } from '../../core/numbers';
import { swedishDecimal } from '../../core/swedishFormat';
import { PANE_TEXT } from './paneText';

// Swedish number format for the pane, on the JSON contract's decimal strings: the engine's own
// (core/swedishFormat.ts), without decimal.js, which stays out of the pane's first load.

const NBSP = '\u00a0';

/** `-1522` → `−1 522`, `1842.5` → `1 842,5` (at most two decimals, half up), grouped with no-break spaces; anything else as it is. */
export function formatDecimal(decimal: string, group = NBSP): string {
  return swedishDecimal(decimal.trim(), group) ?? decimal;
}

/** A decimal string of the JSON contract in Swedish, with the unit when given: `−1 522 tkr`, never wrapped. */
export function formatAmount(decimal: string, unit?: Unit): string {
  const text = formatDecimal(decimal);
  return unit ? `${text}${NBSP}${unit}` : text;
}

/**
 * The engine's sentences with no line break inside an amount: `12 930 tkr`
 * and `20 %` stay on one line in a narrow pane. Only spaces change (to
 * no-break spaces), never the words.
 */
export function keepAmountsTogether(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`)
    .replace(/(\d) (?=(tkr|mkr|kr|%)(?![\p{L}\d]))/gu, `$1${NBSP}`);
}

/** A plain number (an axis tick, a count) in Swedish format. */
export function formatNumber(value: number): string {
  const plain = Number(value.toPrecision(12)).toString();
  return /e/i.test(plain) ? plain : formatDecimal(plain);
}

/** `1 fel`, `4 varningar`, `1 tabell` (in English `1 error`, `4 warnings`, `1 table`; the number in Swedish format). */
export function countText(count: number, what: Severity | 'table', language: Language = 'sv'): string {
  return `${formatNumber(count)} ${PANE_TEXT[language].count[what][count === 1 ? 0 : 1]}`;
}

/** A severity's group heading: `Fel`, `Varningar`, `Noteringar` (`Errors`, `Warnings`, `Notes`). */
export const severityHeading = (severity: Severity, language: Language = 'sv'): string => PANE_TEXT[language].severityHeading[severity];
/** The Swedish headings (the Swedish-only callers' table). */
export const SEVERITY_HEADING: Record<Severity, string> = PANE_TEXT.sv.severityHeading;
export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** A reason from the engine starts in lower case (it follows a colon on the command line). */
export function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
