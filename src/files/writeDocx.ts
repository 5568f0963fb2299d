import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import type { Block, DocSection } from '../core/sections/types';

// The plan's sections as a Word document: Word's own heading styles (Heading1/Heading2,
// whatever the user's language), real numbered and bulleted lists, real tables. No fs,
// no Buffer: the standalone pane offers the same bytes as a download.

export const DOCX_TITLE = 'Budgetkoll – verksamhetsplan och budget';
export const DOCX_CREATOR = 'Budgetkoll';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxOptions {
  /** The document's title: its core property and the first line. */
  title?: string;
}

const LANGUAGE = 'sv-SE';
const FONT = 'Calibri';
const ORDERED = 'budgetkoll-numrerad';
const BULLET = 'budgetkoll-punkt';

// A4 with 2.5 cm margins, in twips: the tables span exactly the text width.
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const HEAVY = { style: BorderStyle.SINGLE, size: 12, color: '404040' } as const;
const HEADER_FILL = 'E7ECF2';

/** The Word bookmark around a section's heading: letters, digits and underscores only, as Word requires. */
export function sectionBookmark(key: DocSection['key']): string {
  return `budgetkoll_${key.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The sections as the bytes of a .docx file, in Node and in the browser alike. */
export async function sectionsToDocx(sections: DocSection[], options: DocxOptions = {}): Promise<Uint8Array> {
  const title = options.title ?? DOCX_TITLE;
  const lists = { next: 0 };
  const children: FileChild[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  for (const section of sections) {
    let bookmarked = false;
    section.blocks.forEach((block, i) => {
      const bookmark = !bookmarked && block.kind === 'heading' ? sectionBookmark(section.key) : null;
      if (bookmark) bookmarked = true;
      children.push(...renderBlock(block, { previous: section.blocks[i - 1], next: section.blocks[i + 1] }, lists, bookmark));
    });
    if (!bookmarked) children.push(new Paragraph({ children: [new Bookmark({ id: sectionBookmark(section.key), children: [] })] }));
  }
  const doc = new Document({
    title,
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    styles: {
      default: {
        document: {
          run: { language: { value: LANGUAGE }, font: FONT, size: 22 },
          paragraph: { spacing: { after: 120, line: 264 } },
        },
        title: { run: { size: 40 }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { size: 30, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
        heading2: { run: { size: 25, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
      },
    },
    numbering: {
      config: [
        { reference: ORDERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }] },
        { reference: BULLET, levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }] },
      ],
    },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } },
      children,
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function renderBlock(block: Block, around: { previous?: Block; next?: Block }, lists: { next: number }, bookmark: string | null): FileChild[] {
  switch (block.kind) {
    case 'heading': {
      const run = new TextRun(block.text);
      return [new Paragraph({
        heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        children: [bookmark ? new Bookmark({ id: bookmark, children: [run] }) : run],
      })];
    }
    case 'paragraph': {
      // The line under a table that explains its asterisks is the table's note: smaller, close below it.
      const note = around.previous?.kind === 'table' && block.text.startsWith('*');
      return [new Paragraph({
        spacing: note ? { before: 60 } : undefined,
        // What introduces a list or a table stays on its page.
        keepNext: block.text.endsWith(':') || around.next?.kind === 'table' || around.next?.kind === 'list' || undefined,
        children: [new TextRun({ text: block.text, size: note ? 18 : undefined })],
      })];
    }
    case 'list': {
      const instance = lists.next++;
      return block.items.map((item, i) => new Paragraph({
        numbering: { reference: block.ordered ? ORDERED : BULLET, level: 0, instance },
        spacing: { after: 60 },
        keepNext: i < block.items.length - 1 || undefined,
        children: [new TextRun(item)],
      }));
    }
    case 'table':
      return [renderTable(block, around.next?.kind === 'paragraph' && around.next.text.startsWith('*'))];
  }
}

/** Tables this short are kept on one page, as one would in Word; longer ones break with their header repeated. */
const KEEP_TOGETHER_ROWS = 40;

function renderTable(block: Extract<Block, { kind: 'table' }>, noteBelow: boolean): Table {
  const widths = columnWidths(block);
  const together = block.rows.length <= KEEP_TOGETHER_ROWS;
  const numeric = new Set(block.numericColumns);
  const totals = new Set(block.totalRows);
  const cell = (text: string, col: number, opts: { header?: boolean; total?: boolean; last?: boolean }) => {
    const bold = opts.header || opts.total || undefined;
    const lines = opts.header ? headerLines(text, widths[col]) : [text];
    return new TableCell({
      width: { size: widths[col], type: WidthType.DXA },
      margins: { top: 30, bottom: 30, left: CELL_MARGIN, right: CELL_MARGIN },
      shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
      borders: opts.total ? { top: HEAVY } : undefined,
      verticalAlign: opts.header ? VerticalAlign.BOTTOM : undefined,
      children: [new Paragraph({
        alignment: numeric.has(col) ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240 },
        keepNext: opts.header || (together && (!opts.last || noteBelow)) || undefined,
        run: { size: TABLE_SIZE },
        children: text === '' ? [] : lines.map((line, i) => new TextRun({ text: line, bold, size: TABLE_SIZE, break: i > 0 ? 1 : undefined })),
      })],
    });
  };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.header.map((text, col) => cell(text, col, { header: true })),
  });
  const rows = block.rows.map((row, r) => new TableRow({
    cantSplit: true,
    children: row.map((text, col) => cell(text, col, { total: totals.has(r), last: r === block.rows.length - 1 })),
  }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [header, ...rows],
  });
}

const TABLE_SIZE = 20; // half-points: 10 pt in tables, 11 pt in the text
const CELL_MARGIN = 85; // twips, left and right: 1.5 mm
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
export function columnWidths(block: Extract<Block, { kind: 'table' }>, total = TEXT_WIDTH): number[] {
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
