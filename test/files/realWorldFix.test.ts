/**
 * The corrected copy of workbooks nobody here wrote (test/fixtures/real-world-fix: Apache POI's
 * test files with charts, drawings, images, pivot tables, Excel tables, notes and threaded
 * comments, external links, custom XML, macros, embedded objects, a Strict Open XML file) and of
 * a budget with an equity chart, an Excel table and a pivot table saved by LibreOffice
 * (test/fixtures/budget-with-chart), where the fixes stand next to the chart. For each: the copy
 * passes the package validator; every entry of the zip but the few Budgetkoll changes is the
 * original's, byte for byte as stored; inside a changed sheet only the changed cells (and the
 * legacyDrawing the notes need) differ; the calculation chain is gone and a full calculation is
 * asked for; reading the copy again finds no sum left wrong; and LibreOffice opens every copy
 * and, on the budget, computes the engine's values.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import { cellMarks } from '../../src/core/cellMarks';
import { planFixes } from '../../src/core/fixes';
import { nodeCodec } from '../../src/files/nodeCodec';
import { fixChecked, gridOf, type FixedCopy } from '../helpers/fixChecked';
import { recalculatedWorkbooks, requireLibreOffice, withoutCachedResults } from '../helpers/libreoffice';
import { workbookParts } from '../helpers/xlsxInspect';
import { entryDifferences, partContents } from '../helpers/zipEntries';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', 'fixtures');
const REAL_WORLD = path.join(ROOT, 'real-world-fix');
const BUDGET = path.join(ROOT, 'budget-with-chart', 'budget-med-diagram.xlsx');
const FILES = [...fs.readdirSync(REAL_WORLD).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(REAL_WORLD, f)), BUDGET];


/** Parts Budgetkoll never changes, by kind, as the test reports them. */
const KINDS: [string, RegExp][] = [
  ['chart', /^xl\/charts\//],
  ['chartsheet', /^xl\/chartsheets\//],
  ['drawing', /^xl\/drawings\/(?!vmlDrawing)/],
  ['image', /^xl\/media\//],
  ['pivot table', /^xl\/pivotTables\//],
  ['pivot cache', /^xl\/pivotCache\//],
  ['Excel table', /^xl\/tables\//],
  ['threaded comment', /^xl\/(threadedComments|persons)\//],
  ['external link', /^xl\/externalLinks\//],
  ['custom XML', /^customXml\//],
  ['printer settings', /^xl\/printerSettings\//],
  ['macros', /^xl\/vbaProject/],
  ['embedded object', /^xl\/embeddings\//],
  ['shared strings', /^xl\/sharedStrings\.xml$/],
];

interface Case {
  file: string;
  data: Uint8Array;
  result: FixedCopy;
}

const cases = new Map<string, Case>();

async function fixed(file: string): Promise<Case> {
  const known = cases.get(file);
  if (known) return known;
  const data = new Uint8Array(fs.readFileSync(file));
  const name = path.basename(file);
  const result = await fixChecked(data, name, {}, nodeCodec);
  const c = { file, data, result };
  cases.set(file, c);
  return c;
}

/** The cells the fix wrote, whose cached results it brought up to date, and that it marked: sheet → A1 set. */
function changedCells(result: FixedCopy): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sheet: string, row: number, col: number) => out.set(sheet, (out.get(sheet) ?? new Set()).add(toA1(row, col)));
  for (const f of result.fixes) add(f.at.sheet, f.at.row, f.at.col);
  for (const s of result.analysis.tables.map(planFixes).flatMap((p) => p.stale)) add(s.at.sheet, s.at.row, s.at.col);
  for (const m of cellMarks(result.analysis)) add(m.at.sheet, m.at.row, m.at.col);
  return out;
}

const rowsOf = (xml: string) => new Map([...xml.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)].map((m) => [m[1], m[0]]));
const cellsOf = (row: string) => new Map([...row.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
const outsideCells = (xml: string) => xml.replace(/<sheetData\b[\s\S]*?(<\/sheetData>|\/>)/, '<sheetData/>');

describe.each(FILES.map((f) => [path.basename(f), f]))('the corrected copy of %s', (name, file) => {
  it('changes only what Budgetkoll changes: every other zip entry is the original, byte for byte as stored', async () => {
    const { data, result } = await fixed(file);
    const diff = entryDifferences(data, result.bytes);
    const before = await workbookParts(data);
    const after = await workbookParts(result.bytes);
    const touched = [...changedCells(result).keys()];
    const notes = cellMarks(result.analysis).length > 0;
    const allowed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
    for (const sheet of touched) {
      const part = before.sheetPart(sheet);
      allowed.add(part).add(part.replace(/([^/]+)$/, '_rels/$1.rels'));
    }
    expect(diff.changed.filter((n) => !allowed.has(n) && !(notes && /comments\d*\.xml$|vmlDrawing\d*\.vml$/.test(n)))).toEqual([]);
    expect(diff.removed.filter((n) => !/calcChain\.xml$/.test(n))).toEqual([]);
    expect(diff.added.filter((n) => n !== after.sheetPart('Budgetkoll') && !(notes && /comments\d*\.xml$|vmlDrawing\d*\.vml$|_rels\/sheet\d+\.xml\.rels$/.test(n)))).toEqual([]);
    // Name each kind of part this file has and prove it kept: the point of the test.
    const kept = KINDS.filter(([, re]) => diff.same.some((n) => re.test(n))).map(([kind]) => kind);
    const lost = KINDS.filter(([, re]) => [...diff.changed, ...diff.removed].some((n) => re.test(n))).map(([kind]) => kind);
    expect(lost).toEqual([]);
    if (name !== 'shared_formulas.xlsx' && name !== 'sample.strict.xlsx') expect(kept.filter((k) => k !== 'shared strings').length).toBeGreaterThan(0);
  });

  it('inside a changed sheet, changes only its changed cells (and adds the legacyDrawing its notes need)', async () => {
    const { data, result } = await fixed(file);
    const before = await partContents(data);
    const after = await partContents(result.bytes);
    const parts = await workbookParts(data);
    for (const [sheet, cells] of changedCells(result)) {
      const part = parts.sheetPart(sheet);
      const [was, now] = [before.get(part)!, after.get(part)!];
      expect(outsideCells(now).replace(/<legacyDrawing [^>]*\/>/, '')).toBe(outsideCells(was).replace(/<legacyDrawing [^>]*\/>/, ''));
      const [rowsWas, rowsNow] = [rowsOf(was), rowsOf(now)];
      for (const [r, row] of rowsWas) {
        const changedHere = [...cells].filter((a1) => a1.replace(/^[A-Z]+/, '') === r);
        if (changedHere.length === 0) {
          expect([r, rowsNow.get(r)]).toEqual([r, row]);
          continue;
        }
        const [cellsWas, cellsNow] = [cellsOf(row), cellsOf(rowsNow.get(r)!)];
        for (const [a1, c] of cellsWas) if (!cells.has(a1)) expect([a1, cellsNow.get(a1)]).toEqual([a1, c]);
      }
    }
  });

  it('drops the calculation chain and asks for a full calculation on opening; reading it again finds no sum left wrong', async () => {
    const { result } = await fixed(file);
    const after = await partContents(result.bytes);
    expect([...after.keys()].filter((n) => /calcChain/i.test(n))).toEqual([]);
    expect(after.get('[Content_Types].xml')).not.toMatch(/calcChain/i);
    expect(after.get('xl/_rels/workbook.xml.rels')).not.toMatch(/calcChain/i);
    expect(after.get('xl/workbook.xml')).toMatch(/<(\w+:)?calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    const findings = analyzeGrid(await gridOf(result.bytes, name)).tables.flatMap((t) => t.findings);
    expect(findings.filter((f) => ['sum-mismatch', 'consequence', 'formula-omits-line', 'rounding'].includes(f.code))).toEqual([]);
  });
});

describe('the budget with an equity chart, an Excel table and a pivot table', () => {
  it('is fixed next to its chart: the wrong totals become formulas, the chart that draws them is kept as it was', async () => {
    const { data, result } = await fixed(BUDGET);
    expect(result.fixes.map((f) => toA1(f.at.row, f.at.col)).sort()).toEqual(['B36', 'C10', 'C12', 'E34']);
    const diff = entryDifferences(data, result.bytes);
    for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/tables/table1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml']) {
      expect([part, diff.same.includes(part)]).toEqual([part, true]);
    }
    // The chart reads the row the fix changed.
    expect((await partContents(data)).get('xl/charts/chart1.xml')).toContain('&apos;Budget 2024&apos;!$B$36:$E$36');
    // The sheet still points at its drawing and its table, and now at its notes too.
    const rels = (await partContents(result.bytes)).get('xl/worksheets/_rels/sheet1.xml.rels')!;
    expect(rels).toMatch(/relationships\/drawing"/);
    expect(rels).toMatch(/relationships\/comments"/);
  });
});

describe('LibreOffice opens every corrected copy', () => {
  it('reads each one (with its sheets and the check sheet) and, on the budget, computes the engine\'s values', async () => {
    if (!requireLibreOffice('LibreOffice öppnar de rättade kopiorna av verkliga arbetsböcker')) return;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-real-world-'));
    try {
      const written = new Map<string, Case>();
      for (const file of FILES) {
        const c = await fixed(file);
        const target = path.join(tmp, path.basename(file).replace(/\.(xls[xm])$/, '-rattad.$1'));
        // The budget's fixed cells without their cached results: only LibreOffice's calculation can put them back.
        const parts = await workbookParts(c.result.bytes);
        const blank = new Map<string, string[]>();
        for (const f of c.result.fixes) blank.set(parts.sheetPart(f.at.sheet), [...(blank.get(parts.sheetPart(f.at.sheet)) ?? []), toA1(f.at.row, f.at.col)]);
        fs.writeFileSync(target, blank.size > 0 ? await withoutCachedResults(c.result.bytes, blank) : c.result.bytes);
        written.set(target, c);
      }
      const recalculated = await recalculatedWorkbooks([...written.keys()]);
      for (const [target, c] of written) {
        const sheets = recalculated.get(target)!;
        // Every sheet the original has (LibreOffice writes a CSV for each, chart sheets too), and the check sheet.
        const names = [...(await workbookParts(c.data)).sheetNames, 'Budgetkoll'];
        expect([path.basename(target), names.filter((n) => !sheets.has(n))]).toEqual([path.basename(target), []]);
        for (const fix of c.result.fixes) {
          const value = Number(sheets.get(fix.at.sheet)?.[fix.at.row]?.[fix.at.col]);
          expect([path.basename(target), toA1(fix.at.row, fix.at.col), value]).toEqual([path.basename(target), toA1(fix.at.row, fix.at.col), fix.value.toNumber()]);
        }
      }
      expect(written.size).toBe(FILES.length);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
