import { normalizeLabel, stripChildMarker } from '../labels';

/**
 * The form of a label that two versions of a budget share however it was typed: no child marker,
 * no case, punctuation and spacing reduced to one space. `- Övrigt` and `Övrigt`, `IRIS
 * (Övergripande)` and `IRIS Övergripande`, `Hållbart näringsliv / arbetsmarknad` and
 * `Hållbart näringsliv/arbetsmarknad` are one line; a label wrapped over two rows reaches here
 * joined by the recognizer.
 */
export function labelKey(label: string): string {
  return stripChildMarker(normalizeLabel(label))
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/**
 * The key without the years in it: a plan rolled forward a year renames `Budgeterat resultat
 * 2024` to `Budgeterat resultat 2025` and `Eget kapital, ingående balans (IB) 2023` to `… 2024`.
 * A label that is nothing but a year keeps it.
 */
export function yearlessKey(label: string): string {
  const key = labelKey(label);
  const without = key.replace(/\b(19|20)\d\d\b/g, ' ').replace(/\s+/g, ' ').trim();
  return without === '' ? key : without;
}

/** The old label of a renamed line or total, where it says something else than the new one (a year rolled forward goes without saying); else null. */
export function formerLabel(row: { label: string; oldLabel: string | null }): string | null {
  return row.oldLabel && yearlessKey(row.oldLabel) !== yearlessKey(row.label) ? row.oldLabel : null;
}
