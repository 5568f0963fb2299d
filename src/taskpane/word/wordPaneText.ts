import { countText as count } from '../../core/countText';
import type { DocSection } from '../../core/sections/types';
import type { Written } from '../../word/wordWriter';
import type { Stage } from '../model/source';
import { titles } from './documentState';
import { COMPARE_STAGE_TEXT } from '../compare/compareStages';

// The Word pane's words: Swedish, as a reader of the plan writes them.

export const STAGE_TEXT: Record<Stage, string> = {
  reading: 'Läser arbetsboken…',
  checking: 'Kontrollerar…',
  fixing: 'Rättar arbetsboken…',
  sections: 'Bygger avsnitten…',
  ...COMPARE_STAGE_TEXT,
};

export const errorCount = (n: number) => (n === 1 ? 'ett fel' : `${n} fel`);
export { count };

/** `Klart: 4 avsnitt infogade, 1 uppdaterat, 1 redan aktuellt.` and what was left as the user wrote it. */
export function writtenText(outcome: Written, sections: readonly DocSection[]): string {
  const inserted = outcome.plan.filter((e) => e.write && e.action === 'insert').length;
  const updated = outcome.plan.filter((e) => e.write && e.action !== 'insert').length;
  const current = outcome.plan.filter((e) => e.action === 'unchanged').length;
  const parts: string[] = [];
  if (inserted > 0) parts.push(count(inserted, 'avsnitt infogat', 'avsnitt infogade'));
  if (updated > 0) parts.push(`${parts.length === 0 ? count(updated, 'avsnitt uppdaterat', 'avsnitt uppdaterade') : count(updated, 'uppdaterat', 'uppdaterade')}`);
  if (current > 0) parts.push(`${parts.length === 0 ? count(current, 'avsnitt redan aktuellt', 'avsnitt redan aktuella') : count(current, 'redan aktuellt', 'redan aktuella')}`);
  let text = parts.length > 0 ? `Klart: ${parts.join(', ')}.` : 'Klart.';
  if (outcome.keptEdited.length > 0) text += ` Dina ändringar finns kvar i: ${titles(sections, outcome.keptEdited).join(', ')}.`;
  return text;
}

export function formatMadeAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
