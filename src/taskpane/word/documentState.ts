import type { DocSection } from '../../core/sections/types';
import { changedSince, renderPlan, type ExistingControl, type PlanAction, type SectionKey } from '../../word/renderPlan';

// What the document holds of the sections, as the pane shows it: by the Word adapter's
// pure plan (renderPlan) and its list of sections whose numbers changed (changedSince).

export type SectionState = 'new' | 'current' | 'changed' | 'edited';

const STATE_OF: Record<PlanAction, SectionState> = {
  insert: 'new',
  unchanged: 'current',
  update: 'changed',
  'edited-by-user': 'edited',
};

export const STATE_TEXT: Record<SectionState, string> = {
  new: 'Finns inte i dokumentet',
  current: 'Finns i dokumentet och är aktuellt',
  changed: 'Siffrorna har ändrats sedan det infogades',
  edited: 'Ändrat för hand i dokumentet',
};

export interface DocumentState {
  states: Partial<Record<SectionKey, SectionState>>;
  /** In the document, with numbers that changed since insertion (hand-edited ones too). */
  changed: SectionKey[];
  /** In the document and edited by hand: overwritten only when the user says so. */
  edited: SectionKey[];
}

export function documentState(sections: readonly DocSection[], controls: readonly ExistingControl[]): DocumentState {
  const plan = renderPlan(sections, controls);
  return {
    states: Object.fromEntries(plan.map((entry) => [entry.key, STATE_OF[entry.action]])),
    changed: changedSince(controls, sections),
    edited: plan.filter((entry) => entry.action === 'edited-by-user').map((entry) => entry.key),
  };
}

/** The sections' titles, in the plan's order: `Budgetkommentar, Eget kapital och reservnivå` (titles hold `och` themselves). */
export function titles(sections: readonly DocSection[], keys: readonly SectionKey[]): string[] {
  return sections.filter((s) => keys.includes(s.key)).map((s) => s.title);
}
