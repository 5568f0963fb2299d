import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';

describe('budgetkoll demo', () => {
  it('checks, fixes and writes the sections of every bundled example: one JSON report, one corrected workbook and one Word document each', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-demo-'));
    const io = memoryIo();
    expect(await main(['demo', '-o', out], io)).toBe(0);
    const slugs = ['seed-000-lund-prel', 'seed-001-lund-antagen', 'seed-002-bksv', 'seed-003-samsund', 'seed-004-sodra-lappland'];
    expect(fs.readdirSync(out).sort()).toEqual(slugs.flatMap((s) => [`${s}-rattad.xlsx`, `${s}.json`, `${s}-avsnitt.docx`]).sort());
    expect(io.stdout).toContain('Rättad kopia:');
    expect(io.stdout).toContain(`Avsnitt i Word: ${path.relative(process.cwd(), path.join(out, 'seed-000-lund-prel-avsnitt.docx'))} (6 avsnitt)`);
    expect(fs.readFileSync(path.join(out, 'seed-000-lund-prel-avsnitt.docx')).subarray(0, 2).toString()).toBe('PK');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'seed-001-lund-antagen.json'), 'utf8'));
    expect(report.files[0].tables[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
    expect(io.stdout).toContain('seed-001-lund-antagen.xlsx: 1 tabell(er), 2 fel, 4 varning(ar)');
    expect(io.stdout).toContain('Sammanfattning: 5 filer, 5 tabeller, 5 fel, 14 varningar');
    fs.rmSync(out, { recursive: true, force: true });
  });
});
