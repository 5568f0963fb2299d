import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';
import { SEEDS_DIR } from '../helpers/seeds';
import { gridCell, gridOf } from '../helpers/fixChecked';
import { expectValidPackage } from '../helpers/packageValidator';
import { entryDifferences } from '../helpers/zipEntries';

const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('budgetkoll fix', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-fix-'));
    fs.copyFileSync(path.join(SEEDS_DIR, 'seed-000-lund-prel.xlsx'), path.join(tmp, 'budget.xlsx'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the corrected copy to -o, never the input, and checks it clean', async () => {
    const input = path.join(tmp, 'budget.xlsx');
    const before = sha(input);
    const { code, stdout } = await run('fix', input, '-o', path.join(tmp, 'ut', 'rattad.xlsx'));
    expect(stdout).toContain('summor blev formler');
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);
    const copy = new Uint8Array(fs.readFileSync(path.join(tmp, 'ut', 'rattad.xlsx')));
    await expectValidPackage(copy, new Uint8Array(fs.readFileSync(input)));
    expect(gridCell(await gridOf(copy), 'Budget 2024', 'C30')).toMatchObject({ formula: 'SUM(C15:C29)', value: 14060 });
    const check = await run('check', path.join(tmp, 'ut', 'rattad.xlsx'), '--json');
    const codes = JSON.parse(check.stdout).files[0].tables[0].findings.map((f: { code: string }) => f.code);
    expect(codes.filter((c: string) => ['sum-mismatch', 'consequence', 'formula-omits-line'].includes(c))).toEqual([]);
  });

  it('names the copy FILE-rattad.xlsx by default', async () => {
    const { code } = await run('fix', path.join(tmp, 'budget.xlsx'));
    expect(code).toBe(0);
    await expectValidPackage(new Uint8Array(fs.readFileSync(path.join(tmp, 'budget-rattad.xlsx'))));
  });

  it('keeps a workbook with macros an .xlsm, its macros as they were', async () => {
    const input = path.join(tmp, 'makron.xlsm');
    fs.copyFileSync(path.join(SEEDS_DIR, '..', 'real-world-fix', 'ExcelWithAttachments.xlsm'), input);
    const { code, stdout } = await run('fix', input);
    expect(code).toBe(0);
    expect(stdout).toContain('makron-rattad.xlsm');
    const copy = new Uint8Array(fs.readFileSync(path.join(tmp, 'makron-rattad.xlsm')));
    const original = new Uint8Array(fs.readFileSync(input));
    await expectValidPackage(copy, original);
    expect(entryDifferences(original, copy).same).toContain('xl/vbaProject.bin');
  });

  it.each([
    [['fix'], 'exakt en'],
    [['fix', 'a.xlsx', 'b.xlsx'], 'exakt en'],
    [['fix', 'SAME', '-o', 'SAME'], 'aldrig över originalet'],
    [['fix', 'MISSING'], 'filen finns inte'],
  ])('%j: exit 2 with a clear message', async (argv, message) => {
    const args = argv.map((a) => (a === 'SAME' ? path.join(tmp, 'budget.xlsx') : a === 'MISSING' ? path.join(tmp, 'saknas.xlsx') : a));
    const before = sha(path.join(tmp, 'budget.xlsx'));
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(sha(path.join(tmp, 'budget.xlsx'))).toBe(before);
  });
});
