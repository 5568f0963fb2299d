import type { Book } from './sheetjsBook';

// Browser-safe. The parts of the .xlsx package behind SheetJS's workbook (sheetjsBook.ts): which
// part each worksheet was read from, and whether a part's XML is whole. SheetJS reads what it
// finds and says nothing when a part ends in the middle of a row (a download cut off, a program
// that died while saving); Excel offers to repair such a file and LibreOffice refuses it.

/** The package's paths, without the leading '/'. */
interface Directory {
  workbooks?: string[];
  sst?: string;
}

/** The workbook part ('xl/workbook.xml'), as [Content_Types].xml names it. */
function workbookPartName(book: Book): string {
  const directory = (book.workbook as unknown as { Directory?: Directory }).Directory;
  return (directory?.workbooks?.[0] ?? 'xl/workbook.xml').replace(/^\/+/, '');
}

/** The shared strings part, when the package has one. */
function sharedStringsPartName(book: Book): string | null {
  const sst = (book.workbook as unknown as { Directory?: Directory }).Directory?.sst;
  return sst ? sst.replace(/^\/+/, '') : null;
}

const RELATIONSHIP = /<(?:\w+:)?Relationship\b[^>]*>/g;
const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);

/** 'xl/' + '../customXml/item1.xml' → 'customXml/item1.xml'; a target from '/' is from the package's root. */
function resolvePart(directory: string, target: string): string {
  const segments = target.startsWith('/') ? [] : directory.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The part each of the workbook's sheets was read from (by its position in workbook.xml), from the
 * workbook's relationships; null for a sheet whose part cannot be named.
 */
export function sheetPartNames(book: Book): (string | null)[] {
  const workbookPart = workbookPartName(book);
  const slash = workbookPart.lastIndexOf('/');
  const directory = workbookPart.slice(0, slash + 1);
  const rels = book.markup(`${directory}_rels/${workbookPart.slice(slash + 1)}.rels`) ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(RELATIONSHIP) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target && attribute(tag, 'TargetMode') !== 'External') targets.set(id, resolvePart(directory, target));
  }
  const sheets = (book.workbook.Workbook?.Sheets ?? []) as { id?: string }[];
  return book.workbook.SheetNames.map((_, i) => targets.get(sheets[i]?.id ?? '') ?? null);
}

/**
 * The parts SheetJS read cells and names from that end before their XML does: the workbook
 * part, the shared strings, and the worksheets read (`readSheets`, by position).
 */
export function incompleteParts(book: Book, readSheets: boolean[]): string[] {
  const names = sheetPartNames(book).filter((name, i) => readSheets[i] && name !== null) as string[];
  const strings = sharedStringsPartName(book);
  const parts = [workbookPartName(book), ...(strings ? [strings] : []), ...names];
  return parts.filter((name) => {
    const bytes = book.part(name);
    return bytes !== null && !isCompleteXml(bytes);
  });
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isNameEnd = (b: number): boolean => isSpace(b) || b === SLASH || b === GT;

/**
 * Whether an XML document ends where its root element does: `</root>` (with its prefix, if any)
 * or a root that closes itself, and nothing but white space after. Only the two ends are read.
 */
export function isCompleteXml(bytes: Uint8Array): boolean {
  const root = rootElement(bytes);
  if (!root) return false;
  let end = bytes.length;
  while (end > 0 && isSpace(bytes[end - 1])) end--;
  if (root.selfClosedAt >= 0) return end === root.selfClosedAt + 1;
  if (end === 0 || bytes[end - 1] !== GT) return false;
  let p = end - 2;
  while (p >= 0 && isSpace(bytes[p])) p--;
  const nameEnd = p + 1;
  const nameStart = nameEnd - root.name.length;
  if (nameStart < 2 || bytes[nameStart - 2] !== LT || bytes[nameStart - 1] !== SLASH) return false;
  for (let i = 0; i < root.name.length; i++) if (bytes[nameStart + i] !== root.name[i]) return false;
  return true;
}

/**
 * The root element's name (as bytes, prefix included) and, when it closes itself (`<root/>`),
 * where that tag's '>' is; null when there is no root element to be found.
 */
function rootElement(bytes: Uint8Array): { name: Uint8Array; selfClosedAt: number } | null {
  let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (;;) {
    while (p < bytes.length && bytes[p] !== LT) p++;
    if (p + 1 >= bytes.length) return null;
    const next = bytes[p + 1];
    if (next === QUESTION) {
      const end = indexOfBytes(bytes, [QUESTION, GT], p + 2);
      p = end < 0 ? 1 : end + 2;
    } else if (next === BANG) p = endOfDeclaration(bytes, p + 2);
    else break;
    if (p < 2) return null;
  }
  const start = p + 1;
  let end = start;
  while (end < bytes.length && !isNameEnd(bytes[end])) end++;
  if (end === start || end >= bytes.length) return null;
  const close = bytes.indexOf(GT, end);
  if (close < 0) return null;
  return { name: bytes.subarray(start, end), selfClosedAt: bytes[close - 1] === SLASH ? close : -1 };
}

/** Just past a comment (`<!-- … -->`) or a DOCTYPE, internal subset and all; 1 when it does not end. */
function endOfDeclaration(bytes: Uint8Array, from: number): number {
  if (bytes[from] === 0x2d && bytes[from + 1] === 0x2d) {
    const end = indexOfBytes(bytes, [0x2d, 0x2d, GT], from + 2);
    return end < 0 ? 1 : end + 3;
  }
  let p = from;
  while (p < bytes.length && bytes[p] !== GT && bytes[p] !== OPEN_BRACKET) p++;
  if (bytes[p] === OPEN_BRACKET) {
    // The internal subset ends with ']' and the declaration's '>'.
    for (p++; p < bytes.length; p++) {
      if (bytes[p] !== CLOSE_BRACKET) continue;
      let q = p + 1;
      while (q < bytes.length && isSpace(bytes[q])) q++;
      if (bytes[q] === GT) return q + 1;
    }
    return 1;
  }
  return p < bytes.length ? p + 1 : 1;
}

function indexOfBytes(bytes: Uint8Array, needle: number[], from: number): number {
  for (let i = bytes.indexOf(needle[0], from); i >= 0; i = bytes.indexOf(needle[0], i + 1)) {
    if (needle.every((b, j) => bytes[i + j] === b)) return i;
  }
  return -1;
}
