import { cellAt, isBlank, isErrorValue, type Cell, type Sheet } from '../grid';
import { amountOfCellNumber, amountOfMoney, type Amount } from '../amount';
import { parseSwedishNumber, unitFromWord, type Unit } from '../numbers';
import { normalizeLabel } from '../labels';
import type { LabelFacts } from './labelFacts';

export interface RawRow {
  row: number;
  label: string;
  kind: 'empty' | 'heading' | 'unit' | 'data';
  values: (Amount | null)[];
  cells: (Cell | undefined)[];
  textNumbers: number[];
  unit?: Unit;
  /** Some value cell shows an error value (`#REF!`): an amount that has no value today. */
  hasErrors: boolean;
  /** Set when the label continues on this row from a wrapped heading above. */
  wrappedFrom?: number;
}

/** The textNumbers of the many rows that have none: one shared empty list (nothing adds to it). */
const NO_TEXT_NUMBERS = Object.freeze([]) as unknown as number[];

export function readRow(sheet: Sheet, row: number, labelCol: number, valueCols: number[], labels?: LabelFacts): RawRow {
  const sheetRow = sheet.rows[row];
  const labelCell = sheetRow?.[labelCol];
  const text = labelCell && !isBlank(labelCell) ? labelText(labelCell) : null;
  const label = text === null ? '' : labels ? labels.normalized(text) : normalizeLabel(text);
  // Sized up front: every element is written below.
  const cells: (Cell | undefined)[] = new Array(valueCols.length);
  const values: (Amount | null)[] = new Array(valueCols.length);
  let textNumbers: number[] = NO_TEXT_NUMBERS;
  let unit: Unit | undefined;
  let mixedUnits = false;
  let nonBlankText = 0;
  let hasNumbers = false;
  let hasErrors = false;
  for (let i = 0; i < valueCols.length; i++) {
    const cell = sheetRow?.[valueCols[i]];
    cells[i] = cell;
    let value: Amount | null = null;
    const v = cell?.value;
    if (typeof v === 'number') {
      // Excel's double to 15 significant digits (its float noise dropped).
      if (Number.isFinite(v)) value = amountOfCellNumber(v);
    } else if (typeof v === 'string') {
      if (v.trim() !== '') {
        const cellUnit = unitFromWord(normalizeLabel(v).replace(/[()]/g, ''));
        if (cellUnit) {
          if (unit === undefined) unit = cellUnit;
          else if (unit !== cellUnit) mixedUnits = true;
        } else {
          const parsed = parseSwedishNumber(v);
          if (parsed.ok) {
            value = amountOfMoney(parsed.value);
            if (textNumbers === NO_TEXT_NUMBERS) textNumbers = [];
            textNumbers.push(i);
          } else {
            nonBlankText++;
          }
        }
      }
    } else if (v !== null && v !== undefined && isErrorValue(v)) {
      // A formula's error stands where an amount should: the row is a line or a total, not a heading.
      hasErrors = true;
      nonBlankText++;
    }
    values[i] = value;
    if (value !== null) hasNumbers = true;
  }
  let kind: RawRow['kind'] = 'data';
  if (!hasNumbers && !(hasErrors && label !== '')) {
    if (unit !== undefined && !mixedUnits && nonBlankText === 0) kind = 'unit';
    else kind = label === '' ? 'empty' : 'heading';
  }
  return { row, label, kind, values, cells, textNumbers, hasErrors, unit: kind === 'unit' ? unit : undefined };
}

function labelText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return '';
}

const LOWER_CASE_START = /^[a-zåäö]/;

/**
 * A label that a PDF or a narrow column wrapped over two rows (`Finansiella
 * intäkter och` / `kostnader 1`): a heading without numbers followed by a row
 * whose label starts in lower case. The two are one line.
 */
export function joinWrappedLabels(rows: RawRow[]): RawRow[] {
  const out: RawRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const current = rows[i];
    const next = rows[i + 1];
    if (current.kind === 'heading' && next && next.kind === 'data' && LOWER_CASE_START.test(next.label)) {
      out.push({ ...next, label: `${current.label} ${next.label}`, wrappedFrom: current.row });
      i++;
      continue;
    }
    out.push(current);
  }
  return out;
}

export function isBlankRow(sheet: Sheet, row: number, fromCol: number, toCol: number): boolean {
  for (let col = fromCol; col <= toCol; col++) if (!isBlank(cellAt(sheet, row, col))) return false;
  return true;
}
