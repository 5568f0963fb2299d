import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';

describe('budgetkoll demo', () => {
  it('checks, fixes and writes the sections of every bundled example: one JSON report, one corrected workbook and one Word document each; and compares the preliminary Lund budget with the adopted one', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-demo-'));
    const io = memoryIo();
    expect(await main(['demo', '-o', out], io)).toBe(0);
    const slugs = ['seed-000-lund-prel', 'seed-001-lund-antagen', 'seed-002-bksv', 'seed-003-samsund', 'seed-004-sodra-lappland'];
    const comparison = ['seed-000-till-001-jamforelse.json', 'seed-000-till-001-jamforelse.txt'];
    expect(fs.readdirSync(out).sort()).toEqual([...slugs.flatMap((s) => [`${s}-rattad.xlsx`, `${s}.json`, `${s}-avsnitt.docx`]), ...comparison].sort());
    expect(io.stdout).toContain('Rättad kopia:');
    expect(io.stdout).toContain(`Avsnitt i Word: ${path.relative(process.cwd(), path.join(out, 'seed-000-lund-prel-avsnitt.docx'))} (6 avsnitt)`);
    expect(fs.readFileSync(path.join(out, 'seed-000-lund-prel-avsnitt.docx')).subarray(0, 2).toString()).toBe('PK');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'seed-001-lund-antagen.json'), 'utf8'));
    expect(report.files[0].tables[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
    expect(io.stdout).toContain('seed-001-lund-antagen.xlsx: 1 tabell(er), 2 fel, 4 varning(ar)');
    expect(io.stdout).toContain('Sammanfattning: 5 filer, 5 tabeller, 5 fel, 14 varningar');
    // The preliminary against the adopted Lund budget, as `budgetkoll diff` gives it (test/golden).
    expect(fs.readFileSync(path.join(out, 'seed-000-till-001-jamforelse.txt'), 'utf8')).toBe(fs.readFileSync(path.join(__dirname, '..', 'golden', 'diff-seed-000-001.txt'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(path.join(out, 'seed-000-till-001-jamforelse.json'), 'utf8'))).toMatchObject({ version: 1, old: 'seed-000-lund-prel.xlsx', new: 'seed-001-lund-antagen.xlsx' });
    expect(io.stdout).toContain('Jämförelse seed-000-lund-prel.xlsx → seed-001-lund-antagen.xlsx:');
    expect(io.stdout).toContain('  1 tabell jämförd; 16 rader ändrade, 1 ny, 0 borttagna, 4 oförändrade;');
    fs.rmSync(out, { recursive: true, force: true });
  });
});
