import { promises as fs } from 'fs';
import * as path from 'path';
import type { AnalysisSettings } from '../core/analyze';
import { failure, ok, type Result } from '../core/result';
import type { DiffReport } from '../core/compare/diffReport';
import type { Grid } from '../core/grid';
import { compareVersions } from '../app/compareVersions';
import { readWorkbookFile } from '../files/readWorkbookFile';
import type { ParsedArgs } from './args';
import { EXIT_FAILED, EXIT_OK } from './exitCodes';
import { diffTextReport } from './diffText';
import type { Io } from './io';
import { settingsFromArgs } from './settingsArgs';

/** A file that could not be read, and why. */
export interface Unread {
  file: string;
  reason: string;
}

/** Reads both versions with the same settings and compares them; a file that cannot be read is a reason, never a throw. */
export async function diffFiles(oldFile: string, newFile: string, settings: AnalysisSettings = {}): Promise<Result<DiffReport, Unread[]>> {
  const unread: Unread[] = [];
  const grids: Grid[] = [];
  for (const file of [oldFile, newFile]) {
    const read = await readWorkbookFile(file);
    if (read.ok) grids.push(read.value);
    else unread.push({ file, reason: read.reason });
  }
  if (unread.length > 0) return failure(unread);
  return ok(compareVersions(grids[0], grids[1], settings, { old: oldFile, new: newFile }).report);
}

/** `budgetkoll diff OLD.xlsx NEW.xlsx [--json] [--sheet NAME] [the settings of check]` */
export async function runDiff(args: ParsedArgs, io: Io): Promise<number> {
  if (args.files.length !== 2) {
    io.err('budgetkoll diff: ange två .xlsx-filer: först den tidigare versionen, sedan den nya.\n');
    return EXIT_FAILED;
  }
  const settings = settingsFromArgs(args);
  if (!settings.ok) {
    io.err(`budgetkoll diff: ${settings.reason}\n`);
    return EXIT_FAILED;
  }
  const outcome = await diffFiles(args.files[0], args.files[1], settings.value);
  if (!outcome.ok) {
    for (const { file, reason } of outcome.reason) io.err(`budgetkoll: ${path.basename(file)}: ${reason}\n`);
    return EXIT_FAILED;
  }
  io.out(args.options.has('--json') ? `${JSON.stringify(outcome.value, null, 2)}\n` : diffTextReport(outcome.value));
  return EXIT_OK;
}

/**
 * The comparison of two files written next to each other as `<base>.json` and `<base>.txt`, the
 * files named by their base names; the one-line summary, or why it could not be made.
 */
export async function writeComparison(oldFile: string, newFile: string, base: string): Promise<Result<string>> {
  const outcome = await diffFiles(oldFile, newFile);
  if (!outcome.ok) return failure(outcome.reason.map((u) => `${path.basename(u.file)}: ${u.reason}`).join('; '));
  const report = { ...outcome.value, old: path.basename(oldFile), new: path.basename(newFile) };
  const text = diffTextReport(report);
  await fs.writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  await fs.writeFile(`${base}.txt`, text);
  return ok(text.trimEnd().split('\n').pop()!);
}
