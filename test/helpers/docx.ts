import JSZip from 'jszip';

// A .docx read back the plain way: unzip it and look at Word's XML, no docx library involved.

export interface DocxParts {
  document: string;
  numbering: string;
  styles: string;
  core: string;
}

export async function docxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} saknas i dokumentet`);
    return file.async('string');
  };
  return { document: await part('word/document.xml'), numbering: await part('word/numbering.xml'), styles: await part('word/styles.xml'), core: await part('docProps/core.xml') };
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: its `w:t` runs joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');
}

export interface DocxParagraph {
  xml: string;
  style: string | null;
  text: string;
  numId: string | null;
}

/** The body's paragraphs outside tables, in order. */
export function bodyParagraphs(document: string): DocxParagraph[] {
  const body = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    xml: m[1],
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1])?.[1] ?? null,
    text: textOf(m[1]),
    numId: /<w:numId w:val="(\d+)"\/>/.exec(m[1])?.[1] ?? null,
  }));
}

export interface DocxCell {
  xml: string;
  text: string;
  alignment: string | null;
  bold: boolean;
}

export interface DocxTable {
  xml: string;
  grid: number[];
  width: number | null;
  rows: { xml: string; header: boolean; cells: DocxCell[] }[];
}

export function tables(document: string): DocxTable[] {
  return [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    xml: t[1],
    grid: [...t[1].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    width: Number(/<w:tblW [^>]*w:w="(\d+)"/.exec(t[1])?.[1] ?? NaN),
    rows: [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
      xml: r[1],
      header: /<w:tblHeader\/>/.test(r[1]),
      cells: [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const runs = [...c[1].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]);
        return {
          xml: c[1],
          text: textOf(c[1]),
          alignment: /<w:jc w:val="([^"]+)"\/>/.exec(c[1])?.[1] ?? null,
          bold: runs.length > 0 && runs.every((run) => /<w:b\/>/.test(run)),
        };
      }),
    })),
  }));
}

/** numId → the number format of its first level (`decimal`, `bullet`, …), through its abstract numbering. */
export function numberFormats(numbering: string): Map<string, string> {
  const abstract = new Map<string, string>();
  for (const m of numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const level0 = /<w:lvl w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(m[2])?.[1] ?? '';
    abstract.set(m[1], /<w:numFmt w:val="([^"]+)"\/>/.exec(level0)?.[1] ?? '');
  }
  const formats = new Map<string, string>();
  for (const m of numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>[\s\S]*?<w:abstractNumId w:val="(\d+)"\/>/g)) formats.set(m[1], abstract.get(m[2]) ?? '');
  return formats;
}
