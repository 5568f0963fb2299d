/**
 * The README's list of what Budgetkoll recognises (economist part, "Budgetar som Budgetkoll känner
 * igen") shows one picture per layout style, and says they are known to work. Here every picture is
 * read back as a sheet of its own: the engine must recognise its tables and year columns, find no
 * fault in it (the pictures add up), and carry its equity as the picture states it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import { decimalText } from '../../src/core/amount';
import { sheetFromValues, type CellValue } from '../../src/core/grid';
import { Money } from '../../src/core/money';
import { parseSwedishNumber } from '../../src/core/numbers';
import { parseYearHeader } from '../../src/core/yearHeader';
import { CLOSING_EQUITY } from '../../src/core/rules/equityLabels';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const SECTION = '### Budgetar som Budgetkoll känner igen';

/** The section's Markdown tables, each as rows of cell texts (the separator row left out, bold unmarked). */
function pictures(): string[][][] {
  const start = README.indexOf(SECTION);
  const end = README.indexOf('\n### ', start + SECTION.length);
  const lines = README.slice(start, end).split('\n');
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    if (/^\|[-:| ]+\|$/.test(line)) continue;
    const cells = line.slice(1, -1).split('|').map((c) => c.trim().replace(/\*\*/g, ''));
    if (!current) tables.push((current = []));
    current.push(cells);
  }
  return tables;
}

/** A cell as Excel holds it: a number where the text is one, else the text, blank as null. */
function cellValue(text: string): CellValue {
  if (text === '') return null;
  const parsed = parseSwedishNumber(text);
  return parsed.ok ? parsed.value.toNumber() : text;
}

/** Rows that head a table: two cells or more are years. */
const isHeader = (row: string[]) => row.filter((c) => parseYearHeader(c) !== null).length >= 2;

const FAULTS = ['sum-mismatch', 'consequence', 'carry-over-break', 'formula-omits-line', 'rounding', 'share-deviation', 'text-number', 'error-value', 'title-years-mismatch'];

describe('the README\'s pictures of the layouts Budgetkoll recognises', () => {
  const all = pictures();

  it('are there, one per style', () => {
    expect(all.length).toBeGreaterThanOrEqual(7);
  });

  it.each(all.map((rows, i) => [i + 1, rows[0].join(' | '), rows] as const))('picture %i (%s) is read as it is drawn', (_i, _head, rows) => {
    const { tables } = analyzeGrid({ sheets: [sheetFromValues('Bild', rows.map((r) => r.map(cellValue)))] });
    const headers = rows.filter(isHeader);
    expect(tables).toHaveLength(headers.length);
    tables.forEach((t, k) => {
      expect(t.table.columns.map((c) => c.header)).toEqual(headers[k].filter((c) => parseYearHeader(c) !== null));
      expect(t.findings.filter((f) => FAULTS.includes(f.code)).map((f) => f.code)).toEqual([]);
      const closing = rows.find((r) => CLOSING_EQUITY.test(r[0]));
      if (k === 0 && closing) {
        // The closing row's amount under each year of the table (its header is the picture's first row).
        const stated = t.table.columns.map((c) => new Money(String(cellValue(closing[rows[0].indexOf(c.header)]))).toFixed());
        expect(t.equity.map((y) => decimalText(y.closing))).toEqual(stated);
        expect(t.equity.every((y) => y.source === 'stated')).toBe(true);
      }
    });
  });
});
