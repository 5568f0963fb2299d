/**
 * The check hands the limits check (zipProblem) a copy of the zip with its entries stored
 * (src/files/storedZip.ts). The answer must be the one the original gets — for every file and
 * limit — and no copy may be made where unpacking is not safe and exact.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_LIMITS, zipProblem, type ReadLimits } from '../../src/files/limits';
import { storedCopy } from '../../src/files/storedZip';
import { zipEntries } from '../../src/files/zipDirectory';
import { manyCellsWorkbook, zipBomb } from '../fixtures/badCorpus';
import { SEEDS_DIR } from '../helpers/seeds';

const LIMITS: ReadLimits[] = [
  DEFAULT_LIMITS,
  { ...DEFAULT_LIMITS, maxCells: 100 },
  { ...DEFAULT_LIMITS, maxUnpackedBytes: 20_000 },
  { ...DEFAULT_LIMITS, maxUnpackedBytes: 300_000, maxCells: 20 },
];

async function expectSameAnswer(data: Uint8Array): Promise<void> {
  for (const limits of LIMITS) {
    const copy = storedCopy(data, limits.maxUnpackedBytes);
    if (copy) expect(zipEntries(copy)!.every((e) => e.method === 0)).toBe(true);
    await expect(zipProblem(copy ?? data, limits)).resolves.toBe(await zipProblem(data, limits));
  }
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith('.md')).map((f) => path.join(dir, f)) : []);

describe('storedCopy', () => {
  it.each([...filesIn(SEEDS_DIR), ...filesIn(path.join(__dirname, '..', 'fixtures', 'bad')), ...filesIn(path.join(__dirname, '..', 'fixtures', 'real-world')).filter((f) => f.endsWith('.xlsx'))].map((f) => [path.basename(f), f]))('gets zipProblem’s answer for %s', async (_name, file) => {
    await expectSameAnswer(new Uint8Array(fs.readFileSync(file)));
  });

  it('gets the same answer for a workbook with too many cells', async () => {
    await expectSameAnswer(new Uint8Array(await manyCellsWorkbook(2_000)));
  });

  it('makes no copy of a zip bomb, whether it states its size or lies about it', async () => {
    for (const lie of [false, true]) {
      const bomb = new Uint8Array(await zipBomb(3, lie));
      expect(storedCopy(bomb, 1024 * 1024)).toBeNull();
      await expectSameAnswer(bomb);
    }
  });

  it('makes no copy of bytes that are no zip, or a zip cut short', async () => {
    const seed = new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, 'seed-000-lund-prel.xlsx')));
    expect(storedCopy(new Uint8Array([1, 2, 3]), DEFAULT_LIMITS.maxUnpackedBytes)).toBeNull();
    expect(storedCopy(seed.subarray(0, seed.length - 10), DEFAULT_LIMITS.maxUnpackedBytes)).toBeNull();
    expect(storedCopy(seed, DEFAULT_LIMITS.maxUnpackedBytes)).not.toBeNull();
  });
});
