import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Stage } from '../../src/taskpane/model/source';
import { correctedFileName, createFileSource } from '../../src/taskpane/standalone/fileSource';
import { seedReports } from './helpers';

const SEED = path.join(__dirname, '../fixtures/seeds/seed-001-lund-antagen.xlsx');

function picked(name: string, data: Uint8Array) {
  let reads = 0;
  return {
    file: { name, arrayBuffer: async () => { reads += 1; return data.slice().buffer; } },
    reads: () => reads,
  };
}

describe('the file source (the standalone pane’s engine, here under Node)', () => {
  it('reads and checks a chosen workbook, reading the file once for any number of runs', async () => {
    const { file, reads } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const source = createFileSource().open(file);
    const stages: Stage[] = [];
    const outcome = await source.analyze({}, (s) => stages.push(s));
    expect(stages).toEqual(['reading', 'checking']);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.value).toEqual(seedReports());
    const again = await source.analyze({ reserve: { brackets: [{ upToKr: null, percent: new (await import('../../src/core/money')).Money(30) }], base: 'allocation' } }, () => undefined);
    expect(again.ok && again.value[0].equity[0].percent).toBe('30');
    expect(reads()).toBe(1);
  });

  it('makes the corrected copy', async () => {
    const { file } = picked('seed-001-lund-antagen.xlsx', new Uint8Array(readFileSync(SEED)));
    const source = createFileSource().open(file);
    const stages: Stage[] = [];
    const outcome = await source.corrected?.({}, (s) => stages.push(s));
    if (!outcome?.ok) throw new Error(outcome?.reason ?? 'no corrected()');
    expect(stages).toEqual(['fixing']);
    expect(outcome.value.fileName).toBe('seed-001-lund-antagen-rattad.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(outcome.value.bytes as unknown as ArrayBuffer);
    const c10 = workbook.getWorksheet('Budget 2024')?.getCell('C10');
    expect(c10?.formula).toMatch(/^SUM\(/i);
    expect(c10?.result).toBe(12970);
  });

  it('gives the Swedish reason for a file that is no workbook', async () => {
    const { file } = picked('x.xlsx', new TextEncoder().encode('hej'));
    const outcome = await createFileSource().open(file).analyze({}, () => undefined);
    expect(outcome).toEqual({ ok: false, reason: 'filen är ingen Excel-arbetsbok (.xlsx)' });
  });

  it('names the corrected copy after the original', () => {
    expect(correctedFileName('Budget 2024.xlsx')).toBe('Budget 2024-rattad.xlsx');
    expect(correctedFileName('BUDGET.XLSX')).toBe('BUDGET-rattad.xlsx');
    expect(correctedFileName('.xlsx')).toBe('arbetsbok-rattad.xlsx');
  });
});
