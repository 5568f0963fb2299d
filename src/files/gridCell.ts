import type { Cell, CellValue } from '../core/grid';

// Browser-safe: one exceljs cell value (what `cell.value` returns) as the engine's Cell. Shared by
// both readers — from exceljs's worksheets (readXlsx.ts) and from its parsed model (modelGrid.ts) —
// so that the two cannot read a cell differently.

/**
 * `raw` is the cell's value, `numFmt` its number format; `formulaOf` gives `cell.formula`, asked
 * only for a formula value without its own text (a shared formula's other cells).
 */
export function gridCell(raw: unknown, numFmt: string | undefined, formulaOf: () => string | undefined): Cell | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    const obj = raw as Record<string, unknown>;
    if ('formula' in obj || 'sharedFormula' in obj) {
      const formula = (obj.formula as string | undefined) ?? formulaOf() ?? String(obj.sharedFormula);
      return { value: plainValue(obj.result), formula, numFmt };
    }
    return { value: plainValue(raw), numFmt };
  }
  return { value: plainValue(raw), numFmt };
}

function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const obj = raw as Record<string, unknown>;
    if (typeof obj.error === 'string') return { error: obj.error };
    if (Array.isArray(obj.richText)) return (obj.richText as { text: string }[]).map((t) => t.text).join('');
    if (typeof obj.text === 'string') return obj.text;
    if ('result' in obj) return plainValue(obj.result);
  }
  return null;
}
