import { promises as fs } from 'fs';
import * as path from 'path';
import type { AnalysisSettings } from '../core/analyze';
import { failure, ok, type Result } from '../core/result';
import { DEFAULT_THRESHOLD, mainComparison, parseThreshold } from '../app/changesSection';
import { formatAmount } from '../core/format';
import { changesSection } from '../core/sections/changesSection';
import { compareVersions } from '../app/compareVersions';
import { workbookSections } from '../app/sections';
import type { Grid } from '../core/grid';
import { inPlanOrder, type DocSection, type SectionSettings } from '../core/sections/types';
import { readWorkbookFile } from '../files/readWorkbookFile';
import { sectionsToDocx } from '../files/writeDocx';
import type { Io } from './io';
import type { ParsedArgs } from './args';
import { EXIT_FAILED, EXIT_OK } from './exitCodes';
import { settingsFromArgs } from './settingsArgs';

/** The default name of the Word document: next to the input, `<name>-avsnitt.docx`. */
export function sectionsName(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-avsnitt.docx`);
}

export interface SectionsWritten {
  sections: number;
  /** Error findings in the budget table the sections speak of. */
  errors: number;
  /** The threshold of the changes section, with its unit (`100 tkr`); null without one. */
  changesFrom: string | null;
}

export interface SectionsOptions extends SectionSettings {
  /** The section on the changes since an earlier version (`--compare OLD.xlsx [--threshold N]`). */
  compare?: { file: string; threshold?: string };
}

/** The changes section against the earlier version, at the threshold given (else the default); null when none is asked for. */
async function changesAgainst(grid: Grid, settings: AnalysisSettings, compare: SectionsOptions['compare']): Promise<Result<{ section: DocSection; threshold: string } | null>> {
  if (!compare) return ok(null);
  const older = await readWorkbookFile(compare.file);
  if (!older.ok) return failure(`${path.basename(compare.file)}: ${older.reason}`);
  const { comparison } = compareVersions(older.value, grid, settings, { old: compare.file, new: '' });
  const table = mainComparison(comparison);
  const unit = table?.unit ?? 'tkr';
  const threshold = parseThreshold(compare.threshold ?? DEFAULT_THRESHOLD[unit], unit);
  if (!threshold.ok) return failure(`--threshold: ${threshold.reason}`);
  return ok({ section: changesSection(table, threshold.value), threshold: formatAmount(threshold.value, { unit }) });
}

/** Reads the budget, builds the plan's sections and writes them as a .docx; never touches the input. */
export async function sectionsFile(input: string, output: string, settings: AnalysisSettings, options: SectionsOptions = {}): Promise<Result<SectionsWritten>> {
  if (path.resolve(input) === path.resolve(output)) return failure('utfilen får inte vara samma fil som indata – Budgetkoll skriver aldrig över originalet');
  if (path.extname(output).toLowerCase() !== '.docx') return failure(`utfilen ska vara ett Word-dokument som slutar på .docx, inte ”${path.basename(output)}”`);
  const read = await readWorkbookFile(input);
  if (!read.ok) return read;
  const { compare, ...sectionSettings } = options;
  const planned = workbookSections(read.value, settings, sectionSettings);
  const errors = planned.errors;
  if (planned.sections.length === 0) return failure(settings.sheet ? `ingen budgettabell hittades på bladet ”${settings.sheet}”` : 'ingen budgettabell hittades i arbetsboken');
  const changes = await changesAgainst(read.value, settings, compare);
  if (!changes.ok) return changes;
  const sections = changes.value ? inPlanOrder([...planned.sections, changes.value.section]) : planned.sections;
  const bytes = await sectionsToDocx(sections);
  try {
    await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await fs.writeFile(output, bytes);
  } catch (e) {
    return failure(`${path.basename(output)} kunde inte skrivas (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return ok({ sections: sections.length, errors, changesFrom: changes.value?.threshold ?? null });
}

/** `budgetkoll sections FILE.xlsx [-o OUT.docx] [--sheet NAME] [--forbund NAME] [--compare OLD.xlsx [--threshold N]]` */
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
  const compare = args.options.get('--compare');
  const threshold = args.options.get('--threshold');
  if (threshold !== undefined && compare === undefined) {
    io.err('budgetkoll sections: --threshold gäller avsnittet om förändringar: ange också --compare TIDIGARE.xlsx.\n');
    return EXIT_FAILED;
  }
  const outcome = await sectionsFile(input, output, settings.value, {
    forbundName: typeof forbund === 'string' ? forbund : undefined,
    compare: typeof compare === 'string' ? { file: compare, threshold: typeof threshold === 'string' ? threshold : undefined } : undefined,
  });
  if (!outcome.ok) {
    io.err(`budgetkoll: ${path.basename(input)}: ${outcome.reason}\n`);
    return EXIT_FAILED;
  }
  const { sections, errors, changesFrom } = outcome.value;
  const changesNote = changesFrom ? `, med förändringarna jämfört med ${path.basename(compare as string)} (från ${changesFrom})` : '';
  io.out(`Skrev ${output}: ${sections} avsnitt för verksamhetsplanen${changesNote}.\n`);
  if (errors > 0) {
    io.out(`Observera: budgettabellen innehåller ${errors === 1 ? 'ett fel' : `${errors} fel`} – avsnitten säger det och bygger på omräknade summor. Se budgetkoll check ${path.basename(input)}.\n`);
  }
  return EXIT_OK;
}
