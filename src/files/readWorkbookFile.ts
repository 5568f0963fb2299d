import { promises as fs } from 'fs';
import * as path from 'path';
import { readWorkbookBytes, type ReadResult } from './readXlsx';

/** Reads an .xlsx file from disk; a missing or unreadable file is a Swedish reason, never a throw. */
export async function readWorkbookFile(file: string): Promise<ReadResult> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'filen finns inte' };
    if (code === 'EISDIR') return { ok: false, reason: 'det är en mapp, inte en fil' };
    return { ok: false, reason: `filen kunde inte läsas (${code ?? 'okänt fel'})` };
  }
  return readWorkbookBytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), path.basename(file));
}
