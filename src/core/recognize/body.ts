import { cellAt, isBlank, isErrorValue, type Cell, type Sheet } from '../grid';
import { moneyFromNumber, type Money } from '../money';
import { parseSwedishNumber, unitFromWord, type Unit } from '../numbers';
import { normalizeLabel } from '../labels';

export interface RawRow {
  row: number;
  label: string;
  kind: 'empty' | 'heading' | 'unit' | 'data';
  values: (Money | null)[];
  cells: (Cell | undefined)[];
  textNumbers: number[];
  unit?: Unit;
  /** Set when the label continues on this row from a wrapped heading above. */
  wrappedFrom?: number;
}

export function readRow(sheet: Sheet, row: number, labelCol: number, valueCols: number[]): RawRow {
  const labelCell = cellAt(sheet, row, labelCol);
  const label = labelCell && !isBlank(labelCell) ? normalizeLabel(labelText(labelCell)) : '';
  const cells = valueCols.map((col) => cellAt(sheet, row, col));
  const values: (Money | null)[] = [];
  const textNumbers: number[] = [];
  const units = new Set<Unit>();
  let nonBlankText = 0;
  cells.forEach((cell, i) => {
    const read = readValue(cell);
    values.push(read.value);
    if (read.fromText) textNumbers.push(i);
    if (read.unit) units.add(read.unit);
    if (read.otherText) nonBlankText++;
  });
  const hasNumbers = values.some((v) => v !== null);
  let kind: RawRow['kind'] = 'data';
  if (!hasNumbers) {
    if (units.size === 1 && nonBlankText === 0) kind = 'unit';
    else kind = label === '' ? 'empty' : 'heading';
  }
  return { row, label, kind, values, cells, textNumbers, unit: kind === 'unit' ? [...units][0] : undefined };
}

function labelText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return '';
}

interface ReadValue {
  value: Money | null;
  fromText?: boolean;
  unit?: Unit;
  otherText?: boolean;
}

function readValue(cell: Cell | undefined): ReadValue {
  if (!cell || isBlank(cell)) return { value: null };
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? { value: moneyFromNumber(v) } : { value: null };
  if (typeof v === 'string') {
    const unit = unitFromWord(normalizeLabel(v).replace(/[()]/g, ''));
    if (unit) return { value: null, unit };
    const parsed = parseSwedishNumber(v);
    if (parsed.ok) return { value: parsed.value, fromText: true };
    return { value: null, otherText: true };
  }
  if (isErrorValue(v)) return { value: null, otherText: true };
  return { value: null };
}

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
    if (current.kind === 'heading' && next && next.kind === 'data' && /^[a-zåäö]/.test(next.label)) {
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
