import { promises as fs } from 'fs';
import * as path from 'path';
import type { CheckReport } from '../core/report';
import { checkFiles } from './check';
import { writeComparison } from './diff';
import { fixFile } from './fix';
import { sectionsFile } from './sections';
import type { Io } from './io';
import type { ParsedArgs } from './args';
import { summaryLine } from './textReport';
import { projectRoot } from './paths';

/** The bundled examples: the five seed layouts, as the förbund typed them. */
export const EXAMPLES_DIR = path.join(projectRoot(), 'examples');

/** `budgetkoll demo [-o DIR]`: check, fix and sections on every bundled example, everything under out/. */
export async function runDemo(args: ParsedArgs, io: Io): Promise<number> {
  const outOption = args.options.get('-o');
  const outDir = path.resolve(typeof outOption === 'string' ? outOption : 'out');
  const names = (await fs.readdir(EXAMPLES_DIR)).filter((f) => f.endsWith('.xlsx')).sort();
  await fs.mkdir(outDir, { recursive: true });
  io.out(`Budgetkoll – demo på ${names.length} exempelbudgetar\n\n`);
  const reports = await checkFiles(names.map((n) => path.join(EXAMPLES_DIR, n)));
  for (const [i, name] of names.entries()) {
    const report = reports[i];
    const json: CheckReport = { version: 1, files: [{ ...report, file: name }] };
    const target = path.join(outDir, name.replace(/\.xlsx$/, '.json'));
    await fs.writeFile(target, `${JSON.stringify(json, null, 2)}\n`);
    const corrected = path.join(outDir, name.replace(/\.xlsx$/, '-rattad.xlsx'));
    const fixed = await fixFile(path.join(EXAMPLES_DIR, name), corrected, {});
    const document = path.join(outDir, name.replace(/\.xlsx$/, '-avsnitt.docx'));
    const written = await sectionsFile(path.join(EXAMPLES_DIR, name), document, {});
    const findings = report.tables.flatMap((t) => t.findings);
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    io.out(`${name}: ${report.tables.length} tabell(er), ${errors.length} fel, ${warnings.length} varning(ar) → ${path.relative(process.cwd(), target)}\n`);
    io.out(`  Rättad kopia: ${path.relative(process.cwd(), corrected)} (${fixed.ok ? fixed.value.message : fixed.reason})\n`);
    io.out(`  Avsnitt i Word: ${path.relative(process.cwd(), document)} (${written.ok ? `${written.value.sections} avsnitt` : written.reason})\n`);
    for (const f of [...errors, ...warnings]) io.out(`  ${f.cell}: ${f.message}\n`);
  }
  await demoComparison(outDir, io);
  io.out(`\n${summaryLine(reports)}\n`);
  io.out(`Rapporterna (JSON), de rättade arbetsböckerna och avsnitten i Word finns i ${path.relative(process.cwd(), outDir) || '.'}/\n`);
  return 0;
}

/** The preliminary Lund budget against the adopted one: what changed between the two versions. */
async function demoComparison(outDir: string, io: Io): Promise<void> {
  const [older, newer] = ['seed-000-lund-prel.xlsx', 'seed-001-lund-antagen.xlsx'];
  const base = path.join(outDir, 'seed-000-till-001-jamforelse');
  const written = await writeComparison(path.join(EXAMPLES_DIR, older), path.join(EXAMPLES_DIR, newer), base);
  io.out(`\nJämförelse ${older} → ${newer}: ${written.ok ? path.relative(process.cwd(), `${base}.txt`) : written.reason}\n`);
  if (written.ok) io.out(`  ${written.value.replace(/^Sammanfattning: /, '')}\n`);
}
