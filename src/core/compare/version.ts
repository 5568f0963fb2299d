import type { TableAnalysis } from '../analyze';
import type { CellRef } from '../findings';
import type { Unit } from '../numbers';
import { inUnit, type Amount } from './amounts';

/** One version's table read in the comparison's unit. */
export class Version {
  constructor(readonly analysis: TableAnalysis, readonly unit: Unit) {}

  /** What the row stands for in a column: a total's recomputed value, a line's amount (blank: 0). */
  amount(row: number, col: number): Amount {
    return inUnit(this.analysis.recomputed.amount({ row, col }), this.analysis.table.unit, this.unit);
  }

  /** The amount typed in the cell, null where it is blank. */
  stated(row: number, col: number): Amount | null {
    const value = this.analysis.table.rows[row].values[col];
    return value === null || value === undefined ? null : inUnit(value, this.analysis.table.unit, this.unit);
  }

  /** Closing equity per year of the chain (recomputed). */
  closings(): Map<number, Amount> {
    const { equity, table } = this.analysis;
    return new Map(equity.map((e) => [e.year, inUnit(e.closing, table.unit, this.unit)]));
  }

  cell(row: number, col: number): CellRef {
    const { table } = this.analysis;
    return { sheet: table.sheet, row: table.rows[row].row, col: table.columns[col].col };
  }

  label(row: number): string {
    return this.analysis.table.rows[row].label;
  }
}
