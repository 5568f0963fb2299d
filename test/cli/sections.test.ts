import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';
import { bodyParagraphs, docxParts, tables } from '../helpers/docx';
import { SEEDS_DIR } from '../helpers/seeds';

const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const headings = async (file: string) => bodyParagraphs((await docxParts(new Uint8Array(fs.readFileSync(file)))).document).filter((p) => p.style === 'Heading1').map((p) => p.text);

describe('budgetkoll sections', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-sections-'));
    fs.copyFileSync(path.join(SEEDS_DIR, 'seed-000-lund-prel.xlsx'), path.join(tmp, 'budget.xlsx'));
    fs.copyFileSync(path.join(SEEDS_DIR, 'seed-003-samsund.xlsx'), path.join(tmp, 'samsund.xlsx'));
    fs.copyFileSync(path.join(SEEDS_DIR, 'seed-001-lund-antagen.xlsx'), path.join(tmp, 'antagen.xlsx'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the six sections to -o as a Word document, says the budget has errors, and leaves the input alone', async () => {
    const input = path.join(tmp, 'budget.xlsx');
    const before = sha(input);
    const output = path.join(tmp, 'ut', 'plan.docx');
    const { code, stdout, stderr } = await run('sections', input, '-o', output);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(`Skrev ${output}: 6 avsnitt för verksamhetsplanen.`);
    expect(stdout).toContain('Observera: budgettabellen innehåller 2 fel – avsnitten säger det och bygger på omräknade summor.');
    expect(sha(input)).toBe(before);
    expect(await headings(output)).toEqual(['Samordningsförbundets uppdrag', 'Budget 2024 med plan 2025–2026', 'Budgetkommentar', 'Eget kapital och reservnivå', 'Fördelning av medel', 'Förslag till beslut']);
  });

  it('names the document FILE-avsnitt.docx by default, next to the input; no warning for a budget without errors', async () => {
    const { code, stdout } = await run('sections', path.join(tmp, 'samsund.xlsx'));
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(tmp, 'samsund-avsnitt.docx'))).toBe(true);
    expect(stdout).not.toContain('Observera');
  });

  it('takes the förbund\'s name from --forbund and the settings of check', async () => {
    const output = path.join(tmp, 'samsund.docx');
    const { code } = await run('sections', path.join(tmp, 'samsund.xlsx'), '-o', output, '--forbund', 'Samordningsförbundet Samsund', '--opening-equity', '2023=4000', '--sheet', 'Budget 2024-2026');
    expect(code).toBe(0);
    const texts = bodyParagraphs((await docxParts(new Uint8Array(fs.readFileSync(output)))).document).map((p) => p.text);
    expect(texts).toContain('Samordningsförbundet Samsund. Belopp i tkr.');
  });

  it.each([
    [['sections'], 'exakt en'],
    [['sections', 'a.xlsx', 'b.xlsx'], 'exakt en'],
    [['sections', 'SAME', '-o', 'SAME'], 'aldrig över originalet'],
    [['sections', 'SAME', '-o', 'OTHER_XLSX'], 'slutar på .docx'],
    [['sections', 'MISSING'], 'filen finns inte'],
    [['sections', 'SAME', '--sheet', 'Finns inte'], 'ingen budgettabell hittades på bladet ”Finns inte”'],
    [['sections', 'SAME', '--reserve-percent', 'tjugo'], 'budgetkoll sections:'],
    [['sections', 'SAME', '--forbund'], '--forbund behöver ett värde'],
    [['sections', 'SAME', '--threshold', '100'], '--threshold gäller avsnittet om förändringar: ange också --compare TIDIGARE.xlsx.'],
    [['sections', 'SAME', '--compare', 'MISSING'], 'saknas.xlsx: filen finns inte'],
    [['sections', 'SAME', '--compare', 'OTHER_XLSX', '--threshold', 'mycket'], '--threshold: gränsen ska vara ett belopp i tkr (fick ”mycket”)'],
  ])('%j: exit 2 with a clear message, nothing written', async (argv, message) => {
    const input = path.join(tmp, 'budget.xlsx');
    const args = argv.map((a) => (a === 'SAME' ? input : a === 'MISSING' ? path.join(tmp, 'saknas.xlsx') : a === 'OTHER_XLSX' ? path.join(tmp, 'samsund.xlsx') : a));
    const before = [sha(input), sha(path.join(tmp, 'samsund.xlsx'))];
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.startsWith('budgetkoll')).toBe(true);
    expect([sha(input), sha(path.join(tmp, 'samsund.xlsx'))]).toEqual(before);
    expect(fs.readdirSync(tmp).sort()).toEqual(['antagen.xlsx', 'budget.xlsx', 'samsund.xlsx']);
  });

  it('is in the usage text', async () => {
    const { stdout } = await run('help');
    expect(stdout).toContain('budgetkoll sections FIL.xlsx [-o UTFIL.docx] [--forbund NAMN] [--compare TIDIGARE.xlsx [--threshold N]]');
  });

  it('with --compare adds the changes since the earlier version after the budget comment, from 100 tkr by default or from --threshold', async () => {
    const input = path.join(tmp, 'antagen.xlsx');
    const output = path.join(tmp, 'plan.docx');
    const { code, stdout, stderr } = await run('sections', input, '-o', output, '--compare', path.join(tmp, 'budget.xlsx'));
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(`Skrev ${output}: 7 avsnitt för verksamhetsplanen, med förändringarna jämfört med budget.xlsx (från 100 tkr).`);
    expect(await headings(output)).toEqual(['Samordningsförbundets uppdrag', 'Budget 2024 med plan 2025–2026', 'Budgetkommentar', 'Förändringar jämfört med föregående förslag', 'Eget kapital och reservnivå', 'Fördelning av medel', 'Förslag till beslut']);
    const document = (await docxParts(new Uint8Array(fs.readFileSync(output)))).document;
    const cells = (rows: string[][], label: string) => rows.filter((r) => r[0] === label);
    const changes = tables(document).map((t) => t.rows.map((r) => r.cells.map((c) => c.text.replace(/\u00a0/g, ' ')))).find((rows) => rows[0][0] === 'Rad')!;
    expect(cells(changes, 'IRIS (Övergripande)')).toEqual([['IRIS (Övergripande)', '2024', '1 600', '2 000', '+400'], ['IRIS (Övergripande)', '2025', '1 600', '2 000', '+400']]);

    const high = path.join(tmp, 'plan-500.docx');
    const again = await run('sections', input, '-o', high, '--compare', path.join(tmp, 'budget.xlsx'), '--threshold', '1 000');
    expect(again.stdout).toContain('(från 1 000 tkr)');
    const texts = bodyParagraphs((await docxParts(new Uint8Array(fs.readFileSync(high)))).document).map((p) => p.text.replace(/\u00a0/g, ' '));
    expect(texts).toContain('Ny rad: Finansiella intäkter och kostnader (1 tkr 2023).');
    expect(texts.some((t) => t.startsWith('Jämfört med föregående förslag har budgeten ändrats enligt nedan. Här redovisas ändringar på minst 1 000 tkr'))).toBe(true);
  });
});
