import { promises as fs } from 'fs';
import * as path from 'path';
import type { AnalysisSettings } from '../core/analyze';
import { failure, ok, type Result } from '../core/result';
import { workbookSections } from '../app/sections';
import type { SectionSettings } from '../core/sections/types';
import { readWorkbookFile } from '../files/readWorkbookFile';
import { sectionsToDocx } from '../files/writeDocx';
import type { Io } from './io';
import type { ParsedArgs } from './args';
import { EXIT_FAILED, EXIT_OK } from './check';
import { settingsFromArgs } from './settingsArgs';

/** The default name of the Word document: next to the input, `<name>-avsnitt.docx`. */
export function sectionsName(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-avsnitt.docx`);
}

export interface SectionsWritten {
  sections: number;
  /** Error findings in the budget table the sections speak of. */
  errors: number;
}

/** Reads the budget, builds the plan's sections and writes them as a .docx; never touches the input. */
export async function sectionsFile(input: string, output: string, settings: AnalysisSettings, sectionSettings: SectionSettings = {}): Promise<Result<SectionsWritten>> {
  if (path.resolve(input) === path.resolve(output)) return failure('utfilen får inte vara samma fil som indata – Budgetkoll skriver aldrig över originalet');
  if (path.extname(output).toLowerCase() !== '.docx') return failure(`utfilen ska vara ett Word-dokument som slutar på .docx, inte ”${path.basename(output)}”`);
  const read = await readWorkbookFile(input);
  if (!read.ok) return read;
  const { sections, errors } = workbookSections(read.value, settings, sectionSettings);
  if (sections.length === 0) return failure(settings.sheet ? `ingen budgettabell hittades på bladet ”${settings.sheet}”` : 'ingen budgettabell hittades i arbetsboken');
  const bytes = await sectionsToDocx(sections);
  try {
    await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await fs.writeFile(output, bytes);
  } catch (e) {
    return failure(`${path.basename(output)} kunde inte skrivas (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return ok({ sections: sections.length, errors });
}

/** `budgetkoll sections FILE.xlsx [-o OUT.docx] [--sheet NAME] [--forbund NAME]` */
export async function runSections(args: ParsedArgs, io: Io): Promise<number> {
  if (args.files.length !== 1) {
    io.err('budgetkoll sections: ange exakt en .xlsx-fil (och -o UTFIL.docx).\n');
    return EXIT_FAILED;
  }
  const settings = settingsFromArgs(args);
  if (!settings.ok) {
    io.err(`budgetkoll sections: ${settings.reason}\n`);
    return EXIT_FAILED;
  }
  const forbund = args.options.get('--forbund');
  const input = args.files[0];
  const out = args.options.get('-o');
  const output = typeof out === 'string' ? out : sectionsName(input);
  const outcome = await sectionsFile(input, output, settings.value, { forbundName: typeof forbund === 'string' ? forbund : undefined });
  if (!outcome.ok) {
    io.err(`budgetkoll: ${path.basename(input)}: ${outcome.reason}\n`);
    return EXIT_FAILED;
  }
  const { sections, errors } = outcome.value;
  io.out(`Skrev ${output}: ${sections} avsnitt för verksamhetsplanen.\n`);
  if (errors > 0) {
    io.out(`Observera: budgettabellen innehåller ${errors === 1 ? 'ett fel' : `${errors} fel`} – avsnitten säger det och bygger på omräknade summor. Se budgetkoll check ${path.basename(input)}.\n`);
  }
  return EXIT_OK;
}
