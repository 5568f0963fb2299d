/**
 * The bad-input corpus (test/fixtures/badCorpus.ts, files in test/fixtures/bad/) through the
 * built command, `node bin/budgetkoll.js check FILE --json`, as a user runs it: the exit code,
 * one Swedish line on stderr and no stack trace, JSON that parses, the findings the corpus
 * expects, the input untouched, and no hang. The corrected copy (`fix`) of every readable case
 * is made too: it never throws, and fixing it again changes nothing.
 *
 * The command is the built one (`npm run build:cli`, which `npm test` runs first).
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';
import type { CheckReport, FileReport } from '../../src/core/report';
import { analyzeGrid } from '../../src/core/analyze';
import { BAD_DIR, CASES, type BadCase, type TableExpectation } from '../fixtures/badCorpus';
import { SEEDS_DIR } from '../helpers/seeds';
import { fixChecked, gridOf } from '../helpers/fixChecked';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'budgetkoll.js');
const CONCURRENCY = Math.max(2, Math.min(4, os.cpus().length));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** `node bin/budgetkoll.js …`, killed after `seconds` (a hang is a failure, not a stuck test run). */
function runCli(args: string[], seconds: number): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, seconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  }));
  return results;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const STACK = /\n\s+at |\bat \S+ \(|\bat <anonymous>|Error:|node:internal/;

let tmp: string;
const fileOf = new Map<string, string>();
const runs = new Map<string, { run: Run; before: { hash: string; mtime: number }; after: { hash: string; mtime: number } }>();

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build/src/cli/main.js'))) throw new Error('the command is not built: run `npm run build:cli` first (npm test does).');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-bad-'));
  for (const c of CASES) {
    if (c.generated) {
      const file = path.join(tmp, c.file);
      fs.writeFileSync(file, await (c.build as () => Promise<Buffer>)());
      fileOf.set(c.file, file);
    } else {
      fileOf.set(c.file, path.join(ROOT, BAD_DIR, c.file));
    }
  }
  const stamp = (file: string) => ({ hash: sha256(file), mtime: fs.statSync(file).mtimeMs });
  await pool(CASES, CONCURRENCY, async (c) => {
    const file = fileOf.get(c.file)!;
    const before = stamp(file);
    const run = await runCli(['check', file, '--json'], c.seconds ?? 20);
    runs.set(c.file, { run, before, after: stamp(file) });
  });
}, 240_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  const timings = [...runs].map(([file, r]) => `${file} ${r.run.ms} ms`).join(', ');
  console.log(`bad-input corpus: ${runs.size} cases run by the built command; ${timings}`);
});

/** Errors and warnings as 'code@cell', sorted. */
const seriousFindings = (t: FileReport['tables'][number]) => t.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.cell}`).sort();

function tableView(t: FileReport['tables'][number], expected: TableExpectation): TableExpectation {
  return {
    sheet: t.sheet,
    ...(expected.range !== undefined ? { range: t.range } : {}),
    ...(expected.unit !== undefined ? { unit: t.unit } : {}),
    ...(expected.years !== undefined ? { years: t.columns.map((c) => c.year) } : {}),
    ...(expected.title !== undefined ? { title: t.title } : {}),
    findings: seriousFindings(t),
  };
}

function reportOf(c: BadCase): FileReport {
  const { run } = runs.get(c.file)!;
  const report = JSON.parse(run.stdout) as CheckReport;
  expect(report.version).toBe(1);
  expect(report.files).toHaveLength(1);
  expect(path.basename(report.files[0].file)).toBe(c.file);
  return report.files[0];
}

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (_name, c) => {
  it(`${c.what}: ${c.expect.exit === 2 ? 'exit 2 and one Swedish line' : `a report, exit ${c.expect.exit}`}; no crash, no stack trace, no hang, input unchanged`, () => {
    const { run, before, after } = runs.get(c.file)!;
    expect({ timedOut: run.timedOut, signal: run.code === null }).toEqual({ timedOut: false, signal: false });
    expect(after).toEqual(before);
    expect(run.stderr).not.toMatch(STACK);
    const file = reportOf(c);
    if (c.expect.exit === 2) {
      expect(run.code).toBe(2);
      const lines = run.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^budgetkoll: ${c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(lines[0]).toMatch(c.expect.reason);
      expect(lines[0]).toMatch(/[åäö]/); // Swedish, not an English library message
      expect(file.error).toMatch(c.expect.reason);
      expect(file.tables).toEqual([]);
    } else {
      expect(run.stderr).toBe('');
      expect(file.error).toBeNull();
      if (c.knownIssue) expect([0, 1]).toContain(run.code);
      else expect(run.code).toBe(c.expect.exit);
    }
  });

  if (c.expect.exit === 2) return;
  const expected = c.expect;

  (c.knownIssue ? it.failing : it)(`finds ${expected.tables.length} table(s) with the expected findings${c.knownIssue ? ` (known issue: ${c.knownIssue})` : ''}`, () => {
    const { run } = runs.get(c.file)!;
    const file = reportOf(c);
    expect(file.tables.map((t, i) => tableView(t, expected.tables[i] ?? { sheet: '', findings: [] }))).toEqual(expected.tables);
    expect(run.code).toBe(expected.exit);
  });

  if (c.generated) return;
  it('prints the readable report, and its corrected copy re-checks clean and is a fixed point', async () => {
    const input = fileOf.get(c.file)!;
    const io = memoryIo();
    const code = await main(['check', input], io);
    expect(code === 0 || code === 1).toBe(true);
    expect(io.stderr).toBe('');
    expect(io.stdout).toMatch(/Sammanfattning: 1 fil, /);

    const data = new Uint8Array(fs.readFileSync(input));
    const first = await fixChecked(data, c.file);
    const after = analyzeGrid(await gridOf(first.bytes, c.file)).tables.flatMap((t) => t.findings).filter((f) => f.code === 'sum-mismatch' || f.code === 'consequence');
    expect(after).toEqual([]);
    const second = await fixChecked(first.bytes, c.file);
    expect(second.fixes).toEqual([]);
  });
});

describe('files the command cannot get at', () => {
  it.each([
    ['saknas.xlsx', () => undefined, /filen finns inte/],
    ['en-mapp.xlsx', (file: string) => fs.mkdirSync(file), /det är en mapp, inte en fil/],
    // 51 MB without using the disk: a sparse file that starts like a zip.
    ['for-stor.xlsx', (file: string) => { fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04])); fs.truncateSync(file, 51 * 1024 * 1024); }, /filen är för stor \(51 MB\) – Budgetkoll läser arbetsböcker på högst 50 MB/],
  ])('%s: exit 2 and one line', async (name, make, reason) => {
    const file = path.join(tmp, name);
    make(file);
    const run = await runCli(['check', file], 20);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^budgetkoll: ${name.replace('.', '\\.')}: `));
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(STACK);
    // fix says the same, and writes nothing.
    const io = memoryIo();
    const output = path.join(tmp, `${name}-rattad.xlsx`);
    await expect(main(['fix', file, '-o', output], io)).resolves.toBe(2);
    expect(io.stderr).toBe(run.stderr);
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe('the whole corpus at once', () => {
  it('reports every file, one stderr line per unreadable one, and exits 2', async () => {
    const files = CASES.filter((c) => !c.generated).map((c) => fileOf.get(c.file)!);
    const run = await runCli(['check', ...files, '--json'], 120);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as CheckReport;
    expect(report.files.map((f) => path.basename(f.file))).toEqual(CASES.filter((c) => !c.generated).map((c) => c.file));
    const unreadable = report.files.filter((f) => f.error !== null).map((f) => path.basename(f.file));
    expect(unreadable).toEqual(CASES.filter((c) => !c.generated && c.expect.exit === 2).map((c) => c.file));
    expect(run.stderr.trim().split('\n').map((l) => l.split(':')[1].trim())).toEqual(unreadable);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('ends quietly when the reader stops early (`budgetkoll check … | head`)', async () => {
    const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(SEEDS_DIR, f));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      // About 100 KB of JSON: more than a pipe holds.
      const child = spawn(process.execPath, [BIN, 'check', ...seeds, '--json'], { cwd: ROOT });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
  });
});
