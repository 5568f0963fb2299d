/**
 * Proof that a refactor changed nothing a user sees: every output of every fixture, written to a
 * folder, and two such folders compared byte for byte.
 *
 *   npm run compare-outputs -- capture DIR        writes the outputs into DIR (emptied first)
 *   npm run compare-outputs -- compare DIR1 DIR2  compares two captures; exit 1 on any difference
 *   npm run compare-outputs -- check BASELINE     captures into a temp folder and compares it with
 *                                                 BASELINE (the temp folder is kept if they differ)
 *
 * Capture the baseline on the commit before the change (`git stash` or a worktree of main), then
 * `check` it after every step. The fixtures: test/fixtures/seeds, examples, test/fixtures/bad, and
 * the layout corpus, the real-world corpora (test/fixtures/real-world, real-world-fix, budget-with-chart),
 * the 40-sheet workbook scripts/bench-check.ts generates, and a small workbook of odd amounts made
 * here (mkr with decimals, more than three decimals, amounts past 10^13, -0 and (0) as text) that
 * takes every path of the exact arithmetic. The seeds and the odd amounts are also run with
 * settings that reach the reserve staircase, the cost base, a given opening equity and a
 * municipal split. `budgetkoll diff` runs on pairs of seeds (diff/).
 *
 * For each fixture and settings, the folder holds:
 *   check-json.txt     `budgetkoll check --json`: exit status, stdout, stderr
 *   check-text.txt     `budgetkoll check` (the text report)
 *   report-en.json     the tables' reports with English messages (what the Excel pane shows in English)
 *   fingerprint.txt    the snapshot fingerprint of the analysis
 *   fix.txt            `budgetkoll fix`: exit status, stdout, stderr
 *   fix/…              every zip entry of the corrected copy (cell contents and XML, no zip timestamps)
 *   sections.txt       `budgetkoll sections`: exit status, stdout, stderr
 *   sections.json      the DocSection list the sections are built from
 *   docx/…             every zip entry of the .docx (the document's creation time masked)
 * The commands run in a scratch folder holding the input under its own name, so the paths they
 * print are the same in every capture.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main as cli } from '../src/cli/main';
import { memoryIo } from '../src/cli/io';
import { parseArgs } from '../src/cli/args';
import { settingsFromArgs } from '../src/cli/settingsArgs';
import { readWorkbookFile } from '../src/files/readWorkbookFile';
import { analyzeGrid } from '../src/core/analyze';
import { tableReport } from '../src/core/report';
import { analysisFingerprint } from '../src/core/snapshot';
import { buildSections } from '../src/core/sections/buildSections';
import { generateWorkbook } from './bench-check';
import { findRoot } from './findRoot';

const ROOT = findRoot(__dirname);

/** Settings the seeds are checked with besides the defaults: every rule that takes a setting. */
const SEED_VARIANTS: Record<string, string[]> = {
  'reserve-steps-costs': ['--reserve-brackets', '5000000:20,20000000:15,:10', '--reserve-base', 'costs'],
  'reserve-steps-allocation': ['--reserve-brackets', '3000:5,:25'],
  'opening-equity': ['--opening-equity', '2023=4000', '--reserve-percent', '30'],
  'municipal-split': ['--municipal-split', 'Järfälla=40,Sundbyberg=42,Upplands-Bro=18'],
};

const WORKBOOK = /\.xls[xm]$/;

/** Versions compared with `budgetkoll diff`: the preliminary and the adopted Lund budget, both ways, and one with itself. */
const DIFF_PAIRS: [string, string][] = [
  ['seed-000-lund-prel.xlsx', 'seed-001-lund-antagen.xlsx'],
  ['seed-001-lund-antagen.xlsx', 'seed-000-lund-prel.xlsx'],
  ['seed-002-bksv.xlsx', 'seed-002-bksv.xlsx'],
];

interface Fixture {
  /** Where its outputs go, relative to the capture folder. */
  name: string;
  file: string;
  variants: Record<string, string[]>;
}

function fixturesIn(dir: string, group: string, variants: Record<string, string[]> = {}, only: RegExp = /(?<!\.md)$/): Fixture[] {
  return fs.readdirSync(path.join(ROOT, dir)).filter((f) => only.test(f) && !f.endsWith('.md')).sort()
    .map((f) => ({ name: `${group}/${f}`, file: path.join(ROOT, dir, f), variants: { default: [], ...variants } }));
}

async function fixtures(scratch: string): Promise<Fixture[]> {
  const bench = path.join(scratch, 'bench-100k.xlsx');
  await generateWorkbook(bench);
  const odd = path.join(scratch, 'udda-belopp.xlsx');
  await oddAmountsWorkbook(odd);
  return [
    ...fixturesIn('test/fixtures/seeds', 'seeds', SEED_VARIANTS),
    ...fixturesIn('examples', 'examples'),
    ...fixturesIn('test/fixtures/bad', 'bad'),
    // Budgets as other förbund write them, and real workbooks from other programs.
    ...fixturesIn('test/fixtures/layouts', 'layouts', {}, WORKBOOK),
    ...fixturesIn('test/fixtures/real-world', 'real-world', {}, WORKBOOK),
    ...fixturesIn('test/fixtures/real-world-fix', 'real-world-fix', {}, WORKBOOK),
    ...fixturesIn('test/fixtures/budget-with-chart', 'budget-with-chart', {}, WORKBOOK),
    { name: 'bench/bench-100k.xlsx', file: bench, variants: { default: [] } },
    { name: 'odd/udda-belopp.xlsx', file: odd, variants: { default: [], ...SEED_VARIANTS, 'opening-equity-odd': ['--opening-equity', '2024=0,0005'] } },
  ];
}

type Row = (string | number | null)[];

/** A title, a header of years, and labelled rows of figures. */
function equityTable(title: string, years: number[], rows: [string, Row][]): Row[] {
  return [[title], [], [null, years[0], ...years.slice(1).map((y) => `Plan ${y}`)], ...rows.map(([label, values]) => [label, ...values])];
}

/**
 * Amounts the seeds never have, each table in a sheet of its own: the arithmetic's every path
 * (whole thousandths, finer amounts, amounts too large for them, signed zeros) shows in the outputs.
 */
export async function oddAmountsWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2024, 0, 1));
  wb.created = fixed;
  wb.modified = fixed;
  const years = [2024, 2025, 2026];
  const sheets: [string, Row[]][] = [
    // mkr: one decimal is the unit's rounding (0,1), so 0,05 is rounding and 0,2 an error.
    ['Mkr', equityTable('Budget 2024 med plan 2025–2026 (mkr)', years, [
      ['Intäkter', [null, null, null]], ['Staten', [5.2, 5.3, 5.4]], ['Region', [2.6, 2.65, 2.7]], ['Kommunerna', [2.6, 2.65, 2.75]],
      ['Summa intäkter', [10.4, 10.6, 10.95]], ['Kostnader', [null, null, null]], ['Personal', [6.1, 6.2, 6.3]], ['Lokaler', [1.05, 1.1, 1.2]],
      ['Summa kostnader', [7.1, 7.3, 7.7]], ['Resultat', [3.3, 3.3, 3.25]], ['Ingående eget kapital', [2, 5.3, 8.7]], ['Utgående eget kapital', [5.3, 8.6, 11.95]],
    ])],
    // More than three decimals: sums of them are not whole thousandths.
    ['Decimaler', equityTable('Budget 2024 (tkr)', years, [
      ['Intäkter', [null, null, null]], ['Staten', [500.0002, 520.12345, 540]], ['Region', [250.0001, 260.061725, 200.0004]], ['Lunds kommun', [250.00005, 260.061725, 339.9996]],
      ['ESF', [10.0000001, 0, 0.0004]], ['Summa intäkter', [1010.00035, 1040.2469, 1080.0005]],
      ['Kostnader', [null, null, null]], ['Förbundschef', [900.3333, 950.6667, 1000.0001]], ['Insatser', [200.1, 250.0004, 300]],
      ['Summa kostnader', [1100.4333, 1200.6671, 1300.0001]], ['Resultat', [-90.43295, -160.4202, -219.9996]],
      ['Ingående eget kapital', [1000.0001, 909.56715, 749.14695]], ['Utgående eget kapital', [909.56715, 749.14695, 529.14735]],
    ])],
    // Kronor past 10^13 (past whole thousandths in a safe integer), and past 10^20.
    ['Stora belopp', equityTable('Budget 2024 (kr)', years, [
      ['Intäkter', [null, null, null]], ['Staten', [12345678901234, 9e15, 1e20]], ['Region', [6172839450617, 4.5e15, 5e19]], ['Kommunen', [6172839450617, 4.5e15, 5e19]],
      ['Summa intäkter', [24691357802468, 1.8e16, 2e20]], ['Kostnader', [null, null, null]], ['Personal', [20000000000000, 1.7e16, 1.5e20]],
      ['Lokaler', [4691357802468.5, 1e15, 4e19]], ['Summa kostnader', [24691357802468.5, 1.8e16, 1.9e20]], ['Resultat', [-0.5, 0, 1e19]],
      ['Ingående eget kapital', [3e13, 29999999999999.5, 29999999999999.5]], ['Utgående eget kapital', [29999999999999.5, 29999999999999.5, 1.00000299999999e19]],
    ])],
    // Numbers typed as text, signed zeros among them, and thousandths that sum to a zero.
    ['Text', equityTable('Budget 2024 (tkr)', years, [
      ['Intäkter', [null, null, null]], ['Staten', ['1 000', '(0)', '-0']], ['Region Skåne', ['500', '-0', 0]], ['Lunds kommun', ['500,0005', 0, '(0)']],
      ['Summa intäkter', [2000, 0, 0]], ['Kostnader', [null, null, null]], ['Lokaler', ['0,001', '-0,001', '-0']], ['Personal', [1999.999, 0.001, 0]],
      ['Summa kostnader', [2000, 0, 0]], ['Resultat', [0, 0, 0]], ['Ingående eget kapital', ['-0', '(0)', 0]], ['Utgående eget kapital', [0, 0, '-0']],
    ])],
  ];
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    }));
  }
  await wb.xlsx.writeFile(file);
}

async function runCli(args: string[]): Promise<string> {
  const io = memoryIo();
  const code = await cli(args, io);
  return `exit: ${code}\n--- stdout\n${io.stdout}--- stderr\n${io.stderr}`;
}

/** Every entry of a zip as a file under `dir`; `mask` rewrites an entry's text first. */
async function writeEntries(bytes: Uint8Array, dir: string, mask: (name: string, text: string) => string = (_n, t) => t): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // A damaged entry of the original (a fuzzed file the reader still reads) is copied as it was.
    const data = await entry.async('uint8array').catch((e: Error) => Buffer.from(`(entry unreadable: ${e.message})\n`));
    const isText = /\.(xml|rels)$/.test(name);
    fs.writeFileSync(target, isText ? mask(name, Buffer.from(data).toString('utf8')) : data);
  }
}

/** The .docx records when it was made: the one part of it that differs from run to run. */
const maskDocxTimes = (name: string, text: string): string => (name === 'docProps/core.xml'
  ? text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, '$1(masked)$2')
  : text);

async function captureOne(fixture: Fixture, variant: string, settingsArgs: string[], out: string, work: string): Promise<void> {
  const dir = path.join(out, fixture.name, variant);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const input = path.basename(fixture.file);
  fs.copyFileSync(fixture.file, path.join(work, input));
  const cwd = process.cwd();
  process.chdir(work);
  try {
    fs.writeFileSync(path.join(dir, 'check-json.txt'), await runCli(['check', input, '--json', ...settingsArgs]));
    fs.writeFileSync(path.join(dir, 'check-text.txt'), await runCli(['check', input, ...settingsArgs]));
    fs.writeFileSync(path.join(dir, 'fix.txt'), await runCli(['fix', input, '-o', 'rattad.xlsx', ...settingsArgs]));
    if (fs.existsSync('rattad.xlsx')) await writeEntries(fs.readFileSync('rattad.xlsx'), path.join(dir, 'fix'));
    fs.writeFileSync(path.join(dir, 'sections.txt'), await runCli(['sections', input, '-o', 'avsnitt.docx', ...settingsArgs]));
    if (fs.existsSync('avsnitt.docx')) await writeEntries(fs.readFileSync('avsnitt.docx'), path.join(dir, 'docx'), maskDocxTimes);
    await captureEngine(input, settingsArgs, dir);
  } finally {
    process.chdir(cwd);
  }
}

/** What the panes take from the engine directly: English reports, the fingerprint, the sections. */
async function captureEngine(input: string, settingsArgs: string[], dir: string): Promise<void> {
  const settings = settingsFromArgs(parseArgs(['check', input, ...settingsArgs]));
  const read = await readWorkbookFile(input);
  if (!settings.ok || !read.ok) return;
  const analysis = analyzeGrid(read.value, settings.value);
  fs.writeFileSync(path.join(dir, 'report-en.json'), `${JSON.stringify(analysis.tables.map((t) => tableReport(t, 'en')), null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'fingerprint.txt'), `${analysisFingerprint(analysis)}\n`);
  fs.writeFileSync(path.join(dir, 'sections.json'), `${JSON.stringify(buildSections(analysis), null, 2)}\n`);
}

/** `budgetkoll diff` of each pair, in JSON and as text. */
async function captureDiffs(out: string, work: string): Promise<void> {
  const seeds = path.join(ROOT, 'test/fixtures/seeds');
  for (const [older, newer] of DIFF_PAIRS) {
    const dir = path.join(out, 'diff', `${older.replace(/\.xlsx$/, '')}--${newer.replace(/\.xlsx$/, '')}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(path.join(work, 'old'), { recursive: true });
    fs.mkdirSync(path.join(work, 'new'), { recursive: true });
    fs.copyFileSync(path.join(seeds, older), path.join(work, 'old', older));
    fs.copyFileSync(path.join(seeds, newer), path.join(work, 'new', newer));
    const cwd = process.cwd();
    process.chdir(work);
    try {
      fs.writeFileSync(path.join(dir, 'diff-json.txt'), await runCli(['diff', `old/${older}`, `new/${newer}`, '--json']));
      fs.writeFileSync(path.join(dir, 'diff-text.txt'), await runCli(['diff', `old/${older}`, `new/${newer}`]));
    } finally {
      process.chdir(cwd);
    }
  }
}

async function capture(out: string): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-compare-'));
  try {
    const list = await fixtures(scratch);
    const started = Date.now();
    for (const fixture of list) {
      for (const [variant, args] of Object.entries(fixture.variants)) await captureOne(fixture, variant, args, out, path.join(scratch, 'work'));
    }
    await captureDiffs(out, path.join(scratch, 'work'));
    const count = list.reduce((n, f) => n + Object.keys(f.variants).length, 0);
    console.log(`Captured ${count} runs of ${list.length} fixtures into ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(prefix, e.name);
    return e.isDirectory() ? filesUnder(dir, rel) : [rel];
  }).sort();
}

/** The first line where two texts part, for the report. */
function firstDifference(a: Buffer, b: Buffer): string {
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n      - ${(la[i] ?? '(none)').slice(0, 300)}\n      + ${(lb[i] ?? '(none)').slice(0, 300)}`;
  }
  return 'the bytes differ';
}

function compare(a: string, b: string): boolean {
  const filesA = filesUnder(a);
  const filesB = filesUnder(b);
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  const problems: string[] = [];
  for (const f of filesA) if (!inB.has(f)) problems.push(`only in ${a}: ${f}`);
  for (const f of filesB) if (!inA.has(f)) problems.push(`only in ${b}: ${f}`);
  for (const f of filesA) {
    if (!inB.has(f)) continue;
    const x = fs.readFileSync(path.join(a, f));
    const y = fs.readFileSync(path.join(b, f));
    if (!x.equals(y)) problems.push(`differs: ${f}\n    ${firstDifference(x, y)}`);
  }
  if (problems.length === 0) {
    console.log(`Output identical: ${filesA.length} files in ${a} and ${b}.`);
    return true;
  }
  console.log(`${problems.length} difference(s) between ${a} and ${b}:`);
  for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
  if (problems.length > 50) console.log(`  … and ${problems.length - 50} more`);
  return false;
}

async function run(argv: string[]): Promise<number> {
  const [command, first, second] = argv;
  if (command === 'capture' && first) {
    await capture(path.resolve(first));
    return 0;
  }
  if (command === 'compare' && first && second) return compare(path.resolve(first), path.resolve(second)) ? 0 : 1;
  if (command === 'check' && first) {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-outputs-'));
    await capture(fresh);
    const same = compare(path.resolve(first), fresh);
    if (same) fs.rmSync(fresh, { recursive: true, force: true });
    else console.log(`The new outputs are kept in ${fresh}.`);
    return same ? 0 : 1;
  }
  console.error('Usage: compare-outputs capture DIR | compare DIR1 DIR2 | check BASELINE');
  return 2;
}

if (require.main === module) run(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
