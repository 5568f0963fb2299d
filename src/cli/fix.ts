import { promises as fs } from 'fs';
import * as path from 'path';
import { correctedCopy } from '../files/fixWorkbook';
import { nodeCodec } from '../files/nodeCodec';
import { readFileBytes, readWorkbookGrid } from '../files/readWorkbookFile';
import { analyzeGrid, hasErrors, type AnalysisSettings } from '../core/analyze';
import { failure, ok, type Result } from '../core/result';
import { fillOnlyNote, planCorrectedCopy } from '../app/corrections';
import type { Io } from './io';
import type { ParsedArgs } from './args';
import { EXIT_FAILED, EXIT_FINDINGS, EXIT_OK } from './exitCodes';
import { settingsFromArgs } from './settingsArgs';

/** The default name of the corrected copy: next to the input, never the input itself; a workbook with macros stays .xlsm (Excel refuses one named .xlsx). */
export function correctedName(file: string): string {
  const macros = path.extname(file).toLowerCase() === '.xlsm';
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-rattad.${macros ? 'xlsm' : 'xlsx'}`);
}

export interface Fixed {
  /** What the copy changed, for the user. */
  message: string;
  /** The copy, checked again, still has errors (those a formula cannot fix). */
  remainingErrors: boolean;
}

/** Writes the corrected copy, then reads it back and checks it again: the proof the fix worked. */
export async function fixFile(input: string, output: string, settings: AnalysisSettings): Promise<Result<Fixed>> {
  if (path.resolve(input) === path.resolve(output)) return failure('utfilen får inte vara samma fil som indata – Budgetkoll skriver aldrig över originalet');
  const read = await readFileBytes(input);
  if (!read.ok) return read;
  const grid = await readWorkbookGrid(read.value, path.basename(input));
  if (!grid.ok) return grid;
  const analysis = analyzeGrid(grid.value, settings);
  const plan = planCorrectedCopy(analysis, grid.value);
  const result = await correctedCopy(read.value, plan, nodeCodec);
  if (!result.ok) return result;
  try {
    await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await fs.writeFile(output, result.value.bytes);
  } catch (e) {
    return failure(`${path.basename(output)} kunde inte skrivas (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const reread = await readWorkbookGrid(result.value.bytes, path.basename(output));
  const after = reread.ok ? analyzeGrid(reread.value, settings) : null;
  const marked = analysis.tables.reduce((n, t) => n + t.findings.filter((f) => f.code !== 'hardcoded-totals').length, 0);
  const fillOnly = fillOnlyNote(result.value.fillOnly);
  return ok({
    message: `${plan.fixes.length} summor blev formler, ${marked} fynd markerade, kontrollbladet ”Budgetkoll” tillagt${fillOnly ? `. ${fillOnly.replace(/\.$/, '')}` : ''}`,
    remainingErrors: after ? hasErrors(after) : true,
  });
}

/** `budgetkoll fix FILE.xlsx [-o OUT.xlsx]` */
export async function runFix(args: ParsedArgs, io: Io): Promise<number> {
  if (args.files.length !== 1) {
    io.err('budgetkoll fix: ange exakt en .xlsx-fil (och -o UTFIL.xlsx).\n');
    return EXIT_FAILED;
  }
  const settings = settingsFromArgs(args);
  if (!settings.ok) {
    io.err(`budgetkoll fix: ${settings.reason}\n`);
    return EXIT_FAILED;
  }
  const input = args.files[0];
  const out = args.options.get('-o');
  const output = typeof out === 'string' ? out : correctedName(input);
  const outcome = await fixFile(input, output, settings.value);
  if (!outcome.ok) {
    io.err(`budgetkoll: ${path.basename(input)}: ${outcome.reason}\n`);
    return EXIT_FAILED;
  }
  io.out(`Skrev ${output}: ${outcome.value.message}.\n`);
  if (outcome.value.remainingErrors) io.out('Fel som inte är summor (till exempel negativt eget kapital) finns kvar – se kontrollbladet.\n');
  return outcome.value.remainingErrors ? EXIT_FINDINGS : EXIT_OK;
}
