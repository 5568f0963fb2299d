/**
 * Builds test/fixtures/budget-with-chart/: a budget workbook as an economist keeps one, with an
 * equity chart beside the table, the members' contributions as an Excel table and a pivot table
 * over them — saved by LibreOffice, so that the charts, drawings, tables and pivot caches are a
 * real program's, not ours. The corrected copy must fix the wrong totals next to them and keep
 * every one of those parts byte for byte.
 *
 *   npx ts-node --transpile-only scripts/build-chart-fixtures.ts     (needs LibreOffice: soffice)
 *
 * Writes budget-med-diagram.fods (the source, flat OpenDocument XML written here from seed 001's
 * table with its formulas) and budget-med-diagram.xlsx (LibreOffice's conversion of it). The
 * .xlsx is committed: tests do not need LibreOffice to read it. LibreOffice stamps the time of
 * the conversion into docProps, so running this again changes that part only.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bodyRowNumber, headerRowNumber, seedTables, type SeedTable, type SeedValue } from '../test/fixtures/seedTables';
import { findRoot } from './findRoot';

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  chart: 'urn:oasis:names:tc:opendocument:xmlns:chart:1.0',
  number: 'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0',
  of: 'urn:oasis:names:tc:opendocument:xmlns:of:1.2',
};
const namespaces = Object.entries(NS).map(([p, uri]) => `xmlns:${p}="${uri}"`).join(' ');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `SUM(B5:B9)` → `of:=SUM([.B5:.B9])`, `B10+B11` → `of:=[.B10]+[.B11]`. */
const odfFormula = (a1: string) => `of:=${a1.replace(/([A-Z]+\d+)(?::([A-Z]+\d+))?/g, (_, a: string, b?: string) => (b ? `[.${a}:.${b}]` : `[.${a}]`))}`;

function cell(value: SeedValue, formula: string | null = null, style = ''): string {
  const s = style ? ` table:style-name="${style}"` : '';
  if (value === null) return '<table:table-cell/>';
  if (typeof value === 'string') return `<table:table-cell office:value-type="string"${s}><text:p>${escape(value)}</text:p></table:table-cell>`;
  const f = formula ? ` table:formula="${escape(odfFormula(formula))}"` : '';
  return `<table:table-cell${f} office:value-type="float" office:value="${value}"${s}><text:p>${value}</text:p></table:table-cell>`;
}

/** Seed 001's budget, with its formulas where the stated totals add up (as a user's book has them). */
function budgetSheet(table: SeedTable, chart: string): string {
  const rows = new Map<number, string[]>();
  table.titleRows.forEach((line, i) => rows.set(i + 1, [cell(line)]));
  rows.set(headerRowNumber(table), table.header.map((v) => cell(v)));
  table.rows.forEach((row, r) => {
    rows.set(bodyRowNumber(table, r), [cell(row.label), ...row.values.map((v, i) => cell(v, row.formulas?.[i] ?? null, typeof v === 'number' ? 'num' : ''))]);
  });
  const last = Math.max(...rows.keys());
  let xml = `<table:table table:name="${escape(table.sheetName)}"><table:table-column table:style-name="wide"/><table:table-column table:style-name="year" table:number-columns-repeated="4"/><table:table-column table:number-columns-repeated="10"/>`;
  for (let r = 1; r <= last; r++) {
    const cells = [...(rows.get(r) ?? [])];
    // The chart stands in G3, beside the table, as an economist places it.
    if (r === headerRowNumber(table)) {
      while (cells.length < 6) cells.push('<table:table-cell/>');
      cells.push(`<table:table-cell>${chart}</table:table-cell>`);
    }
    xml += `<table:table-row>${cells.join('') || '<table:table-cell/>'}</table:table-row>`;
  }
  return `${xml}</table:table>`;
}

/** A column chart of the equity per year (row 36, "Medel till förfogande"), years as categories. */
function equityChart(sheet: string, row: number, headerRow: number): string {
  const range = (r: number) => `'${sheet}'.B${r}:'${sheet}'.E${r}`;
  return `<draw:frame table:end-cell-address="'${sheet}'.N${headerRow + 18}" table:end-x="0in" table:end-y="0in" draw:z-index="0" draw:name="Eget kapital" svg:width="6in" svg:height="3.2in" svg:x="0in" svg:y="0in">`
    + `<draw:object><office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart"><office:body><office:chart>`
    + `<chart:chart svg:width="15.2cm" svg:height="8.1cm" chart:class="chart:bar"><chart:title><text:p>Eget kapital per år (tkr)</text:p></chart:title><chart:legend chart:legend-position="bottom"/>`
    + `<chart:plot-area table:cell-range-address="${range(row)}" chart:data-source-has-labels="none">`
    + `<chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="${range(headerRow)}"/></chart:axis><chart:axis chart:dimension="y" chart:name="primary-y"><chart:grid chart:class="major"/></chart:axis>`
    + `<chart:series chart:values-cell-range-address="${range(row)}" chart:label-cell-address="'${sheet}'.A${row}" chart:class="chart:bar"/>`
    + '</chart:plot-area></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>';
}

/** The members' contributions in 2024 (seed 001's rows 5–7), as an Excel table with filter buttons. */
const MEMBERS: [string, string, number, number][] = [
  ['Försäkringskassan', 'Stat', 50, 1842.5],
  ['Arbetsförmedlingen', 'Stat', 50, 1842.5],
  ['Region Skåne', 'Region', 25, 1842.5],
  ['Lunds kommun', 'Kommun', 25, 1842.5],
];

function membersSheet(): string {
  const header = ['Huvudman', 'Typ', 'Andel (%)', 'Tilldelning 2024 (tkr)'].map((h) => cell(h)).join('');
  const rows = MEMBERS.map(([name, kind, share, amount]) => `<table:table-row>${cell(name)}${cell(kind)}${cell(share)}${cell(amount, null, 'num')}</table:table-row>`).join('');
  return `<table:table table:name="Medlemmar"><table:table-column table:style-name="wide" table:number-columns-repeated="4"/><table:table-row>${header}</table:table-row>${rows}</table:table>`;
}

/** The pivot table's own sheet: LibreOffice writes its output when it saves. */
function pivotSheet(): string {
  const sums = new Map<string, number>();
  for (const [, kind, , amount] of MEMBERS) sums.set(kind, (sums.get(kind) ?? 0) + amount);
  const rows = [...sums].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([kind, sum]) => `<table:table-row>${cell(kind)}${cell(sum)}</table:table-row>`).join('');
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return `<table:table table:name="Pivot"><table:table-column table:style-name="wide" table:number-columns-repeated="2"/><table:table-row>${cell('Typ')}${cell('Summa - Tilldelning 2024 (tkr)')}</table:table-row>${rows}<table:table-row>${cell('Totalt Resultat')}${cell(total)}</table:table-row></table:table>`;
}

const PIVOT = '<table:data-pilot-tables><table:data-pilot-table table:name="Tilldelning per typ" table:target-range-address="Pivot.A1:Pivot.B5" table:buttons="Pivot.A1" table:show-filter-button="false">'
  + `<table:source-cell-range table:cell-range-address="Medlemmar.A1:Medlemmar.D${MEMBERS.length + 1}"/>`
  + '<table:data-pilot-field table:source-field-name="Typ" table:orientation="row" table:used-hierarchy="-1" table:function="auto"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
  + '<table:data-pilot-field table:source-field-name="Tilldelning 2024 (tkr)" table:orientation="data" table:used-hierarchy="-1" table:function="sum"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
  + '</table:data-pilot-table></table:data-pilot-tables>';

function fods(): string {
  const table = seedTables.find((t) => t.id === '001')!;
  const equityRow = bodyRowNumber(table, table.rows.findIndex((r) => r.label === 'Medel till förfogande'));
  const styles = '<office:automatic-styles>'
    + '<style:style style:name="wide" style:family="table-column"><style:table-column-properties style:column-width="2.4in"/></style:style>'
    + '<style:style style:name="year" style:family="table-column"><style:table-column-properties style:column-width="1in"/></style:style>'
    + '<number:number-style style:name="N1"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
    + '<style:style style:name="num" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>'
    + '</office:automatic-styles>';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${namespaces} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">${styles}<office:body><office:spreadsheet>`
    + budgetSheet(table, equityChart(table.sheetName, equityRow, headerRowNumber(table)))
    + membersSheet() + pivotSheet()
    + `<table:database-ranges><table:database-range table:name="Medlemmar" table:target-range-address="Medlemmar.A1:Medlemmar.D${MEMBERS.length + 1}" table:display-filter-buttons="true"/></table:database-ranges>`
    + PIVOT + '</office:spreadsheet></office:body></office:document>\n';
}

function main(): void {
  const dir = path.join(findRoot(__dirname), 'test', 'fixtures', 'budget-with-chart');
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(dir, 'budget-med-diagram.fods');
  fs.writeFileSync(source, fods());
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-fixture-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, source], { stdio: 'inherit', timeout: 120_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`wrote ${path.relative(process.cwd(), source)} and its .xlsx`);
}

main();
