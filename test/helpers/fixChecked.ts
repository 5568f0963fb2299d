/**
 * Every test that writes a corrected copy goes through here: the copy is made, then checked by
 * the package validator (packageValidator.ts) against its original — a copy Excel would have to
 * repair fails the test that made it. Values are read back the way the product reads them.
 */
import type { AnalysisSettings } from '../../src/core/analyze';
import { cellAt, type Cell, type Grid } from '../../src/core/grid';
import { fromA1 } from '../../src/core/address';
import { fixWorkbookBytes, type FixResult } from '../../src/files/fixWorkbook';
import type { ZipCodec } from '../../src/files/ooxml/codec';
import { readGridBytes } from '../../src/files/readGrid';
import { expectValidPackage } from './packageValidator';

export type FixedCopy = Extract<FixResult, { ok: true }>;

export async function fixChecked(data: Uint8Array, fileName: string, settings: AnalysisSettings = {}, codec?: ZipCodec): Promise<FixedCopy> {
  const result = await fixWorkbookBytes(data, fileName, settings, codec);
  if (!result.ok) throw new Error(`${fileName}: ${result.reason}`);
  await expectValidPackage(result.bytes, data);
  return result;
}

/** The Grid of written bytes, as the product reads it. */
export async function gridOf(bytes: Uint8Array, fileName = 'kopia.xlsx'): Promise<Grid> {
  const read = await readGridBytes(bytes, fileName);
  if (!read.ok) throw new Error(`${fileName}: ${read.reason}`);
  return read.grid;
}

/** One cell of a Grid by sheet name and A1 address. */
export function gridCell(grid: Grid, sheet: string, a1: string): Cell | undefined {
  const at = fromA1(a1)!;
  const found = grid.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return cellAt(found, at.row, at.col);
}
