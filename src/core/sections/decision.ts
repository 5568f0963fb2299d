import type { DocSection } from './types';
import type { PlanYears } from './years';
import { yearList } from './text';

export function decisionSection(years: PlanYears): DocSection {
  const plan = years.plan.length > 0 ? ` och planen för ${years.plan.length > 1 ? `${years.plan[0]}–${years.plan[years.plan.length - 1]}` : yearList(years.plan)}` : '';
  return {
    key: 'forslag-till-beslut',
    title: 'Förslag till beslut',
    blocks: [
      { kind: 'heading', level: 1, text: 'Förslag till beslut' },
      { kind: 'paragraph', text: 'Styrelsen föreslås besluta:' },
      { kind: 'list', ordered: false, items: [`att godkänna verksamhetsplanen för ${years.budget},`, `att fastställa budgeten för ${years.budget}${plan}.`] },
    ],
  };
}
