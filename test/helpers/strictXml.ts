/**
 * A strict XML 1.0 parser for tests (independent of the patcher's scanner in src/files/ooxml):
 * it refuses what a conforming parser refuses — unbalanced or crossed tags, an attribute twice,
 * unquoted or '<' in values, unknown entities, characters XML cannot carry, text or a second
 * element outside the root, a document type, a prefix nobody declared — and gives the document
 * as a small tree with namespaces resolved.
 */

export interface XmlNode {
  /** As written: `x:c`. */
  name: string;
  local: string;
  /** The namespace URI ('' for none). */
  ns: string;
  /** Attributes by qualified name, unescaped. */
  attrs: Record<string, string>;
  /** Attributes by `{namespace}local`, for the ones in a namespace. */
  nsAttrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  parent: XmlNode | null;
}

export class NotWellFormed extends Error {}

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
// eslint-disable-next-line no-misleading-character-class -- XML's NameChar includes the combining marks
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
const BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function parseStrictXml(input: string): XmlNode {
  const p = new Parser(input.replace(/^\uFEFF/, ''));
  return p.document();
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(message: string): never {
    const line = this.s.slice(0, this.i).split('\n').length;
    throw new NotWellFormed(`${message} (line ${line}, offset ${this.i})`);
  }

  document(): XmlNode {
    if (this.s.startsWith('<?xml', this.i) && /\s/.test(this.s[this.i + 5] ?? '')) this.pi();
    this.misc();
    if (this.s[this.i] !== '<') this.fail('no root element');
    const root = this.element(null, new Map([['xml', XML_NS]]));
    this.misc();
    if (this.i < this.s.length) this.fail('content after the root element');
    return root;
  }

  private misc(): void {
    for (;;) {
      while (/\s/.test(this.s[this.i] ?? '')) this.i++;
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<?', this.i)) this.pi();
      else if (this.s.startsWith('<!', this.i)) this.fail('a document type declaration');
      else return;
    }
  }

  private comment(): void {
    const end = this.s.indexOf('-->', this.i + 4);
    if (end < 0) this.fail('unterminated comment');
    if (this.s.slice(this.i + 4, end).includes('--')) this.fail("'--' inside a comment");
    this.i = end + 3;
  }

  private pi(): void {
    const end = this.s.indexOf('?>', this.i + 2);
    if (end < 0) this.fail('unterminated processing instruction');
    const target = /^[^\s?]+/.exec(this.s.slice(this.i + 2))?.[0] ?? '';
    if (target.toLowerCase() === 'xml' && this.i > 0) this.fail('an XML declaration not at the start');
    this.i = end + 2;
  }

  private name(): string {
    const start = this.i;
    const first = this.s.charCodeAt(this.i);
    if (!(asciiNameStart(first) || (first >= 0x80 && NAME_START.test(this.s[this.i])))) this.fail('a name expected');
    this.i++;
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (asciiNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || (c >= 0x80 && NAME_CHAR.test(this.s[this.i]))) this.i++;
      else break;
    }
    return this.s.slice(start, this.i);
  }

  private space(): boolean {
    const start = this.i;
    for (let c = this.s.charCodeAt(this.i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = this.s.charCodeAt(this.i)) this.i++;
    return this.i > start;
  }

  private element(parent: XmlNode | null, scope: Map<string, string>): XmlNode {
    this.i++; // '<'
    const name = this.name();
    const raw: [string, string][] = [];
    for (;;) {
      const spaced = this.space();
      const ch = this.s[this.i];
      if (ch === '>' || ch === '/') break;
      if (!spaced) this.fail(`no space before an attribute of <${name}>`);
      const attr = this.name();
      this.space();
      if (this.s[this.i] !== '=') this.fail(`attribute ${attr} without '='`);
      this.i++;
      this.space();
      const quote = this.s[this.i];
      if (quote !== '"' && quote !== "'") this.fail(`attribute ${attr} not quoted`);
      const end = this.s.indexOf(quote, this.i + 1);
      if (end < 0) this.fail(`attribute ${attr} not closed`);
      const value = this.s.slice(this.i + 1, end);
      if (value.includes('<')) this.fail(`'<' in attribute ${attr}`);
      if (raw.some(([n]) => n === attr)) this.fail(`attribute ${attr} twice in <${name}>`);
      raw.push([attr, this.unescape(value)]);
      this.i = end + 1;
    }
    // A new scope only where the element declares a namespace (most do not).
    const own = raw.some(([n]) => n === 'xmlns' || n.startsWith('xmlns:')) ? new Map(scope) : scope;
    for (const [n, v] of raw) {
      if (n === 'xmlns') own.set('', v);
      else if (n.startsWith('xmlns:')) {
        if (v === '') this.fail(`prefix ${n.slice(6)} undeclared with ''`);
        own.set(n.slice(6), v);
      }
    }
    const node: XmlNode = { name, local: localOf(name), ns: this.resolve(name, own, true), attrs: {}, nsAttrs: {}, children: [], text: '', parent };
    for (const [n, v] of raw) {
      node.attrs[n] = v;
      if (n.includes(':') && !n.startsWith('xmlns:')) {
        const key = `{${this.resolve(n, own, false)}}${localOf(n)}`;
        if (key in node.nsAttrs) this.fail(`attribute ${key} twice in <${name}>`);
        node.nsAttrs[key] = v;
      }
    }
    if (this.s[this.i] === '/') {
      if (this.s[this.i + 1] !== '>') this.fail(`'/' not followed by '>' in <${name}>`);
      this.i += 2;
      return node;
    }
    this.i++; // '>'
    this.content(node, own);
    return node;
  }

  private content(node: XmlNode, scope: Map<string, string>): void {
    for (;;) {
      const lt = this.s.indexOf('<', this.i);
      if (lt < 0) this.fail(`<${node.name}> not closed`);
      node.text += this.text(this.s.slice(this.i, lt));
      this.i = lt;
      if (this.s.startsWith('</', this.i)) {
        this.i += 2;
        const name = this.name();
        if (name !== node.name) this.fail(`<${node.name}> closed by </${name}>`);
        this.space();
        if (this.s[this.i] !== '>') this.fail(`</${name} not closed`);
        this.i++;
        return;
      }
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<![CDATA[', this.i)) {
        const end = this.s.indexOf(']]>', this.i);
        if (end < 0) this.fail('unterminated CDATA');
        node.text += this.s.slice(this.i + 9, end);
        this.i = end + 3;
      } else if (this.s.startsWith('<?', this.i)) this.pi();
      else if (this.s.startsWith('<!', this.i)) this.fail('a declaration inside an element');
      else node.children.push(this.element(node, scope));
    }
  }

  private text(raw: string): string {
    if (raw.includes(']]>')) this.fail("']]>' in text");
    return this.unescape(raw);
  }

  private unescape(raw: string): string {
    if (BAD_CHAR.test(raw)) this.fail('a character XML cannot carry');
    return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) this.fail(`'&' that starts no reference: ${whole}`);
      if (ref in PREDEFINED) return PREDEFINED[ref];
      const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
      if (!m) this.fail(`unknown entity &${ref};`);
      const code = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
      const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) this.fail(`a character reference XML cannot carry: &${ref};`);
      return String.fromCodePoint(code);
    });
  }

  private resolve(name: string, scope: Map<string, string>, element: boolean): string {
    if (!name.includes(':')) return element ? scope.get('') ?? '' : '';
    const prefix = name.slice(0, name.indexOf(':'));
    if (prefix === 'xmlns') return 'http://www.w3.org/2000/xmlns/';
    const uri = scope.get(prefix);
    if (uri === undefined) this.fail(`prefix ${prefix} not declared`);
    return uri;
  }
}

/** A-Z, a-z, '_', ':' */
const asciiNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a;

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

export const childrenNamed = (node: XmlNode, local: string): XmlNode[] => node.children.filter((c) => c.local === local);
export const child = (node: XmlNode, local: string): XmlNode | undefined => node.children.find((c) => c.local === local);

/** Every element under `node` (itself included), depth first. */
export function descendants(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const next = stack.pop() as XmlNode;
    out.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
  return out;
}
