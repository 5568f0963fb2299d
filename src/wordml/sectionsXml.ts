import type { Block, DocSection } from '../core/sections/types';
import { CELL_MARGIN, columnWidths, headerLines, TABLE_SIZE, TEXT_WIDTH } from './tableLayout';

// The plan's sections as WordprocessingML (Office Open XML): Word's own heading styles
// (Heading1/Heading2, whatever the user's language), real numbered and bulleted lists, real
// tables. One rendering for both writers: the .docx (src/files/writeDocx.ts) puts it in a
// package of its own, and the Word pane (src/word/wordWriter.ts) inserts each section into its
// content control as one flat OOXML package, with Replace. Pure string building.

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const LANGUAGE = 'sv-SE';
const FONT = 'Calibri';

const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
const TOTAL_BORDER = '<w:tcBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="404040"/></w:tcBorders>';
const HEADER_FILL = '<w:shd w:val="clear" w:color="auto" w:fill="E7ECF2"/>';
const CELL_MARGINS = `<w:tcMar><w:top w:w="30" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tcMar>`;
const TABLE_RUN = `<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/>`;
/** Tables this short are kept on one page, as one would in Word; longer ones break with their header repeated. */
const KEEP_TOGETHER_ROWS = 40;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A run of text; `props` are its run properties (w:rPr content), `br` starts it on a new line. */
function run(text: string, props = '', br = false): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${br ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph in a style ('Title', 'Heading1'), with nothing else to it. */
export function styledParagraph(style: string, text: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${run(text)}</w:p>`;
}

/** The lists a rendering numbers: one numbering instance each, so that every list starts at 1. */
export class ListNumbering {
  private readonly kinds: boolean[] = [];
  /** A new instance for a list; its numId. */
  add(ordered: boolean): number {
    this.kinds.push(ordered);
    return this.kinds.length;
  }
  /** Per numId (from 1): whether that list is numbered (else bulleted). */
  get lists(): readonly boolean[] {
    return this.kinds;
  }
}

export interface BodyOptions {
  /** A bookmark around each section's first heading (`budgetkoll_budget`), for cross-references in the .docx. */
  bookmarks?: boolean;
}

/** The Word bookmark around a section's heading: letters, digits and underscores only, as Word requires. */
export function sectionBookmark(key: DocSection['key']): string {
  return `budgetkoll_${key.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The sections' blocks as body content (paragraphs and tables), in order. */
export function sectionsBody(sections: readonly DocSection[], lists: ListNumbering, options: BodyOptions = {}): string {
  let bookmarkId = 0;
  return sections.map((section) => {
    let bookmark: string | null = options.bookmarks ? sectionBookmark(section.key) : null;
    const blocks = section.blocks.map((block, i) => {
      const mark = block.kind === 'heading' ? bookmark : null;
      if (mark) bookmark = null;
      return blockXml(block, { previous: section.blocks[i - 1], next: section.blocks[i + 1] }, lists, mark ? { name: mark, id: ++bookmarkId } : null);
    });
    // A section without a heading still gets its bookmark, in an empty paragraph of its own.
    if (bookmark) blocks.push(`<w:p><w:bookmarkStart w:name="${bookmark}" w:id="${++bookmarkId}"/><w:bookmarkEnd w:id="${bookmarkId}"/></w:p>`);
    return blocks.join('');
  }).join('');
}

type Around = { previous?: Block; next?: Block };

function blockXml(block: Block, around: Around, lists: ListNumbering, bookmark: { name: string; id: number } | null): string {
  switch (block.kind) {
    case 'heading': {
      const text = run(block.text);
      const marked = bookmark ? `<w:bookmarkStart w:name="${bookmark.name}" w:id="${bookmark.id}"/>${text}<w:bookmarkEnd w:id="${bookmark.id}"/>` : text;
      return `<w:p><w:pPr><w:pStyle w:val="Heading${block.level}"/></w:pPr>${marked}</w:p>`;
    }
    case 'paragraph': {
      // The line under a table that explains its asterisks is the table's note: smaller, close below it.
      const note = around.previous?.kind === 'table' && block.text.startsWith('*');
      // What introduces a list or a table stays on its page.
      const keepNext = block.text.endsWith(':') || around.next?.kind === 'table' || around.next?.kind === 'list';
      const props = `${keepNext ? '<w:keepNext/>' : ''}${note ? '<w:spacing w:before="60"/>' : ''}`;
      return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${run(block.text, note ? '<w:sz w:val="18"/><w:szCs w:val="18"/>' : '')}</w:p>`;
    }
    case 'list': {
      const numId = lists.add(block.ordered);
      return block.items.map((item, i) => {
        const keepNext = i < block.items.length - 1 ? '<w:keepNext/>' : '';
        return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/>${keepNext}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr><w:spacing w:after="60"/></w:pPr>${run(item)}</w:p>`;
      }).join('');
    }
    case 'table':
      return tableXml(block, around.next?.kind === 'paragraph' && around.next.text.startsWith('*'));
  }
}

interface CellStyle {
  header?: boolean;
  total?: boolean;
  /** Keep with the next row. */
  keepNext: boolean;
}

/** A real table: full text width, the header repeated on every page and shaded, figures right-aligned, totals bold under a line. */
function tableXml(block: Extract<Block, { kind: 'table' }>, noteBelow: boolean): string {
  const widths = columnWidths(block);
  const numeric = new Set(block.numericColumns);
  const totals = new Set(block.totalRows);
  const together = block.rows.length <= KEEP_TOGETHER_ROWS;
  const cell = (text: string, col: number, style: CellStyle) => {
    const bold = style.header || style.total;
    const lines = style.header ? headerLines(text, widths[col]) : [text];
    const props = `<w:tcW w:w="${widths[col]}" w:type="dxa"/>${style.total ? TOTAL_BORDER : ''}${style.header ? HEADER_FILL : ''}${CELL_MARGINS}${style.header ? '<w:vAlign w:val="bottom"/>' : ''}`;
    const paragraph = `<w:pPr>${style.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="${numeric.has(col) ? 'right' : 'left'}"/><w:rPr>${TABLE_RUN}</w:rPr></w:pPr>`;
    const runs = text === '' ? '' : lines.map((line, i) => run(line, `${bold ? '<w:b/><w:bCs/>' : ''}${TABLE_RUN}`, i > 0)).join('');
    return `<w:tc><w:tcPr>${props}</w:tcPr><w:p>${paragraph}${runs}</w:p></w:tc>`;
  };
  const header = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${block.header.map((text, col) => cell(text, col, { header: true, keepNext: true })).join('')}</w:tr>`;
  const rows = block.rows.map((row, r) => {
    const last = r === block.rows.length - 1;
    const style = { total: totals.has(r), keepNext: together && (!last || noteBelow) };
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((text, col) => cell(text, col, style)).join('')}</w:tr>`;
  });
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const props = `<w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  return `<w:tbl>${props}${grid}${header}${rows.join('')}</w:tbl>`;
}

const HEADING = (level: 1 | 2, size: number, before: number, after: number) =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="Heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
  `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
  `<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

/**
 * The styles the sections use, each a complete definition under Word's built-in name. Inserted
 * into a document that already uses a style, the document's own definition wins; otherwise
 * these apply ("Create better add-ins for Word with Office Open XML": a style needs its name, id
 * and at least one formatting attribute; the defaults are ignored on insertion).
 */
export function stylesXml(): string {
  return `<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>' +
    HEADING(1, 30, 360, 120) +
    HEADING(2, 25, 240, 80) +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>' +
    '</w:styles>';
}

const LEVEL = (format: 'decimal' | 'bullet', text: string) =>
  `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr></w:lvl>`;

/** The numbering part: a numbered and a bulleted list definition, and an instance per list, each starting at 1. */
export function numberingXml(lists: ListNumbering): string {
  const abstract = `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>${LEVEL('decimal', '%1.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>${LEVEL('bullet', '\u2022')}</w:abstractNum>`;
  const nums = lists.lists.map((ordered, i) =>
    `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${ordered ? 1 : 2}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`).join('');
  return `<w:numbering xmlns:w="${W_NS}">${abstract}${nums}</w:numbering>`;
}

export const CONTENT_TYPE = {
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  numbering: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
} as const;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const RELATIONSHIP = {
  officeDocument: `${REL}/officeDocument`,
  styles: `${REL}/styles`,
  numbering: `${REL}/numbering`,
} as const;

export function relationshipsXml(targets: readonly { type: string; target: string }[]): string {
  const items = targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${t.type}" Target="${t.target}"/>`).join('');
  return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** The relationships of word/document.xml to the styles and numbering parts. */
export const DOCUMENT_RELATIONSHIPS = [
  { type: RELATIONSHIP.styles, target: 'styles.xml' },
  { type: RELATIONSHIP.numbering, target: 'numbering.xml' },
] as const;

/**
 * One section as the flat OOXML package Word's insertOoxml takes: the section's blocks (no
 * section properties: they would make Word add a section break, OfficeDev/office-js #110), with
 * the styles and numbering parts they use.
 */
export function sectionPackage(section: DocSection): string {
  const lists = new ListNumbering();
  const body = sectionsBody([section], lists);
  const part = (name: string, type: string, xml: string) => `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  return '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    part('/_rels/.rels', CONTENT_TYPE.relationships, relationshipsXml([{ type: RELATIONSHIP.officeDocument, target: 'word/document.xml' }])) +
    part('/word/document.xml', CONTENT_TYPE.document, `<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`) +
    part('/word/_rels/document.xml.rels', CONTENT_TYPE.relationships, relationshipsXml(DOCUMENT_RELATIONSHIPS)) +
    part('/word/styles.xml', CONTENT_TYPE.styles, stylesXml()) +
    part('/word/numbering.xml', CONTENT_TYPE.numbering, numberingXml(lists)) +
    '</pkg:package>';
}
