/** The plan's standard sections as plain data, rendered by the Word and .docx writers alike. */
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; totalRows: number[]; numericColumns: number[] };

/**
 * Every section's key in the plan's order: the six standard sections, and after the budget
 * comment the optional one on the changes since the previous proposal (built from a comparison
 * of two versions, core/sections/changesSection.ts).
 */
export const SECTION_ORDER = ['uppdrag', 'budget', 'budgetkommentar', 'forandringar', 'eget-kapital', 'fordelning', 'forslag-till-beslut'] as const;

/** The optional section's title: the panes name it before they build it. */
export const CHANGES_TITLE = 'Förändringar jämfört med föregående förslag';

export interface DocSection {
  /** Stable: the Word content control is tagged `budgetkoll:<key>`. */
  key: (typeof SECTION_ORDER)[number];
  title: string;
  blocks: Block[];
}

export interface SectionSettings {
  /** The förbund's name when the workbook does not say it. */
  forbundName?: string;
}

/** The sections in the plan's order (a section added later, such as the changes, takes its place among the others). */
export function inPlanOrder<T extends { key: DocSection['key'] }>(sections: readonly T[]): T[] {
  return [...sections].sort((a, b) => SECTION_ORDER.indexOf(a.key) - SECTION_ORDER.indexOf(b.key));
}
