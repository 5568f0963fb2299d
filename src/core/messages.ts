import type { Finding, FindingCode } from './findings';
import { abs, equals, type Amount } from './amount';
import { formatAmount, formatDecimal, formatSwedish } from './format';
import { Money } from './money';
import type { Unit } from './numbers';
import { stripChildMarker } from './labels';
import { swedishPercent } from './swedishFormat';

export type Language = 'sv' | 'en';

/** An amount, or a decimal text (a finding's parameter), in the table's unit. */
type Say = (f: Finding, n: (m: Amount | string | null) => string, what: string) => string;

// One catalog turns every finding into words a board member understands.
const SV: Record<FindingCode, Say> = {
  'sum-mismatch': (f, n, what) => {
    const parts = f.params.formula ? `${f.params.formula} ger` : 'raderna summerar till';
    return `${what} är ${n(f.stated)} men ${parts} ${n(f.expected)}.${afterFixesAbove(f, n)}`;
  },
  rounding: (f, n, what) =>
    `${what} är ${n(f.stated)} men ${f.params.formula ? `${f.params.formula} ger` : 'raderna summerar till'} ${n(f.expected)} – en avrundningsskillnad på ${n(f.difference === null ? null : abs(f.difference))}.`,
  consequence: (f, n, what) =>
    `${what} (${n(f.stated)}) stämmer inte med raderna ovanför (${n(f.expected)}), men blir rätt när ${f.params.causedByLabel ?? 'felet ovanför'} ${f.params.causedByYear ?? ''} är rättad – ett följdfel.`.replace(' ,', ','),
  'carry-over-break': (f, n, what) =>
    `${what} är ${n(f.stated)} men föregående års utgående kapital (${f.params.formula}) är ${n(f.expected)}. Ingående kapital ska vara förra årets utgående.`,
  'reserve-excess': (f, n) => reserveText(f, n),
  'negative-equity': (f, n) =>
    `Eget kapital vid utgången av ${f.year} blir negativt: ${n(f.stated)}${f.params.projected ? ' (beräknat)' : ''}. Förbundet får inte planera för ett underskott som är större än det egna kapitalet.`,
  'share-deviation': (f, n, what) => f.params.split
    ? `${what} bidrar med ${n(f.stated)}, men enligt fördelningen mellan kommunerna (${percent(f.params.expectedShare)}) borde det vara ${n(f.expected)}.`
    : `${what} bidrar med ${n(f.stated)} (${percent(f.params.share)} av tilldelningen), men ska enligt förbundsordningen bidra med hälften av statens ${n(f.params.stateAmount ?? null)}, alltså ${n(f.expected)}.`,
  'title-years-mismatch': (f) =>
    `Tabellens rubrik ”${f.params.title}” nämner åren ${f.params.titleYears}, men kolumnerna gäller ${f.params.columnYears}.`,
  'text-number': (f, n, what) =>
    `${what}: talet ”${f.params.text}” är lagrat som text. Det läses här som ${n(f.stated)}, men Excels SUMMA räknar inte med det.`,
  'formula-omits-line': (f, n, what) =>
    `${what}: formeln ${f.params.cellFormula} tar inte med ${f.params.omitted}, som hör till summan.${f.expected !== null ? ` Med alla rader blir summan ${n(f.expected)}, inte ${n(f.stated)}.${afterFixesAbove(f, n)}` : ''}`,
  'hardcoded-totals': (f) =>
    `${f.params.count} av ${f.params.total} summor i tabellen är inskrivna siffror, inte formler – de räknas inte om när en rad ändras.`,
  'error-value': (f, n, what) => f.params.isTotal
    ? `${what} visar felvärdet ${f.params.text} i stället för en summa – raderna summerar till ${n(f.expected)}. Rätta formeln i cellen.`
    : `${what} visar felvärdet ${f.params.text} i stället för ett belopp – rätta formeln eller skriv in beloppet. Summorna som bygger på cellen kan inte kontrolleras förrän dess.`,
};

/** A wrong total whose lines are wrong too: what it becomes once they are fixed. */
function afterFixesAbove(f: Finding, n: (m: Amount | null) => string): string {
  return f.recomputed !== null && f.expected !== null && !equals(f.recomputed, f.expected) ? ` När felen ovanför är rättade blir det ${n(f.recomputed)}.` : '';
}

const TREND: Record<string, string> = {
  new: '',
  rising: ' Överskottet växer från året innan.',
  falling: ' Överskottet minskar från året innan.',
  steady: ' Överskottet är oförändrat från året innan.',
};

/** A share (`0.2534`) as a percentage with one decimal: `25,3 %`. */
function percent(fraction: string | undefined): string {
  if (!fraction) return '';
  return `${swedishPercent(fraction) ?? formatSwedish(new Money(fraction).times(100).toDecimalPlaces(1))} %`;
}

function reserveText(f: Finding, n: (m: Amount | string | null) => string): string {
  const base = f.params.base === 'costs' ? 'kostnaderna' : 'medlemmarnas tilldelning';
  const since = f.params.firstYear && f.params.firstYear !== f.year ? ` Över riktvärdet sedan ${f.params.firstYear}.` : '';
  const deficit = f.params.deficit ? ` Årets planerade underskott på ${n(f.params.deficit)} tar eget kapital ned mot riktvärdet.` : '';
  return `Eget kapital vid utgången av ${f.year} är ${n(f.stated)}${f.params.projected ? ' (beräknat)' : ''}, ${n(f.difference)} över riktvärdet ${n(f.expected)} (${formatDecimal(f.params.percent ?? '0')} % av ${base}, ${n(f.params.baseAmount ?? '0')}).${since}${TREND[f.params.trend ?? 'new']}${deficit}`;
}

const EN: Record<FindingCode, Say> = {
  'sum-mismatch': (f, n, what) => `${what} is ${n(f.stated)} but ${f.params.formula ? `${f.params.formula} gives` : 'its lines add up to'} ${n(f.expected)}.`
    + (f.recomputed !== null && f.expected !== null && !equals(f.recomputed, f.expected) ? ` Once the errors above are fixed it is ${n(f.recomputed)}.` : ''),
  rounding: (f, n, what) => `${what} is ${n(f.stated)} but its parts give ${n(f.expected)} – a rounding difference of ${n(f.difference === null ? null : abs(f.difference))}.`,
  consequence: (f, n, what) => `${what} (${n(f.stated)}) does not match the rows above (${n(f.expected)}) but will once ${f.params.causedByLabel ?? 'the error above'} ${f.params.causedByYear ?? ''} is fixed.`,
  'carry-over-break': (f, n, what) => `${what} is ${n(f.stated)} but last year's closing equity is ${n(f.expected)}.`,
  'reserve-excess': (f, n) => `Equity at the end of ${f.year} is ${n(f.stated)}, ${n(f.difference)} above the guideline ${n(f.expected)}.`,
  'negative-equity': (f, n) => `Equity at the end of ${f.year} falls below zero: ${n(f.stated)}.`,
  'share-deviation': (f, n, what) => f.params.split
    ? `${what} contributes ${n(f.stated)}; the förbundsordning gives ${n(f.expected)}.`
    : `${what} contributes ${n(f.stated)}; the förbundsordning gives half the state's ${n(f.params.stateAmount ?? null)}, ${n(f.expected)}.`,
  'title-years-mismatch': (f) => `The table title "${f.params.title}" names ${f.params.titleYears} but the columns cover ${f.params.columnYears}.`,
  'text-number': (f, _n, what) => `${what}: "${f.params.text}" is stored as text; Excel's SUM leaves it out.`,
  'formula-omits-line': (f, n, what) => `${what}: the formula ${f.params.cellFormula} leaves out ${f.params.omitted}.${f.expected !== null ? ` With every line the total is ${n(f.expected)}, not ${n(f.stated)}.` : ''}`,
  'hardcoded-totals': (f) => `${f.params.count} of ${f.params.total} totals in the table are typed numbers, not formulas.`,
  'error-value': (f, n, what) => f.params.isTotal
    ? `${what} shows the error value ${f.params.text} instead of a total – its lines add up to ${n(f.expected)}.`
    : `${what} shows the error value ${f.params.text} instead of an amount; the totals built on it cannot be checked until it is fixed.`,
};

export function findingMessage(finding: Finding, unit: Unit, language: Language = 'sv'): string {
  const n = (m: Amount | string | null) => (m === null ? '–' : typeof m === 'string' ? formatDecimal(m, { unit }) : formatAmount(m, { unit }));
  // A row is named as the board reads it: `- Förbundets eget kapital` without its child marker.
  const what = [finding.rowLabel === null ? null : stripChildMarker(finding.rowLabel), finding.year].filter((x) => x !== null && x !== undefined).join(' ');
  return (language === 'sv' ? SV : EN)[finding.code](finding, n, what);
}
