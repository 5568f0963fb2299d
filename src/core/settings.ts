import { Money } from './money';
import { parseSwedishNumber } from './numbers';
import { failure, ok, type Result } from './result';
import { DEFAULT_RESERVE, type ReserveBracket, type ReserveSettings } from './rules/reserveLimit';

export type { ReserveBracket, ReserveSettings } from './rules/reserveLimit';

export interface Settings {
  reserve: ReserveSettings;
  /** Equity at the start of a year, in the table's unit, for tables that state none. */
  openingEquity: { year: number; amount: Money } | null;
  /** How the förbundsordning splits the municipal quarter: municipality name → percent. */
  municipalSplit: { name: string; percent: Money }[] | null;
}

export const DEFAULT_SETTINGS: Settings = {
  reserve: DEFAULT_RESERVE,
  openingEquity: null,
  municipalSplit: null,
};

/** A setting read from text, or the Swedish reason it cannot be. */
export type Parsed<T> = Result<T>;

/** `2025=4000` or `2025=4 000,5`. */
export function parseOpeningEquity(text: string): Parsed<{ year: number; amount: Money }> {
  const m = /^\s*((?:19|20)\d{2})\s*=\s*(.+)$/.exec(text);
  const amount = m ? parseSwedishNumber(m[2]) : null;
  if (!m || !amount?.ok) return failure(`ingående eget kapital ska skrivas ÅR=BELOPP, till exempel 2025=4000 (fick ”${text}”)`);
  return ok({ year: Number(m[1]), amount: amount.value });
}

export function parsePercent(text: string): Parsed<Money> {
  const parsed = parseSwedishNumber(text.replace(/%$/, ''));
  if (!parsed.ok || parsed.value.lte(0) || parsed.value.gt(100)) return failure(`procentsatsen ska vara ett tal mellan 0 och 100 (fick ”${text}”)`);
  return ok(parsed.value);
}

/** `10000000:20,20000000:15,:10` — allocation up to 10 mnkr 20 %, up to 20 mnkr 15 %, above 10 %. */
export function parseBrackets(text: string): Parsed<ReserveBracket[]> {
  const brackets: ReserveBracket[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [limit, percent] = part.split(':');
    const p = parsePercent(percent ?? '');
    const upTo = limit?.trim() ? parseSwedishNumber(limit) : null;
    if (!p.ok || (upTo && !upTo.ok)) return failure(`trappsteg ska skrivas TILLDELNING_KR:PROCENT, till exempel 10000000:20,:15 (fick ”${part}”)`);
    brackets.push({ upToKr: upTo && upTo.ok ? upTo.value : null, percent: p.value });
  }
  if (brackets.length === 0) return failure('minst ett trappsteg behövs');
  return ok(brackets);
}

/** `Järfälla=50,Sundbyberg=32,Upplands-Bro=18` — must add up to 100. */
export function parseMunicipalSplit(text: string): Parsed<{ name: string; percent: Money }[]> {
  const split: { name: string; percent: Money }[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const percent = eq > 0 ? parsePercent(part.slice(eq + 1)) : null;
    if (!percent?.ok) return failure(`fördelningen ska skrivas KOMMUN=PROCENT,… (fick ”${part}”)`);
    split.push({ name: part.slice(0, eq).trim(), percent: percent.value });
  }
  const sum = split.reduce((acc, s) => acc.plus(s.percent), new Money(0));
  if (!sum.eq(100)) return failure(`kommunernas andelar ska bli 100 procent tillsammans (blev ${sum.toFixed()})`);
  return ok(split);
}
