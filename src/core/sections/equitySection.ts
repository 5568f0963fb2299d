import type { TableAnalysis } from '../analyze';
import { ZERO_AMOUNT, amountOfInteger, dividedBy, equals, isNegative, isZero, minus, times, type Amount } from '../amount';
import type { DocSection } from './types';
import type { PlanYears } from './years';
import { amount, number, yearList } from './text';

/** Equity per year against the guideline: the limit, the excess, and what is left to use. */
export function equitySection(main: TableAnalysis, years: PlanYears): DocSection {
  const { table, equity } = main;
  const unit = table.unit;
  const heading = { kind: 'heading' as const, level: 1 as const, text: 'Eget kapital och reservnivå' };
  if (equity.length === 0) {
    return {
      key: 'eget-kapital',
      title: heading.text,
      blocks: [heading, { kind: 'paragraph', text: 'Budgettabellen anger inget eget kapital. Ange ingående eget kapital i Budgetkoll för att beräkna kapitalet år för år och jämföra det med riktvärdet.' }],
    };
  }
  const above = equity.filter((e) => e.excess !== null && !isZero(e.excess)).map((e) => e.year);
  const negative = equity.filter((e) => isNegative(e.closing));
  const budgetYear = equity.find((e) => e.year === years.budget) ?? equity[0];
  const last = equity[equity.length - 1];
  const paragraphs = [`Eget kapital beräknas till ${amount(budgetYear.closing, unit)} vid utgången av ${budgetYear.year} och ${amount(last.closing, unit)} vid utgången av ${last.year}.`];
  if (budgetYear.limit !== null && budgetYear.percent !== null) {
    const base = budgetYear.allocation !== null && equals(budgetYear.limit, dividedBy(times(budgetYear.allocation, budgetYear.percent), HUNDRED)) ? 'medlemmarnas tilldelning' : 'kostnaderna';
    paragraphs.push(`Enligt Nationella rådets riktlinje bör eget kapital inte överstiga ${number(budgetYear.percent)} % av ${base}, för ${budgetYear.year} ${amount(budgetYear.limit, unit)}.`);
    if (above.length === equity.length) paragraphs.push(`Eget kapital ligger över riktvärdet alla år ${yearList(equity.map((e) => e.year))}.`);
    else if (above.length > 0) paragraphs.push(`Eget kapital ligger över riktvärdet ${yearList(above)}, övriga år under.`);
    else paragraphs.push('Eget kapital ligger under riktvärdet alla år.');
    if (last.excess !== null && !isZero(last.excess)) paragraphs.push(`Vid utgången av ${last.year} överstiger eget kapital riktvärdet med ${amount(last.excess, unit)}; det är vad som finns kvar att disponera för insatser.`);
  }
  if (negative.length > 0) paragraphs.push(`Eget kapital blir negativt ${yearList(negative.map((e) => e.year))}, vilket inte är tillåtet: budgeten måste justeras.`);
  if (equity.some((e) => e.source === 'projected')) paragraphs.push(`Utgående eget kapital ${yearList(equity.filter((e) => e.source === 'projected').map((e) => e.year))} är beräknat av Budgetkoll och står inte i budgettabellen.`);
  const rows = equity.map((e) => [String(e.year), number(e.opening), number(e.result), number(e.closing), e.limit !== null ? number(e.limit) : '–', e.limit !== null ? number(atLeastZero(minus(e.closing, e.limit))) : '–']);
  return {
    key: 'eget-kapital',
    title: heading.text,
    blocks: [
      heading,
      ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'table', header: ['År', `Ingående (${unit})`, `Resultat (${unit})`, `Utgående (${unit})`, `Riktvärde (${unit})`, `Kvar att disponera (${unit})`], rows, totalRows: [], numericColumns: [1, 2, 3, 4, 5] },
    ],
  };
}

const HUNDRED = amountOfInteger(100);

function atLeastZero(value: Amount): Amount {
  return isNegative(value) ? ZERO_AMOUNT : value;
}
