import * as path from 'path';
import { readWorkbookFile } from '../../src/files/readWorkbookFile';
import { analyzeGrid, type Analysis } from '../../src/core/analyze';
import type { Grid } from '../../src/core/grid';

export const SEEDS_DIR = path.join(__dirname, '..', 'fixtures', 'seeds');
export const SEED_SLUGS = ['seed-000-lund-prel', 'seed-001-lund-antagen', 'seed-002-bksv', 'seed-003-samsund', 'seed-004-sodra-lappland'] as const;

export async function readSeedGrid(file: string): Promise<Grid> {
  const read = await readWorkbookFile(path.join(SEEDS_DIR, file));
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  return read.value;
}

export async function analyzeSeed(file: string): Promise<Analysis> {
  return analyzeGrid(await readSeedGrid(file));
}
