import { CLOSING_EQUITY, OPENING_EQUITY } from './rules/equityLabels';

/**
 * What a row's label says about its role. Labels are only half of the
 * evidence: recognize/structure.ts confirms every relation by arithmetic.
 */
export type RowRole =
  | 'line' | 'group' | 'total' | 'result'
  | 'opening-equity' | 'closing-equity' | 'available' | 'limit' | 'remaining';

/** Collapses every kind of space (no-break, thin, tabs) and trims. */
export function normalizeLabel(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f\u2007]+/g, ' ').trim();
}

/** The label without a leading child marker: `- Revision`, `-En väg vidare`, `– Övrigt`. */
export function stripChildMarker(label: string): string {
  return label.replace(/^[-\u2013\u2212•·]\s*/, '');
}

export function hasChildMarker(label: string): boolean {
  return /^[-\u2013\u2212•·]/.test(label);
}

// Order matters: `Kvar att disponera` is not `Medel att disponera`, `Summa medel att disponera`
// is the money available, not a plain total, and a balance at the year's end is no opening
// because it names equity (rules/equityLabels.ts).
const ROLE_PATTERNS: [RowRole, RegExp][] = [
  ['remaining', /\bkvar att (disponera|använda)|\båterstår\b|\bdisponibelt efter\b/i],
  ['limit', /(\d+\s*%|procent).*(tilldelning|kostnad|intäkt|bidrag)|reservniv|riktvärde|rekommenderad nivå|högsta nivå/i],
  ['closing-equity', CLOSING_EQUITY],
  ['opening-equity', OPENING_EQUITY],
  ['available', /tillgängliga medel|medel att disponera|disponibla medel|totalt tillgängligt/i],
  ['result', /resultat|över-?\s*\/?\s*underskott|^(årets )?(överskott|underskott)\b/i],
  ['total', /^(summa|s:a|totalt?|tot\.|delsumma|delsumma)\b|\b(totalt|summa)$/i],
];

/** The role a label suggests for a row that has numbers (label-only rows are groups). */
export function roleFromLabel(label: string): RowRole {
  const text = stripChildMarker(normalizeLabel(label));
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(text)) return role;
  return 'line';
}

export type Side = 'income' | 'cost' | 'unknown';

/** Whether a label (or the section heading above it) speaks of money in or money out. */
export function sideFromLabel(label: string): Side {
  const text = normalizeLabel(label).toLowerCase();
  if (/kostnad|utgift|utbetalning/.test(text)) return 'cost';
  if (/intäkt|finansiering|tilldelning|bidrag|tillgång|medel att disponera|tillgängliga medel|inkomst/.test(text)) return 'income';
  return 'unknown';
}

/** Words that mark a money table rather than statistics. */
export function soundsLikeBudget(label: string): boolean {
  return /intäkt|kostnad|utgift|medel|finansiering|tilldelning|bidrag|budget|resultat|eget kapital|avgift|lön|arvode|kansli|administration|insats|projekt/i.test(label);
}
