/**
 * Writes the bad-input corpus (test/fixtures/badCorpus.ts) into test/fixtures/bad/.
 *
 *   npx ts-node --transpile-only scripts/build-bad-corpus.ts            (npm run fixtures:bad)
 *   npx ts-node --transpile-only scripts/build-bad-corpus.ts --soffice  also remakes the .ods/.xls
 *
 * Every file but the LibreOffice conversions comes out byte for byte the same each run. The
 * .ods and .xls are made once with `soffice --headless --convert-to` (LibreOffice stamps them
 * with the time) and kept; the tests never need LibreOffice.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { BAD_DIR, BASE, CASES, put, type Expectation } from '../test/fixtures/badCorpus';
import { findRoot } from './findRoot';

/** The base budget converted by LibreOffice to each format the corpus needs. */
function sofficeFiles(): Record<string, Buffer> {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'].find((p) => fs.existsSync(p));
  if (!soffice) throw new Error('LibreOffice (soffice) is needed to make the .ods and .xls cases once');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-corpus-'));
  try {
    return {
      ods: convert(soffice, tmp, 'ods'),
      xls: convert(soffice, tmp, 'xls:MS Excel 97'),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function convert(soffice: string, tmp: string, target: string): Buffer {
  const input = path.join(tmp, 'budget.xlsx');
  if (!fs.existsSync(input)) fs.writeFileSync(input, baseWorkbookSync());
  const profile = path.join(tmp, 'profile');
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', tmp, input], { stdio: 'ignore', timeout: 120_000 });
  return fs.readFileSync(path.join(tmp, `budget.${target.split(':')[0]}`));
}

let baseBytes: Buffer | null = null;
function baseWorkbookSync(): Buffer {
  if (!baseBytes) throw new Error('base workbook not built');
  return baseBytes;
}

function describe(expect: Expectation): string {
  if (expect.exit === 2) return `exit 2, stderr ${expect.reason.source.replace(/\\/g, '')}`;
  if (expect.tables.length === 0) return `exit ${expect.exit}, no table`;
  const findings = expect.tables.flatMap((t) => t.findings);
  return `exit ${expect.exit}, ${expect.tables.length} table(s)${findings.length ? `: ${findings.join(', ')}` : ', no error or warning'}`;
}

async function main(): Promise<void> {
  const root = findRoot(__dirname);
  const dir = path.join(root, BAD_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const refresh = process.argv.includes('--soffice');

  const wb = new ExcelJS.Workbook();
  put(wb.addWorksheet('Budget'), BASE);
  baseBytes = Buffer.from(await wb.xlsx.writeBuffer());

  const needSoffice = CASES.some((c) => c.build === 'soffice' && (refresh || !fs.existsSync(path.join(dir, c.file))));
  const converted = needSoffice ? sofficeFiles() : null;

  for (const c of CASES) {
    if (c.generated) continue;
    const file = path.join(dir, c.file);
    if (c.build === 'soffice') {
      if (!converted) continue;
      fs.writeFileSync(file, c.file.endsWith('.xls') ? converted.xls : converted.ods);
    } else {
      fs.writeFileSync(file, await c.build());
    }
    console.log(`wrote ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
  }

  const index = [
    '# The bad-input corpus',
    '',
    'Made by `npm run fixtures:bad` from test/fixtures/badCorpus.ts (the expectations live there);',
    'test/cli/badInput.test.ts runs `budgetkoll check` on every file. The cases marked "made by',
    'the test" (the 60 000-row ledger, the zip bombs), a file over the size limit, a missing file',
    'and a folder are made by the test in a temporary folder.',
    '',
    '| file | what | expected |',
    '|---|---|---|',
    ...CASES.map((c) => `| ${c.file}${c.generated ? ' (made by the test)' : ''} | ${c.what} | ${describe(c.expect)}${c.knownIssue ? ` — known issue: ${c.knownIssue}` : ''} |`),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'README.md'), index);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
