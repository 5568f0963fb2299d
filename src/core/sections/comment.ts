import type { TableAnalysis } from '../analyze';
import { isNegative, isZero, negated, type Amount } from '../amount';
import type { Unit } from '../numbers';
import type { DocSection } from './types';
import type { PlanYears } from './years';
import { amount, capitalize, joinSwedish, yearList } from './text';

function resultPhrase(result: Amount, unit: Unit): string {
  if (isZero(result)) return 'ett resultat i balans';
  return isNegative(result) ? `ett underskott på ${amount(negated(result), unit)}` : `ett överskott på ${amount(result, unit)}`;
}

/** The budget comment: allocation, that the plan years are an overview, the result year by year. */
export function commentSection(main: TableAnalysis, years: PlanYears): DocSection {
  const { table, flows, shares, equity, findings } = main;
  const unit = table.unit;
  const paragraphs: string[] = [];
  if (years.plan.length > 0) {
    paragraphs.push(`${capitalize(years.plan.length > 1 ? `åren ${years.plan[0]}–${years.plan[years.plan.length - 1]}` : `året ${years.plan[0]}`)} ska ses som en översiktsplan snarare än en budget. Planen, som ska finnas enligt lag, ger en bild av det ekonomiska utrymmet de närmaste åren.`);
  }
  const share = shares.find((s) => s.year === years.budget);
  const flow = flows.find((f) => f.year === years.budget);
  const allocation = share?.allocation ?? equity.find((e) => e.year === years.budget)?.allocation ?? null;
  if (share) {
    paragraphs.push(`Den statliga tilldelningen för ${years.budget} är ${amount(share.amounts.state, unit)}, vilket innebär en total tilldelning från medlemmarna på ${amount(share.allocation, unit)}.`);
  } else if (allocation) {
    paragraphs.push(`Medlemmarnas tilldelning för ${years.budget} är ${amount(allocation, unit)}.`);
  }
  if (flow) paragraphs.push(`Budgeten för ${years.budget} visar ${resultPhrase(flow.result, unit)}.`);
  const planFlows = flows.filter((f) => years.plan.includes(f.year));
  if (planFlows.length > 0) {
    paragraphs.push(`Planen visar ${joinSwedish(planFlows.map((f) => `${resultPhrase(f.result, unit)} för ${f.year}`))}.`);
  }
  const deficits = flows.filter((f) => f.year >= years.budget && isNegative(f.result)).map((f) => f.year);
  if (deficits.length > 0) {
    paragraphs.push(`${deficits.length === 1 ? 'Underskottet' : 'Underskotten'} ${yearList(deficits)} ${deficits.length === 1 ? 'täcks' : 'täcks'} av förbundets eget kapital.`);
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    paragraphs.push(`Observera: budgettabellen innehåller ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`} som bör rättas före beslut (${joinSwedish(errors.map((f) => `${f.rowLabel ?? ''} ${f.year ?? ''}`.trim()))}). Siffrorna i avsnitten bygger på omräknade summor.`);
  }
  return {
    key: 'budgetkommentar',
    title: 'Budgetkommentar',
    blocks: [{ kind: 'heading', level: 1, text: 'Budgetkommentar' }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))],
  };
}
