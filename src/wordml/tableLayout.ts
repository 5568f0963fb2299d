import type { Block } from '../core/sections/types';

// How wide a table's columns are, and where a header breaks: the .docx and the Word pane lay
// the sections' tables out alike (sectionsXml.ts renders them). Pure arithmetic on the text.

type TableBlock = Extract<Block, { kind: 'table' }>;

// A4 with 2.5 cm margins, in twips: the tables span exactly the text width.
export const PAGE = { width: 11906, height: 16838, margin: 1418 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const TABLE_SIZE = 20; // half-points: 10 pt in tables, 11 pt in the text
export const CELL_MARGIN = 85; // twips, left and right: 1.5 mm
const SLACK = 60;

/**
 * How wide a text is in twips, at the table's size: a generous estimate (DejaVu Sans, the
 * widest face LibreOffice falls back to for Calibri), so that what fits here fits in Word.
 */
export function textWidth(text: string, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (/[0-9]/.test(c)) em += 0.64;
    else if (/[\s\u00a0.,:;'|!()[\]iljI]/.test(c)) em += 0.32;
    else if (/[frt*–-]/.test(c)) em += 0.45;
    else if (/[mwMW−%]/.test(c)) em += 0.92;
    else if (/[A-ZÅÄÖ]/.test(c)) em += 0.72;
    else em += 0.6;
  }
  return Math.ceil(em * TABLE_SIZE * 10 * (bold ? 1.12 : 1));
}

/** A header's lines: a year's qualifier goes on its own line when the column is narrower than the header (`2023` / `(prel.)`). */
export function headerLines(text: string, width: number): string[] {
  const m = /^(\S+?)(\(.*\))$/.exec(text);
  if (!m || textWidth(text, true) + 2 * CELL_MARGIN <= width) return [text];
  return [m[1], m[2]];
}

/** What a header must have on one line: its longest word, a parenthesis starting a word of its own. */
function headerNeed(text: string): number {
  const words = text.split(/\s+|(?=\()/).filter((w) => w !== '');
  return Math.max(0, ...words.map((w) => textWidth(w, true)));
}

/**
 * The text width shared by the columns: each gets what its widest cell needs, figure
 * columns all alike, and what is left over is shared evenly. When the labels do not fit
 * they wrap, never the figures.
 */
export function columnWidths(block: TableBlock, total = TEXT_WIDTH): number[] {
  const count = block.header.length;
  const numeric = new Set(block.numericColumns);
  const totals = new Set(block.totalRows);
  const need = Array.from({ length: count }, (_, col) => {
    const cells = block.rows.map((r, i) => textWidth(r[col] ?? '', totals.has(i)));
    return Math.max(400, headerNeed(block.header[col] ?? ''), ...cells) + 2 * CELL_MARGIN + SLACK;
  });
  const figure = Math.max(0, ...need.filter((_, col) => numeric.has(col)));
  const widths = need.map((n, col) => (numeric.has(col) ? figure : n));
  const sum = widths.reduce((s, w) => s + w, 0);
  if (sum <= total) {
    // What is left over goes first to the labels, as a margin on the estimate (a face wider than
    // the one guessed at must not wrap them), then evenly to every column.
    const labelNeed = widths.reduce((s, w, col) => s + (numeric.has(col) ? 0 : w), 0);
    const margin = Math.min(total - sum, labelNeed * 0.15);
    const withMargin = widths.map((w, col) => (numeric.has(col) ? w : w + (margin * w) / labelNeed));
    const extra = (total - sum - margin) / count;
    return fill(withMargin.map((w) => w + extra), total);
  }
  // Too wide: the label columns give up what they must (down to a fifth of the table each), then everything shrinks alike.
  const labels = widths.filter((_, col) => !numeric.has(col)).reduce((s, w) => s + w, 0);
  const available = total - (sum - labels);
  const labelCount = count - numeric.size;
  if (labelCount > 0 && available >= labelCount * total * 0.2) {
    return fill(widths.map((w, col) => (numeric.has(col) ? w : (w * available) / labels)), total);
  }
  return fill(widths.map((w) => (w * total) / sum), total);
}

/** Whole twips that add up to the table's width exactly. */
function fill(widths: number[], total: number): number[] {
  const whole = widths.map((w) => Math.floor(w));
  whole[0] += total - whole.reduce((s, w) => s + w, 0);
  return whole;
}
