import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';
import type { DiffReport } from '../../src/core/compare/diffReport';
import { BASE, NEXT_YEAR, draftValues } from '../helpers/budgetDraft';
import { SEEDS_DIR } from '../helpers/seeds';
import { xlsxOfValues } from '../helpers/xlsxOfValues';

const seed = (name: string) => path.join(SEEDS_DIR, name);
const PREL = seed('seed-000-lund-prel.xlsx');
const ADOPTED = seed('seed-001-lund-antagen.xlsx');
const GOLDEN_DIR = path.join(__dirname, '..', 'golden');
const BIN = path.join(__dirname, '..', '..', 'bin', 'budgetkoll.js');

const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

/** The output with the seed folder left out, so the golden files read the same on every machine. */
const withoutFolder = (text: string) => text.split(`${SEEDS_DIR}${path.sep}`).join('');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-diff-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeTmp(name: string, data: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

// Golden files: the whole comparison of the preliminary and the adopted Lund budget, as a reader
// and a program get it. Regenerate deliberately with UPDATE_GOLDEN=1 and review the diff.
describe.each([
  ['text', [] as string[], 'diff-seed-000-001.txt'],
  ['JSON', ['--json'], 'diff-seed-000-001.json'],
])('budgetkoll diff 000 → 001 (%s)', (_, options, golden) => {
  it('matches the reviewed file, and exits 0', async () => {
    const { code, stdout, stderr } = await run('diff', PREL, ADOPTED, ...options);
    expect([code, stderr]).toEqual([0, '']);
    const file = path.join(GOLDEN_DIR, golden);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, withoutFolder(stdout));
    expect(withoutFolder(stdout)).toBe(fs.readFileSync(file, 'utf8'));
  });
});

describe('budgetkoll diff --json', () => {
  it('follows the contract: version 1, the files, and per table old, new, columns, lines, totals, equity, findings', async () => {
    const report = JSON.parse((await run('diff', PREL, ADOPTED, '--json')).stdout) as DiffReport;
    expect(Object.keys(report)).toEqual(['version', 'old', 'new', 'tables']);
    expect([report.version, report.old, report.new]).toEqual([1, PREL, ADOPTED]);
    const [table] = report.tables;
    expect(Object.keys(table)).toEqual(expect.arrayContaining(['old', 'new', 'columns', 'lines', 'totals', 'equity', 'findings']));
    expect(Object.keys(table.findings)).toEqual(['fixed', 'new', 'remaining']);
    const iris = table.lines.find((l) => l.label === 'IRIS (Övergripande)')!;
    expect(iris.changes.find((c) => c.year === 2024)).toMatchObject({ old: '1600', new: '2000', difference: '400' });
    expect(table.totals.find((t) => t.label === 'Summa kostnader' && t.year === 2024)).toMatchObject({ old: '14060', new: '14492', difference: '432' });
    // Amounts are strings, as in check --json.
    expect(JSON.stringify(report)).not.toMatch(/"(old|new|difference)":\s*-?\d/);
  });
});

describe('budgetkoll diff, the readable report', () => {
  it('groups by table, the biggest change first, in Swedish number format and the table\'s unit', async () => {
    const { stdout } = await run('diff', PREL, ADOPTED);
    expect(stdout).toContain('Blad ”Budget 2024”, A4:E31 → A3:E36 – BUDGET för 2024 (belopp i tkr)');
    expect(stdout).toContain('År: 2023(prel.) → 2023, 2024, 2025, 2026');
    const changed = stdout.split('Ändrade rader')[1].split('\n').slice(2, 5).map((l) => l.trim().split(/\s{2,}/)[0]);
    expect(changed).toEqual(['IRIS Insam', 'Administration', 'IRIS (Övergripande)']);
    expect(stdout).toMatch(/IRIS \(Övergripande\)\s+1 600 → 1 674 \(\+74\)\s+1 600 → 2 000 \(\+400\)/);
    expect(stdout).toMatch(/Summa kostnader\s+14 020 → 13 115 \(−905\)\s+14 060 → 14 492 \(\+432\)\s+13 520 → 14 022 \(\+502\)\s+2 810 → 2 912 \(\+102\)/);
    expect(stdout).toContain('(står 2 810 i båda)');
    expect(stdout).toMatch(/Finansiella intäkter och kostnader\s+1\n/);
    expect(stdout).toContain('Sammanfattning: 1 tabell jämförd; 16 rader ändrade, 1 ny, 0 borttagna, 4 oförändrade; 5 summor ändrade; fynd: 2 åtgärdade, 5 nya, 3 kvar.');
  });

  it('identical files: no changed amounts', async () => {
    const { code, stdout } = await run('diff', ADOPTED, ADOPTED);
    expect(code).toBe(0);
    expect(stdout).toContain('Inga ändrade belopp: alla 21 rader är desamma.');
    expect(stdout).not.toContain('Ändrade rader');
    expect(stdout).toContain('0 rader ändrade, 0 nya, 0 borttagna, 21 oförändrade; 0 summor ändrade; fynd: 0 åtgärdade, 0 nya, 8 kvar.');
  });

  it('a plan rolled forward a year, from workbooks built from literal grids', async () => {
    const before = writeTmp('plan-2024.xlsx', xlsxOfValues([{ name: 'Budget 2024', values: draftValues(BASE) }]));
    const after = writeTmp('plan-2025.xlsx', xlsxOfValues([{ name: 'Budget 2025', values: draftValues(NEXT_YEAR) }]));
    const { code, stdout } = await run('diff', before, after);
    expect(code).toBe(0);
    expect(stdout).toContain('Från blad ”Budget 2024”, A3:D20 till blad ”Budget 2025”, A3:D20 – Budget för 2025 (belopp i tkr)');
    expect(stdout).toContain('År: 2024 (bara i den tidigare), Plan 2025 → 2025, Plan 2026, Plan 2027 (bara i den nya)');
    expect(stdout).toMatch(/Kansli\s+2 100 → 2 150 \(\+50\)/);
    expect(stdout).toMatch(/Budgeterat resultat 2025\s+500 → 450 \(−50\)/);
    expect(stdout).toMatch(/ny\s+–\s+1 400\s+1 850\s+2 350/);
  });
});

describe('settings, as check takes them', () => {
  it('--opening-equity gives Samsund its equity chain in both versions', async () => {
    const samsund = seed('seed-003-samsund.xlsx');
    const without = JSON.parse((await run('diff', samsund, samsund, '--json')).stdout) as DiffReport;
    expect(without.tables[0].equity).toEqual([]);
    const withEquity = JSON.parse((await run('diff', samsund, samsund, '--json', '--opening-equity', '2023=4000')).stdout) as DiffReport;
    expect(withEquity.tables[0].equity.map((e) => [e.year, e.old, e.difference])).toEqual([[2023, '5028', '0'], [2024, '3455', '0'], [2025, '2275', '0'], [2026, '2415', '0']]);
  });

  it('--sheet compares only that sheet of both files', async () => {
    const bksv = seed('seed-002-bksv.xlsx');
    const { code, stdout } = await run('diff', bksv, bksv, '--sheet', 'Info');
    expect(code).toBe(0);
    expect(stdout).toContain('Ingen budgettabell hittades i någon av filerna.');
  });

  it('a bad setting: exit 2 with the reason', async () => {
    const { code, stderr } = await run('diff', PREL, ADOPTED, '--reserve-percent', '120');
    expect(code).toBe(2);
    expect(stderr).toContain('mellan 0 och 100');
  });
});

describe('files it cannot read', () => {
  it.each([
    ['saknas.xlsx', null, 'filen finns inte'],
    ['text.xlsx', 'inte en arbetsbok', 'ingen Excel-arbetsbok'],
    ['data.csv', 'År;Belopp\n2024;100\n', 'CSV'],
  ])('%s: exit 2, one line on stderr naming the file and the reason, no stack trace', async (name, data, reason) => {
    const file = data === null ? path.join(tmp, name) : writeTmp(name, data);
    for (const argv of [['diff', file, ADOPTED], ['diff', PREL, file, '--json']]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr.startsWith(`budgetkoll: ${name}: `)).toBe(true);
      expect(stderr).toContain(reason);
      expect(stderr).not.toMatch(/\bat \S+ \(|Error:/);
    }
  });

  it('names each file it cannot read, one line each', async () => {
    const { code, stderr } = await run('diff', path.join(tmp, 'a.xlsx'), path.join(tmp, 'b.xlsx'));
    expect(code).toBe(2);
    expect(stderr).toBe('budgetkoll: a.xlsx: filen finns inte\nbudgetkoll: b.xlsx: filen finns inte\n');
  });

  it('is in the help', async () => {
    const { code, stdout } = await run('help');
    expect(code).toBe(0);
    expect(stdout).toContain('budgetkoll diff TIDIGARE.xlsx NY.xlsx [--json]');
  });

  it.each([[['diff']], [['diff', 'a.xlsx']], [['diff', 'a.xlsx', 'b.xlsx', 'c.xlsx']]])('%j: exit 2, asks for two files', async (argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain('ange två .xlsx-filer');
  });
});

describe('the installed command', () => {
  const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  it('runs as bin/budgetkoll.js diff, exits 0, and never writes its inputs', async () => {
    const inputs = [writeTmp('prel.xlsx', fs.readFileSync(PREL)), writeTmp('antagen.xlsx', fs.readFileSync(ADOPTED))];
    const hashes = inputs.map(sha);
    const result = await promisify(execFile)(process.execPath, [BIN, 'diff', ...inputs, '--json']);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.tables[0].counts).toEqual({ changed: 16, added: 1, removed: 0, unchanged: 4 });
    expect(inputs.map(sha)).toEqual(hashes);
    const failed = await promisify(execFile)(process.execPath, [BIN, 'diff', inputs[0], path.join(tmp, 'saknas.xlsx')]).catch((e) => e);
    expect([failed.code, failed.stderr]).toEqual([2, 'budgetkoll: saknas.xlsx: filen finns inte\n']);
  });
});
