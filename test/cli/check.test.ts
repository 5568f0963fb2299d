import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';
import type { CheckReport } from '../../src/core/report';
import { SEEDS_DIR } from '../helpers/seeds';

const seed = (name: string) => path.join(SEEDS_DIR, name);
const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeTmp(name: string, data: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('budgetkoll check --json', () => {
  it('follows the contract: version, files, tables, columns, rows, findings', async () => {
    const { code, stdout, stderr } = await run('check', seed('seed-000-lund-prel.xlsx'), '--json');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.version).toBe(1);
    const [file] = report.files;
    expect(file.error).toBeNull();
    const [table] = file.tables;
    expect(table).toMatchObject({ sheet: 'Budget 2024', range: 'A4:E31', title: 'BUDGET för 2024', unit: 'tkr' });
    expect(table.columns[0]).toEqual({ cell: 'B4', header: '2023(prel.)', year: 2023, kind: 'budget' });
    expect(table.rows.find((r) => r.label === 'Summa intäkter')).toEqual({ row: 11, label: 'Summa intäkter', role: 'total' });
    const mismatch = table.findings.find((f) => f.cell === 'C30')!;
    expect(mismatch).toEqual({
      code: 'sum-mismatch', severity: 'error', cell: 'C30', row: 'Summa kostnader', year: 2024,
      stated: '14065', expected: '14060', difference: '5', recomputed: '14060', causedBy: null,
      affects: ['D12', 'D13', 'D31', 'E12', 'E13', 'E31'],
      message: 'Summa kostnader 2024 är 14 065 tkr men raderna summerar till 14 060 tkr.',
    });
    expect(Array.isArray(table.equity) && Array.isArray(table.shares)).toBe(true);
  });

  it('exits 0 when there is no error, only warnings or notes', async () => {
    const { code, stdout } = await run('check', seed('seed-004-sodra-lappland.xlsx'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].tables[0].findings.map((f: { code: string }) => f.code)).toContain('title-years-mismatch');
  });

  it('checks only the sheet named by --sheet', async () => {
    const other = await run('check', seed('seed-002-bksv.xlsx'), '--json', '--sheet', 'Info');
    expect(JSON.parse(other.stdout).files[0].tables).toEqual([]);
    const budget = await run('check', seed('seed-002-bksv.xlsx'), '--json', '--sheet=Budget');
    expect(JSON.parse(budget.stdout).files[0].tables).toHaveLength(1);
  });
});

describe('budgetkoll check (readable report)', () => {
  it('groups by file and table, in Swedish, with cell, stated and expected', async () => {
    const { code, stdout } = await run('check', seed('seed-001-lund-antagen.xlsx'));
    expect(code).toBe(1);
    expect(stdout).toContain('Blad ”Budget 2024”, A3:E36 – BUDGET för 2024 (tkr; 2023, 2024, 2025, 2026)');
    expect(stdout).toContain('FEL     C10   Summa intäkter 2024 är 12 930 tkr men raderna summerar till 12 970 tkr.');
    expect(stdout).toContain('VARNING C12   Tillgängliga medel 2024 (16 392 tkr) stämmer inte med raderna ovanför (16 352 tkr), men blir rätt när Summa intäkter 2024 är rättad – ett följdfel.');
    expect(stdout).toContain('Orsak: C10.');
    expect(stdout).toMatch(/Sammanfattning: 1 fil, 1 tabell, 2 fel, 4 varningar, 2 info\./);
  });

  it('keeps the equity table\'s amounts in kronor with öre apart (`1 234 997,53   1 019 408,48`, not run together)', async () => {
    const { stdout } = await run('check', path.join(__dirname, '..', 'fixtures', 'layouts', 'l05-kronor-med-ore.xlsx'));
    const line = (label: string) => stdout.split('\n').find((l) => l.trimStart().startsWith(label))!;
    // Each amount is grouped by single spaces; two or more part one amount from the next.
    expect(line('Ingående').trim().split(/\s{2,}/)).toEqual(['Ingående', '1 234 997,53', '1 019 408,48', '729 408,48']);
    // Every amount with öre when one has them: the decimal commas stand under each other.
    expect(line('− Kostnader').trim().split(/\s{2,}/)).toEqual(['− Kostnader', '3 120 214,05', '3 250 000,00', '3 325 000,00']);
    expect(new Set(['Ingående', '+ Intäkter', '− Kostnader', '= Utgående', 'Riktvärde', 'Över riktvärdet'].map((l) => line(l).lastIndexOf(',')))).toHaveProperty('size', 1);
    // The years stand over their amounts.
    expect(line('2025').length).toBe(line('Ingående').length);
  });
});

describe('files it cannot read', () => {
  it.each([
    ['saknas.xlsx', null, 'filen finns inte'],
    ['text.xlsx', 'inte en arbetsbok', 'ingen Excel-arbetsbok'],
    ['gammal.xls', Buffer.concat([OLE, Buffer.alloc(504)]), 'äldre Excel-formatet (.xls)'],
    ['krypterad.xlsx', Buffer.concat([OLE, Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')]), 'lösenordsskyddad'],
    ['data.csv', 'År;Belopp\n2024;100\n', 'CSV'],
    ['kalkyl.ods', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]), 'OpenDocument'],
    ['trasig.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), 'skadad'],
    ['tom.xlsx', '', 'tom'],
  ])('%s: exit 2, one line on stderr naming the file and the reason, no stack trace', async (name, data, reason) => {
    const file = data === null ? path.join(tmp, name) : writeTmp(name, data);
    const { code, stderr } = await run('check', file, '--json');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(name);
    expect(stderr).toContain(reason);
    expect(stderr).not.toMatch(/\bat \S+ \(|Error:/);
  });

  it('still reports the files it could read, with the error in the JSON of the other', async () => {
    const { code, stdout } = await run('check', path.join(tmp, 'saknas.xlsx'), seed('seed-003-samsund.xlsx'), '--json');
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.files.map((f) => [path.basename(f.file), f.error, f.tables.length])).toEqual([
      ['saknas.xlsx', 'filen finns inte', 0],
      ['seed-003-samsund.xlsx', null, 1],
    ]);
  });

  it.each([
    [['check'], 'ange minst en'],
    [['check', 'a.xlsx', '--okänd'], 'okänt val: --okänd'],
    [['check', 'a.xlsx', '--sheet'], '--sheet behöver ett värde'],
    [['kontrollera'], 'okänt kommando'],
  ])('bad arguments %j: exit 2 with a clear message', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('the installed command', () => {
  const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  it('runs as bin/budgetkoll.js, and never writes its input', async () => {
    const input = path.join(tmp, 'budget.xlsx');
    fs.copyFileSync(seed('seed-002-bksv.xlsx'), input);
    const before = { hash: sha(input), mtime: fs.statSync(input).mtimeMs };
    const bin = path.join(__dirname, '..', '..', 'bin', 'budgetkoll.js');
    const result = await promisify(execFile)(process.execPath, [bin, 'check', input, '--json']).catch((e) => e);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).files[0].tables[0].findings[0].cell).toBe('B24');
    expect({ hash: sha(input), mtime: fs.statSync(input).mtimeMs }).toEqual(before);
  });
});

describe('equity on the command line', () => {
  it('reports equity and shares per year as the contract shows (seed 004, 2024)', async () => {
    const { stdout } = await run('check', seed('seed-004-sodra-lappland.xlsx'), '--json');
    const [table] = (JSON.parse(stdout) as CheckReport).files[0].tables;
    expect(table.equity[1]).toMatchObject({ year: 2024, opening: '2096', income: '4052', costs: '4483', closing: '1665', limit: '750.4', excess: '914.6', source: 'stated' });
    expect(table.equity[3]).toMatchObject({ year: 2026, closing: '1027', source: 'projected' });
    expect(table.shares[0]).toMatchObject({ year: 2023, state: '0.5', region: '0.25', municipalities: '0.25' });
  });

  it('projects a table without equity from --opening-equity, and prints the equity table', async () => {
    const { stdout, code } = await run('check', seed('seed-003-samsund.xlsx'), '--opening-equity', '2023=4000');
    expect(code).toBe(0);
    // One decimal in every amount, as the reserve limit 1 215,8 has; the projected closings starred
    // after the amount, which still ends in its column.
    expect(stdout).toMatch(/= Utgående\s+5 028,0\*\s+3 455,0\*\s+2 275,0\*\s+2 415,0\*/);
    const lines = stdout.split('\n');
    const closing = lines.find((l) => l.includes('= Utgående'))!;
    const opening = lines.find((l) => l.includes('Ingående  '))!;
    expect(closing.length).toBe(opening.length + 1);
    expect(closing.lastIndexOf(',')).toBe(opening.lastIndexOf(','));
    const json = await run('check', seed('seed-003-samsund.xlsx'), '--opening-equity=2023=4000', '--reserve-percent', '30', '--json');
    const [table] = (JSON.parse(json.stdout) as CheckReport).files[0].tables;
    expect(table.equity.map((e) => [e.year, e.closing, e.limit])).toEqual([[2023, '5028', '1875'], [2024, '3455', '1823.7'], [2025, '2275', '1875'], [2026, '2415', '1875']]);
  });

  it('asks for the opening equity when a table has a result but no equity', async () => {
    const { stdout } = await run('check', seed('seed-003-samsund.xlsx'));
    expect(stdout).toContain('ange det med --opening-equity ÅR=BELOPP');
  });

  it.each([
    [['--opening-equity', '4000'], 'ÅR=BELOPP'],
    [['--reserve-percent', '120'], 'mellan 0 och 100'],
    [['--reserve-base', 'intäkter'], 'allocation'],
    [['--reserve-brackets', 'tio:20'], 'TILLDELNING_KR:PROCENT'],
    [['--municipal-split', 'Järfälla=50,Sundbyberg=30'], '100 procent'],
    [['--reserve-percent', '20', '--reserve-brackets', ':20'], 'inte båda'],
  ])('rejects %j with exit 2', async (options, message) => {
    const { code, stderr } = await run('check', seed('seed-003-samsund.xlsx'), ...options);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('uses --reserve-brackets and --municipal-split', async () => {
    const { stdout } = await run('check', seed('seed-000-lund-prel.xlsx'), '--json', '--reserve-brackets', '5000000:20,:10');
    expect((JSON.parse(stdout) as CheckReport).files[0].tables[0].equity[0]).toMatchObject({ limit: '737', excess: '1503' });
    const split = await run('check', seed('seed-003-samsund.xlsx'), '--json', '--municipal-split', 'Järfälla=40,Sundbyberg=42,Upplands-Bro=18');
    const findings = (JSON.parse(split.stdout) as CheckReport).files[0].tables[0].findings.filter((f) => f.code === 'share-deviation');
    // The 2023 forecast column (C) speaks for 2023 in the chain.
    expect(findings.map((f) => [f.cell, f.row])).toContainEqual(['C8', 'Järfälla']);
  });
});
