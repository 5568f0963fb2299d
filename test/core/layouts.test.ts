/**
 * The layout corpus (issue 14): every workbook in test/fixtures/layouts/ through the engine, compared
 * with the outcome written by hand next to it (`<slug>.expected.json`): the tables recognised, the
 * findings (code, severity, cell, row label, year), the equity chain per year (opening, closing,
 * stated or projected) and the members' allocation per year.
 *
 * KNOWN_FAILURES lists, per workbook, the aspects the engine gets wrong and why: the test asserts
 * that exactly those differ, so the list can only shrink — a listed aspect that starts to match
 * fails here until it is taken off the list, and an aspect not listed must match exactly. Since
 * issue 14 it is empty: every layout is read as written by hand. test/fixtures/layouts/README.md
 * has the diagnosis of each rule class and where it was fixed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/files/readWorkbookFile';
import { analyzeGrid, type TableAnalysis } from '../../src/core/analyze';
import { toA1 } from '../../src/core/address';
import { decimalText } from '../../src/core/amount';
import { Money } from '../../src/core/money';
import { layoutWorkbooks } from '../fixtures/layoutWorkbooks';
import { buildLayoutWorkbook, layoutWorkbookBytes } from '../../scripts/build-layouts';

const LAYOUTS = path.join(__dirname, '..', 'fixtures', 'layouts');

const ASPECTS = ['tables', 'findings', 'equity', 'allocation'] as const;
type Aspect = (typeof ASPECTS)[number];

/**
 * What the engine gets wrong, per workbook: the aspects that differ and the rule class behind them
 * (file and function in the README). Take an entry off when the engine gets it right; add none.
 */
const KNOWN_FAILURES: Record<string, { aspects: Aspect[]; reason: string }> = {
};

interface ExpectedTable {
  sheet: string;
  header: string;
  unit: string;
  columns: { year: number; kind: string }[];
  findings: { code: string; severity: string; cell: string; row: string | null; year: number | null }[];
  equity: { year: number; opening: string; closing: string; source: string }[];
  allocation: { year: number; amount: string }[];
}

interface ExpectedFile {
  workbook: string;
  derivation: string[];
  tables: ExpectedTable[];
}

type Observed = Record<Aspect, string[]>;

/** An amount in one canonical form: `-170`, `1019408.48`, `12.4`. */
const amount = (value: string | Money): string => new Money(value).toFixed();

function tableLines(key: string, t: ExpectedTable): Observed {
  return {
    tables: [`${key} ${t.unit} ${t.columns.map((c) => `${c.year} ${c.kind}`).join(', ')}`],
    findings: t.findings.map((f) => `${t.sheet}!${f.cell} ${f.code} ${f.severity} ${JSON.stringify(f.row)} ${f.year}`),
    equity: t.equity.map((e) => `${key} ${e.year}: ${amount(e.opening)} → ${amount(e.closing)} ${e.source}`),
    allocation: t.allocation.map((a) => `${key} ${a.year}: ${amount(a.amount)}`),
  };
}

function merge(parts: Observed[]): Observed {
  const out: Observed = { tables: [], findings: [], equity: [], allocation: [] };
  for (const part of parts) for (const aspect of ASPECTS) out[aspect].push(...part[aspect]);
  for (const aspect of ASPECTS) out[aspect].sort();
  return out;
}

function expectedOf(file: ExpectedFile): Observed {
  return merge(file.tables.map((t) => tableLines(`${t.sheet}!${t.header}`, t)));
}

/** The engine's analysis in the expectation's terms. */
function observe(analyses: TableAnalysis[]): Observed {
  return merge(analyses.map((a) => {
    const { table } = a;
    const key = `${table.sheet}!${toA1(table.headerRow, table.columns[0].col)}`;
    // The allocation the reserve and the shares are computed on: the equity chain's, or, where the
    // table states no equity, the members' split.
    const allocation = a.equity.length > 0
      ? a.equity.filter((y) => y.allocation !== null).map((y) => ({ year: y.year, amount: decimalText(y.allocation!) }))
      : a.shares.map((s) => ({ year: s.year, amount: decimalText(s.allocation) }));
    return tableLines(key, {
      sheet: table.sheet,
      header: '',
      unit: table.unit,
      columns: table.columns.map((c) => ({ year: c.year, kind: c.kind })),
      findings: a.findings.map((f) => ({ code: f.code, severity: f.severity, cell: toA1(f.at.row, f.at.col), row: f.rowLabel, year: f.year })),
      equity: a.equity.map((y) => ({ year: y.year, opening: decimalText(y.opening), closing: decimalText(y.closing), source: y.source })),
      allocation,
    });
  }));
}

const sameLines = (a: string[], b: string[]): boolean => a.length === b.length && a.every((line, i) => line === b[i]);

describe('the layout corpus', () => {
  it('has a workbook and a hand-written expectation for every definition, and nothing else', () => {
    const files = fs.readdirSync(LAYOUTS).filter((f) => f !== 'README.md').sort();
    const wanted = layoutWorkbooks.flatMap((w) => [`${w.slug}.expected.json`, `${w.slug}.xlsx`]).sort();
    expect(files).toEqual(wanted);
    expect(layoutWorkbooks.length).toBeGreaterThanOrEqual(15);
  });

  it('lists only real workbooks and aspects as known failures, each with its reason', () => {
    const slugs = new Set(layoutWorkbooks.map((w) => w.slug));
    for (const [slug, known] of Object.entries(KNOWN_FAILURES)) {
      expect(slugs.has(slug)).toBe(true);
      expect(known.aspects.length).toBeGreaterThan(0);
      for (const aspect of known.aspects) expect(ASPECTS).toContain(aspect);
      expect(known.reason.length).toBeGreaterThan(20);
    }
  });

  it('cites at least one source address in every definition and in the README', () => {
    const readme = fs.readFileSync(path.join(LAYOUTS, 'README.md'), 'utf8');
    for (const w of layoutWorkbooks) {
      expect(w.sources.length).toBeGreaterThan(0);
      for (const s of w.sources) expect(s.url).toMatch(/^https?:\/\//);
      expect(readme).toContain(w.slug);
      expect(w.sources.some((s) => readme.includes(s.url))).toBe(true);
    }
  });
});

describe.each(layoutWorkbooks.map((w) => w.slug))('layout %s', (slug) => {
  let observed: Observed;
  let expected: Observed;

  beforeAll(async () => {
    const file: ExpectedFile = JSON.parse(fs.readFileSync(path.join(LAYOUTS, `${slug}.expected.json`), 'utf8'));
    expect(file.workbook).toBe(`${slug}.xlsx`);
    expected = expectedOf(file);
    const read = await readWorkbookFile(path.join(LAYOUTS, `${slug}.xlsx`));
    if (!read.ok) throw new Error(`${slug}: ${read.reason}`);
    observed = observe(analyzeGrid(read.value).tables);
  });

  it('is the workbook its definition builds (npm run fixtures:layouts)', async () => {
    const def = layoutWorkbooks.find((w) => w.slug === slug)!;
    const built = await layoutWorkbookBytes(buildLayoutWorkbook(def));
    expect(built.equals(fs.readFileSync(path.join(LAYOUTS, `${slug}.xlsx`)))).toBe(true);
  });

  it.each([...ASPECTS])('%s as written by hand', (aspect) => {
    const known = KNOWN_FAILURES[slug];
    if (known?.aspects.includes(aspect)) {
      // Known to differ today (see KNOWN_FAILURES and the README). Once it matches, take it off the list.
      expect({ aspect, stillDiffers: !sameLines(observed[aspect], expected[aspect]), reason: known.reason })
        .toEqual({ aspect, stillDiffers: true, reason: known.reason });
    } else {
      expect(observed[aspect]).toEqual(expected[aspect]);
    }
  });
});
