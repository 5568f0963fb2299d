import type { Amount } from '../amount';
import type { BudgetTable } from '../model';
import type { Recomputed } from '../recompute';
import type { TableCell } from '../tableCells';
import type { CellRef, Finding, FindingCode } from '../findings';
import type { Settings } from '../settings';
import type { EquityShape } from '../equity/shape';
import type { EquityYear } from '../equity/projectEquity';
import type { Members, ShareYear } from '../rules/memberShares';

export interface CheckContext {
  table: BudgetTable;
  recomputed: Recomputed;
  tolerance: Amount;
  settings: Settings;
  shape: EquityShape | null;
  equity: EquityYear[];
  members: Members | null;
  shares: ShareYear[];
}

/** One check: a small module that reads the table and returns findings, never throws. */
export interface Check {
  codes: FindingCode[];
  run(context: CheckContext): Finding[];
}

export function sheetRef(table: BudgetTable, cell: TableCell): CellRef {
  return { sheet: table.sheet, row: table.rows[cell.row].row, col: table.columns[cell.col].col };
}
