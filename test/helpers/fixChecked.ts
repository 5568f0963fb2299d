/**
 * Every test that writes a corrected copy goes through here: the copy is made, then checked by
 * the package validator (packageValidator.ts) against its original — a copy Excel would have to
 * repair fails the test that made it. Values are read back the way the product reads them.
 */
import { analyzeGrid, type Analysis, type AnalysisSettings } from '../../src/core/analyze';
import { cellAt, type Cell, type Grid } from '../../src/core/grid';
import { fromA1 } from '../../src/core/address';
import type { CorrectedCopyPlan } from '../../src/core/correctionPlan';
import type { Result } from '../../src/core/result';
import { planCorrectedCopy } from '../../src/app/corrections';
import { correctedCopy, type CorrectedCopy } from '../../src/files/fixWorkbook';
import type { ZipCodec } from '../../src/files/ooxml/codec';
import { readGridBytes } from '../../src/files/readGrid';
import { expectValidPackage } from './packageValidator';

/** A corrected copy, with the analysis and plan it was made from. */
export type FixedCopy = CorrectedCopy & Pick<CorrectedCopyPlan, 'fixes'> & { analysis: Analysis; plan: CorrectedCopyPlan };

/** The corrected copy of a workbook read into `grid`, as the command and the page make it: analysed, planned (src/app), patched. */
export async function copyOf(data: Uint8Array, grid: Grid, settings: AnalysisSettings = {}, codec?: ZipCodec): Promise<Result<FixedCopy>> {
  const analysis = analyzeGrid(grid, settings);
  const plan = planCorrectedCopy(analysis, grid);
  const copy = await correctedCopy(data, plan, codec);
  return copy.ok ? { ok: true, value: { ...copy.value, fixes: plan.fixes, analysis, plan } } : copy;
}

export async function fixChecked(data: Uint8Array, fileName: string, settings: AnalysisSettings = {}, codec?: ZipCodec): Promise<FixedCopy> {
  const read = await readGridBytes(data, fileName);
  if (!read.ok) throw new Error(`${fileName}: ${read.reason}`);
  const result = await copyOf(data, read.value, settings, codec);
  if (!result.ok) throw new Error(`${fileName}: ${result.reason}`);
  await expectValidPackage(result.value.bytes, data);
  return result.value;
}

/** The Grid of written bytes, as the product reads it. */
export async function gridOf(bytes: Uint8Array, fileName = 'kopia.xlsx'): Promise<Grid> {
  const read = await readGridBytes(bytes, fileName);
  if (!read.ok) throw new Error(`${fileName}: ${read.reason}`);
  return read.value;
}

/** One cell of a Grid by sheet name and A1 address. */
export function gridCell(grid: Grid, sheet: string, a1: string): Cell | undefined {
  const at = fromA1(a1)!;
  const found = grid.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return cellAt(found, at.row, at.col);
}
