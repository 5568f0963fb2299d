import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_LIMITS, fileSizeProblem, type ReadLimits } from './limits';
import type { Grid } from '../core/grid';
import { failure, ok, type Result } from '../core/result';
import { readGridBytes } from './readGrid';
import { storedCopy } from './storedZip';

/**
 * A file's bytes, or the Swedish reason they are not read: missing, a folder, unreadable, or
 * bigger than the limit (checked before reading, so a huge file is never loaded into memory).
 */
export async function readFileBytes(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Result<Uint8Array>> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return failure('det är en mapp, inte en fil');
    const tooBig = fileSizeProblem(stat.size, limits);
    if (tooBig) return failure(tooBig);
    const data = await fs.readFile(file);
    return ok(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failure('filen finns inte');
    if (code === 'EISDIR') return failure('det är en mapp, inte en fil');
    if (code === 'EACCES' || code === 'EPERM') return failure('filen får inte läsas (behörighet saknas)');
    return failure(`filen kunde inte läsas (${code ?? 'okänt fel'})`);
  }
}

/**
 * .xlsx bytes into the engine's Grid (readGrid.ts), in Node: the zip's entries are unpacked once,
 * by zlib, into a stored copy (storedZip.ts; null for anything else: no zip, beyond the limits),
 * which the limits check and SheetJS then read as they are, instead of inflating in JavaScript.
 */
export function readWorkbookGrid(data: Uint8Array, fileName = 'arbetsbok.xlsx', limits: ReadLimits = DEFAULT_LIMITS): Promise<Result<Grid>> {
  const zip = storedCopy(data, limits.maxUnpackedBytes) ?? data;
  return readGridBytes(data, fileName, limits, Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
}

/** Reads an .xlsx file from disk into the engine's Grid; a missing or unreadable file is a Swedish reason, never a throw. */
export async function readWorkbookFile(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Result<Grid>> {
  const read = await readFileBytes(file, limits);
  if (!read.ok) return read;
  return readWorkbookGrid(read.value, path.basename(file), limits);
}
