/** The plan's standard sections as plain data, rendered by the Word and .docx writers alike. */
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; totalRows: number[]; numericColumns: number[] };

export interface DocSection {
  /** Stable: the Word content control is tagged `budgetkoll:<key>`. */
  key: 'uppdrag' | 'budget' | 'budgetkommentar' | 'eget-kapital' | 'fordelning' | 'forslag-till-beslut';
  title: string;
  blocks: Block[];
}

export interface SectionSettings {
  /** The förbund's name when the workbook does not say it. */
  forbundName?: string;
}
