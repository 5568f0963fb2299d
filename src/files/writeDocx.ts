import type { DocSection } from '../core/sections/types';
import {
  CONTENT_TYPE, DOCUMENT_RELATIONSHIPS, ListNumbering, numberingXml, RELATIONSHIP, relationshipsXml, escapeXml,
  sectionsBody, styledParagraph, stylesXml, W_NS,
} from '../wordml/sectionsXml';
import { PAGE } from '../wordml/tableLayout';

// The plan's sections as a Word document: the same WordprocessingML the Word pane inserts
// (src/wordml), with a title, bookmarks and an A4 page, in a package of its own. No fs, no
// Buffer: the standalone pane offers the same bytes as a download.

export { sectionBookmark } from '../wordml/sectionsXml';
export { columnWidths, headerLines, textWidth } from '../wordml/tableLayout';

export const DOCX_TITLE = 'Budgetkoll – verksamhetsplan och budget';
export const DOCX_CREATOR = 'Budgetkoll';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxOptions {
  /** The document's title: its core property and the first line. */
  title?: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The sections as the bytes of a .docx file, in Node and in the browser alike. */
export async function sectionsToDocx(sections: DocSection[], options: DocxOptions = {}): Promise<Uint8Array> {
  const title = options.title ?? DOCX_TITLE;
  const lists = new ListNumbering();
  const body = styledParagraph('Title', title) + sectionsBody(sections, lists, { bookmarks: true });
  const page = `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`;
  const parts: [string, string][] = [
    ['[Content_Types].xml', contentTypes()],
    ['_rels/.rels', relationshipsXml([
      { type: RELATIONSHIP.officeDocument, target: 'word/document.xml' },
      { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties', target: 'docProps/app.xml' },
    ])],
    ['word/document.xml', `<w:document xmlns:w="${W_NS}"><w:body>${body}${page}</w:body></w:document>`],
    ['word/_rels/document.xml.rels', relationshipsXml([...DOCUMENT_RELATIONSHIPS, { type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings', target: 'settings.xml' }])],
    ['word/styles.xml', stylesXml()],
    ['word/numbering.xml', numberingXml(lists)],
    // Word 2013 and later's layout, not compatibility mode.
    ['word/settings.xml', `<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`],
    ['docProps/core.xml', coreProperties(title)],
    ['docProps/app.xml', '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Budgetkoll</Application></Properties>'],
  ];
  const encoder = new TextEncoder();
  return zip(parts.map(([name, xml]) => ({ name, data: encoder.encode(XML_DECLARATION + xml) })));
}

function contentTypes(): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
    override('/word/document.xml', CONTENT_TYPE.document) +
    override('/word/styles.xml', CONTENT_TYPE.styles) +
    override('/word/numbering.xml', CONTENT_TYPE.numbering) +
    override('/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>';
}

function coreProperties(title: string): string {
  return '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${DOCX_CREATOR}</dc:creator><cp:lastModifiedBy>${DOCX_CREATOR}</cp:lastModifiedBy></cp:coreProperties>`;
}

// A zip of the parts, deflated where the platform has CompressionStream('deflate-raw') (Node 20,
// every browser the pane runs in), else stored: written the same in Node and the browser, and
// byte for byte the same each time (a fixed date).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01
const UTF8_NAMES = 0x0800;

/** The data deflated (raw, as a zip entry holds it), or null where the platform cannot. */
async function deflateRaw(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array | null> {
  try {
    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    // A failed write fails the read below, where it is caught.
    writer.write(data).catch(() => undefined);
    writer.close().catch(() => undefined);
    return new Uint8Array(await new Response(stream.readable).arrayBuffer());
  } catch {
    return null;
  }
}

async function zip(entries: readonly { name: string; data: Uint8Array<ArrayBuffer> }[]): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const packed = await deflateRaw(data);
    const method = packed ? 8 : 0;
    const body = packed ?? data;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, method, true);
    local.setUint16(10, 0, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, body);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, UTF8_NAMES, true);
    central.setUint16(10, method, true);
    central.setUint16(14, DOS_DATE, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, data.length, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const size = directory.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...directory, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
