import * as path from 'path';
import type { AnalysisSettings } from '../core/analyze';
import { checkWorkbook } from '../app/checkWorkbook';
import { settingsFromArgs } from './settingsArgs';
import { fileReport, type CheckReport, type FileReport } from '../core/report';
import { readWorkbookFile } from '../files/readWorkbookFile';
import type { Io } from './io';
import type { ParsedArgs } from './args';
import { textReport } from './textReport';
import { EXIT_OK, EXIT_FINDINGS, EXIT_FAILED } from './exitCodes';


export async function checkFiles(files: string[], settings: AnalysisSettings = {}): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const read = await readWorkbookFile(file);
    reports.push(read.ok ? { file, error: null, tables: checkWorkbook(read.value, settings).reports } : fileReport(file, { error: read.reason }));
  }
  return reports;
}

export function exitCodeFor(reports: FileReport[]): number {
  if (reports.some((r) => r.error)) return EXIT_FAILED;
  const errors = reports.some((r) => r.tables.some((t) => t.findings.some((f) => f.severity === 'error')));
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

/** `budgetkoll check FILE... [--json] [--sheet NAME] [--opening-equity YEAR=AMOUNT] [--reserve-percent P] [--reserve-base allocation|costs]` */
export async function runCheck(args: ParsedArgs, io: Io): Promise<number> {
  if (args.files.length === 0) {
    io.err('budgetkoll check: ange minst en .xlsx-fil.\n');
    return EXIT_FAILED;
  }
  const settings = settingsFromArgs(args);
  if (!settings.ok) {
    io.err(`budgetkoll check: ${settings.reason}\n`);
    return EXIT_FAILED;
  }
  const reports = await checkFiles(args.files, settings.value);
  for (const r of reports) if (r.error) io.err(`budgetkoll: ${path.basename(r.file)}: ${r.error}\n`);
  if (args.options.has('--json')) {
    const report: CheckReport = { version: 1, files: reports };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.out(textReport(reports));
  }
  return exitCodeFor(reports);
}
