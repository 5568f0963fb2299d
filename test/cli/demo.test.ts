import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';

describe('budgetkoll demo', () => {
  it('checks every bundled example and writes one JSON report each', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-demo-'));
    const io = memoryIo();
    expect(await main(['demo', '-o', out], io)).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([
      'seed-000-lund-prel.json', 'seed-001-lund-antagen.json', 'seed-002-bksv.json', 'seed-003-samsund.json', 'seed-004-sodra-lappland.json',
    ]);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'seed-001-lund-antagen.json'), 'utf8'));
    expect(report.files[0].tables[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
    expect(io.stdout).toContain('seed-001-lund-antagen.xlsx: 1 tabell(er), 2 fel, 4 varning(ar)');
    expect(io.stdout).toContain('Sammanfattning: 5 filer, 5 tabeller, 5 fel, 14 varningar');
    fs.rmSync(out, { recursive: true, force: true });
  });
});
