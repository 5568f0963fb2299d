// What is a budget table: a workbook often holds other tables beside the budget — participants per
// year (`Kvinnor`, `Män`, `Summa`), statistics, ledgers, lists of ids with a year in a data column.
// They have no money words and no unit, or their labels are codes, or their years are data rather
// than headers: they are no budget tables, and Budgetkoll reports nothing on them (domain.md,
// "Not budgets").

// A word of three letters or more: what a budget line's label has and a code does not.
const WORD = /[a-zåäöéüæø]{3}/i;
const DIGIT = /\d/;

/** A label that is a code, not a name: digits and at most a short prefix (`SF 2022/0147`, `00000118004`, `E 4010`). */
export function isCodeLabel(label: string): boolean {
  return DIGIT.test(label) && !WORD.test(label);
}

/** Whether most of the labels are codes: a list of cases or articles, not budget lines (`isCode`: isCodeLabel, or a remembered answer of it). */
export function mostlyCodes(labels: readonly string[], isCode: (label: string) => boolean = isCodeLabel): boolean {
  let codes = 0;
  for (const label of labels) if (isCode(label)) codes++;
  return codes * 2 > labels.length;
}

// A year header with a word of its kind before the year (`Budget 2025`, `Plan 2026`, `Utfall 2023`).
const KIND_WORD = /^[a-zåäö]/i;

/** Whether a year header names its kind (`Budget 2025`), which statistics' bare years (`2021`) do not. */
export function namesColumnKind(header: string): boolean {
  return KIND_WORD.test(header.trim());
}

export interface TableEvidence {
  /** The unit is stated (a unit row, a header, the title, a note, a number format or a label), not guessed from size. */
  explicitUnit: boolean;
  /** The labels of the rows with numbers. */
  labels: readonly string[];
  /** Whether a label is a money word (`intäkter`, `kostnader`, `medel`, `avgift` …). */
  soundsLikeBudget(label: string): boolean;
  /** isCodeLabel, or a remembered answer of it. */
  isCode?(label: string): boolean;
  /** The year headers as written. */
  headers: readonly string[];
}

/**
 * A table is a budget when its labels are names, not codes, and it speaks of money: a unit, a
 * money word among its labels, or year headers that name a budget's columns (`Budget 2025`).
 */
export function isBudgetTable(e: TableEvidence): boolean {
  if (mostlyCodes(e.labels, e.isCode)) return false;
  return e.explicitUnit || e.labels.some((label) => e.soundsLikeBudget(label)) || e.headers.some(namesColumnKind);
}

/**
 * Years in the data, not in a header: a row of years right above or below another row of years in
 * the same columns (a list's start and end years, row after row) — a header is one row, over
 * amounts.
 */
export function yearsInData(header: readonly { col: number }[], neighbour: readonly { col: number }[]): boolean {
  return header.some((a) => neighbour.some((b) => a.col === b.col));
}
