import { hasChildMarker, normalizeLabel, roleFromLabel, sideFromLabel, soundsLikeBudget, type RowRole, type Side } from '../labels';
import type { Unit } from '../numbers';
import { unitInText } from './unit';
import { mayNameSubtotal, namesOnePayer } from '../rules/computedRows';
import { isCodeLabel } from '../rules/budgetTable';

/** A row label's facts for structure inference (LabelFacts.ofRow). */
export interface RowFacts {
  readonly role: RowRole;
  readonly side: Side;
  readonly childMarker: boolean;
  readonly subtotalNoun: boolean;
  readonly onePayer: boolean;
}

interface Facts {
  unit?: Unit | null;
  role?: RowRole;
  side?: Side;
  childMarker?: boolean;
  budgetWords?: boolean;
  subtotalNoun?: boolean;
  onePayer?: boolean;
  code?: boolean;
  /** Set once ofRow has filled every row fact. */
  rowFilled?: true;
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

  /** What structure inference asks of a row's label, in one look-up: its role, side, child marker, and whether it may be a subtotal or names one payer. */
  ofRow(label: string): RowFacts {
    const facts = this.of(label);
    if (!facts.rowFilled) {
      facts.role ??= roleFromLabel(label);
      facts.side ??= sideFromLabel(label);
      facts.childMarker ??= hasChildMarker(label);
      facts.subtotalNoun ??= mayNameSubtotal(label);
      facts.onePayer ??= namesOnePayer(label);
      facts.rowFilled = true;
    }
    return facts as RowFacts;
  }

  side(label: string): Side {
    const facts = this.of(label);
    return (facts.side ??= sideFromLabel(label));
  }

  unit(label: string): Unit | null {
    const facts = this.of(label);
    if (facts.unit === undefined) facts.unit = unitInText(label);
    return facts.unit;
  }

  /** rules/budgetTable.ts isCodeLabel. */
  isCode(label: string): boolean {
    const facts = this.of(label);
    return (facts.code ??= isCodeLabel(label));
  }

  soundsLikeBudget(label: string): boolean {
    const facts = this.of(label);
    return (facts.budgetWords ??= soundsLikeBudget(label));
  }
}
