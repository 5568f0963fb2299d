import { hasChildMarker, normalizeLabel, roleFromLabel, sideFromLabel, soundsLikeBudget, type RowRole, type Side } from '../labels';
import type { Unit } from '../numbers';
import { unitInText } from './unit';
import { mayNameSubtotal, namesOnePayer } from '../rules/computedRows';

interface Facts {
  unit?: Unit | null;
  role?: RowRole;
  side?: Side;
  childMarker?: boolean;
  budgetWords?: boolean;
  subtotalNoun?: boolean;
  onePayer?: boolean;
}

/**
 * What labels.ts (and unitInText) say about a label, asked once per distinct label: a workbook repeats its
 * labels (`Summa kostnader`, `Förbundschef`) in table after table, and each answer is a chain of
 * regular expressions. The functions are pure, so a remembered answer is the same answer.
 */
export class LabelFacts {
  private readonly facts = new Map<string, Facts>();
  private readonly normalizedTexts = new Map<string, string>();

  /** normalizeLabel(text). */
  normalized(text: string): string {
    let normalized = this.normalizedTexts.get(text);
    if (normalized === undefined) {
      normalized = normalizeLabel(text);
      this.normalizedTexts.set(text, normalized);
    }
    return normalized;
  }

  private of(label: string): Facts {
    let facts = this.facts.get(label);
    if (!facts) {
      facts = {};
      this.facts.set(label, facts);
    }
    return facts;
  }

  role(label: string): RowRole {
    const facts = this.of(label);
    return (facts.role ??= roleFromLabel(label));
  }

  side(label: string): Side {
    const facts = this.of(label);
    return (facts.side ??= sideFromLabel(label));
  }

  childMarker(label: string): boolean {
    const facts = this.of(label);
    return (facts.childMarker ??= hasChildMarker(label));
  }

  unit(label: string): Unit | null {
    const facts = this.of(label);
    if (facts.unit === undefined) facts.unit = unitInText(label);
    return facts.unit;
  }

  /** rules/computedRows.ts mayNameSubtotal. */
  subtotalNoun(label: string): boolean {
    const facts = this.of(label);
    return (facts.subtotalNoun ??= mayNameSubtotal(label));
  }

  /** rules/computedRows.ts namesOnePayer. */
  onePayer(label: string): boolean {
    const facts = this.of(label);
    return (facts.onePayer ??= namesOnePayer(label));
  }

  soundsLikeBudget(label: string): boolean {
    const facts = this.of(label);
    return (facts.budgetWords ??= soundsLikeBudget(label));
  }
}
