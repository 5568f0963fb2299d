// Browser-safe. Just enough XML to patch an .xlsx part in place: find elements and their
// attributes by position in the text, so that a change is a splice and everything around it
// stays byte for byte. No tree is built and nothing is re-serialised.

export interface Tag {
  /** Qualified name as written: `c`, `x:c`. */
  name: string;
  kind: 'open' | 'close' | 'empty';
  /** Offsets of `<` and just past `>`. */
  start: number;
  end: number;
}

export interface Element {
  tag: Tag;
  /** Just past the end tag (or the empty tag). */
  end: number;
  /** The content between the start and end tags (empty for an empty tag). */
  contentStart: number;
  contentEnd: number;
}

export class XmlError extends Error {}

export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
export const prefixOf = (name: string): string => (name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '');

/** The next start, end or empty tag at or after `from`; comments, processing instructions and CDATA are skipped. */
export function nextTag(xml: string, from: number): Tag | null {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    if (xml.startsWith('<!--', i)) i = after(xml, '-->', i);
    else if (xml.startsWith('<![CDATA[', i)) i = after(xml, ']]>', i);
    else if (xml.startsWith('<?', i)) i = after(xml, '?>', i);
    else if (xml.startsWith('<!', i)) throw new XmlError('a document type declaration is not patched');
    else return tagAt(xml, i);
    i = xml.indexOf('<', i);
  }
  return null;
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at < 0) throw new XmlError(`unterminated ${token}`);
  return at + token.length;
}

function tagAt(xml: string, start: number): Tag {
  const closing = xml[start + 1] === '/';
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  while (i < xml.length) {
    const c = xml.charCodeAt(i);
    if (c === 0x2f || c === 0x3e || c <= 0x20) break;
    i++;
  }
  const name = xml.slice(nameStart, i);
  if (!name) throw new XmlError(`a tag without a name at ${start}`);
  // Attribute values may hold '>' (it need not be escaped there): skip them whole.
  let quote = '';
  for (; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      const kind = closing ? 'close' : xml[i - 1] === '/' ? 'empty' : 'open';
      return { name, kind, start, end: i + 1 };
    }
  }
  throw new XmlError(`unterminated tag at ${start}`);
}

/** The element that starts with `tag` (an open or empty tag). */
export function elementAt(xml: string, tag: Tag): Element {
  if (tag.kind === 'empty') return { tag, end: tag.end, contentStart: tag.end, contentEnd: tag.end };
  if (tag.kind !== 'open') throw new XmlError(`an end tag is no element: ${tag.name}`);
  let depth = 0;
  for (let t = nextTag(xml, tag.end); t; t = nextTag(xml, t.end)) {
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') {
      if (depth === 0) {
        if (t.name !== tag.name) throw new XmlError(`<${tag.name}> closed by </${t.name}>`);
        return { tag, end: t.end, contentStart: tag.end, contentEnd: t.start };
      }
      depth--;
    }
  }
  throw new XmlError(`<${tag.name}> is not closed`);
}

/** The document's root element. */
export function rootElement(xml: string): Element {
  const tag = nextTag(xml, 0);
  if (!tag || tag.kind === 'close') throw new XmlError('no root element');
  return elementAt(xml, tag);
}

/** The child elements of `parent`, in order. */
export function children(xml: string, parent: Element): Element[] {
  const out: Element[] = [];
  let t = nextTag(xml, parent.contentStart);
  while (t && t.start < parent.contentEnd) {
    if (t.kind === 'close') throw new XmlError(`unexpected </${t.name}>`);
    const child = elementAt(xml, t);
    out.push(child);
    t = nextTag(xml, child.end);
  }
  return out;
}

export const childrenNamed = (xml: string, parent: Element, local: string): Element[] =>
  children(xml, parent).filter((c) => localName(c.tag.name) === local);

export const firstChild = (xml: string, parent: Element, local: string): Element | undefined =>
  children(xml, parent).find((c) => localName(c.tag.name) === local);

export interface Attribute {
  name: string;
  /** As written, still escaped. */
  raw: string;
  quote: string;
}

/** The attributes of a start or empty tag, in order. */
export function attributes(xml: string, tag: Tag): Attribute[] {
  const text = xml.slice(tag.start + 1 + tag.name.length, tag.end - (tag.kind === 'empty' ? 2 : 1));
  const out: Attribute[] = [];
  const re = /\s*([^\s=]+)\s*=\s*(["'])/y;
  let i = 0;
  for (;;) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) break;
    const close = text.indexOf(m[2], re.lastIndex);
    if (close < 0) throw new XmlError(`unterminated attribute ${m[1]} in <${tag.name}>`);
    out.push({ name: m[1], raw: text.slice(re.lastIndex, close), quote: m[2] });
    i = close + 1;
  }
  if (text.slice(i).trim() !== '') throw new XmlError(`unreadable attributes in <${tag.name}>`);
  return out;
}

/** One attribute's value, unescaped, or undefined. */
export function attribute(xml: string, tag: Tag, name: string): string | undefined {
  const found = attributes(xml, tag).find((a) => a.name === name);
  return found === undefined ? undefined : unescapeXml(found.raw);
}

/** A start (or empty) tag written again with some attributes set (a value) or removed (null); the others as they were. */
export function withAttributes(xml: string, tag: Tag, changes: Record<string, string | null>, kind: 'open' | 'empty' = tag.kind === 'empty' ? 'empty' : 'open'): string {
  const written = new Set<string>();
  let out = `<${tag.name}`;
  for (const a of attributes(xml, tag)) {
    if (!(a.name in changes)) {
      out += ` ${a.name}=${a.quote}${a.raw}${a.quote}`;
      continue;
    }
    written.add(a.name);
    const value = changes[a.name];
    if (value !== null) out += ` ${a.name}="${escapeXml(value)}"`;
  }
  for (const [name, value] of Object.entries(changes)) if (!written.has(name) && value !== null) out += ` ${name}="${escapeXml(value)}"`;
  return out + (kind === 'empty' ? '/>' : '>');
}

/** The namespace prefix (with its colon, '' for the default namespace) bound to `uri` on the element, or null. */
export function prefixFor(xml: string, element: Element, uri: string): string | null {
  for (const a of attributes(xml, element.tag)) {
    if (unescapeXml(a.raw) !== uri) continue;
    if (a.name === 'xmlns') return '';
    if (a.name.startsWith('xmlns:')) return `${a.name.slice(6)}:`;
  }
  return null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for an attribute value or element content. Characters XML 1.0 cannot carry at all (the
 * C0 controls but tab, newline and return, lone surrogates) are left out.
 */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Element text, where a newline may stand as it is. */
export function escapeText(text: string): string {
  return escapeXml(text).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] as string;
  });
}

/** The text of an element: its character data, tags left out, entities resolved. */
export function textOf(xml: string, element: Element, only?: string): string {
  let out = '';
  let i = element.contentStart;
  let inside = only === undefined ? 1 : 0;
  while (i < element.contentEnd) {
    const t = nextTag(xml, i);
    const stop = t && t.start < element.contentEnd ? t.start : element.contentEnd;
    if (inside > 0) out += unescapeXml(cdataFree(xml.slice(i, stop)));
    if (!t || t.start >= element.contentEnd) break;
    if (only !== undefined && localName(t.name) === only) inside += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
    i = t.end;
  }
  return out;
}

/** Comments and processing instructions fall away; a CDATA section is its text, escaped again so that unescaping keeps it. */
function cdataFree(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The text with the splices made (they must not overlap); what lies between them is kept as it is. */
export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new XmlError('overlapping changes');
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}

/**
 * Where a new child belongs in a parent whose children follow a schema sequence: before the
 * first existing child that comes later in `order` than `name` (or an element the sequence does
 * not name, such as mc:AlternateContent, found after one that does); else at the parent's end.
 */
export function insertionPoint(xml: string, parent: Element, name: string, order: readonly string[]): number {
  const rank = order.indexOf(name);
  let seenKnown = false;
  for (const child of children(xml, parent)) {
    const r = order.indexOf(localName(child.tag.name));
    if (r > rank) return child.tag.start;
    if (r >= 0) seenKnown = true;
    else if (seenKnown && r < 0 && localName(child.tag.name) === 'AlternateContent' && laterAlternate(xml, child, rank, order)) return child.tag.start;
  }
  return parent.contentEnd;
}

/** Whether an mc:AlternateContent holds an element later in the sequence than `rank` (Excel wraps oleObjects and controls so). */
function laterAlternate(xml: string, alternate: Element, rank: number, order: readonly string[]): boolean {
  for (let t = nextTag(xml, alternate.contentStart); t && t.start < alternate.contentEnd; t = nextTag(xml, t.end)) {
    const r = order.indexOf(localName(t.name));
    if (r >= 0) return r > rank;
  }
  return false;
}

/** An empty element's tag opened up, so that children can go in: `<sheetData/>` → `<sheetData></sheetData>`. */
export function opened(xml: string, element: Element): { splice: Splice; contentAt: number } | null {
  if (element.tag.kind !== 'empty') return null;
  const text = `${withAttributes(xml, element.tag, {}, 'open')}</${element.tag.name}>`;
  return { splice: { start: element.tag.start, end: element.tag.end, text }, contentAt: element.tag.start };
}

// Made on first use: a module that imports this one only to read XML text (the reader, through
// opc.ts) may run where there is no TextDecoder yet (a page or jsdom test that never decodes).
let decoder: { decode(bytes: Uint8Array): string } | undefined;
let encoder: { encode(text: string): Uint8Array } | undefined;

/** A part's bytes as text, exactly (a BOM kept), or null when they are not UTF-8. */
export function decodeXml(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xfe || bytes[0] === 0xff) return null;
  decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export const encodeXml = (text: string): Uint8Array => (encoder ??= new TextEncoder()).encode(text);
