import { applySplices, children, firstChild, insertionPoint, localName, prefixOf, rootElement, withAttributes, type Element, type Splice } from './xml';

// Browser-safe. The styles part with what the corrected copy needs added at the end of its
// lists: a solid fill per severity, a cell format per (format the cell had, fill) — a copy of
// the cell's own with only the fill changed, so number formats, fonts, borders and alignment
// stay — and bold fonts for the check sheet. What is there already (from an earlier correction)
// is used again, never added twice; nothing that is there changes index.

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
type ListName = 'fonts' | 'fills' | 'cellXfs';

export const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The styles part of a workbook that has none: what Excel writes for a new book. */
export function minimalStyles(namespace = MAIN_NAMESPACE): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${namespace}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}

interface List {
  element: Element | undefined;
  /** Each item as written (existing) or to be written (added). */
  items: string[];
  /** Items this list had before. */
  existing: number;
}

export class StylesPatch {
  private readonly root: Element;
  private readonly prefix: string;
  private readonly lists: Record<ListName, List>;
  private readonly memo = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.root = rootElement(xml);
    this.prefix = prefixOf(this.root.tag.name);
    const p = this.prefix;
    this.lists = {
      fonts: this.list('fonts', [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`]),
      fills: this.list('fills', [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`]),
      cellXfs: this.list('cellXfs', [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`]),
    };
  }

  private list(name: ListName, defaults: string[]): List {
    const element = firstChild(this.xml, this.root, name);
    if (!element) return { element, items: [...defaults], existing: 0 };
    const items = children(this.xml, element).map((c) => this.xml.slice(c.tag.start, c.end));
    return { element, items, existing: items.length };
  }

  get changed(): boolean {
    return Object.values(this.lists).some((l) => l.items.length !== l.existing);
  }

  /** The index of `item` in the list: where it already is, or added at the end. */
  private indexOf(name: ListName, item: string): number {
    const list = this.lists[name];
    const found = list.items.indexOf(item);
    if (found >= 0) return found;
    list.items.push(item);
    return list.items.length - 1;
  }

  /** The cell format `style` with a solid fill of the colour (RGB hex) instead of its own. */
  withFill(style: number, rgb: string): number {
    const key = `fill:${style}:${rgb}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const fillId = this.indexOf('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    const xf = this.xf(style);
    const index = this.indexOf('cellXfs', this.rewritten(xf, { fillId: String(fillId), applyFill: '1' }));
    this.memo.set(key, index);
    return index;
  }

  /** A cell format like the book's default with its font bold (and of `size` points): the check sheet's headings. */
  bold(size?: number): number {
    const key = `bold:${size ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const fontId = this.indexOf('fonts', this.boldFont(size));
    const index = this.indexOf('cellXfs', this.rewritten(this.xf(0), { fontId: String(fontId), applyFont: '1' }));
    this.memo.set(key, index);
    return index;
  }

  private xf(style: number): string {
    const xfs = this.lists.cellXfs.items;
    return xfs[style] ?? xfs[0];
  }

  /** An item written again with some attributes changed; its content kept. */
  private rewritten(item: string, changes: Record<string, string>): string {
    const element = rootElement(item);
    const content = item.slice(element.contentStart, element.contentEnd);
    const open = withAttributes(item, element.tag, changes, content ? 'open' : 'empty');
    return content ? `${open}${content}</${element.tag.name}>` : open;
  }

  /** The default font (the first) with <b/> first and, for a size, its <sz> replaced. */
  private boldFont(size?: number): string {
    const p = this.prefix;
    const font = rootElement(this.lists.fonts.items[0]);
    const text = this.lists.fonts.items[0];
    const parts = font.tag.kind === 'empty' ? [] : children(text, font);
    const raw = parts.filter((c) => localName(c.tag.name) !== 'b').map((c) => ({ name: localName(c.tag.name), text: text.slice(c.tag.start, c.end) }));
    if (size !== undefined) {
      const sz = `<${p}sz val="${size}"/>`;
      const at = raw.findIndex((c) => c.name === 'sz');
      if (at >= 0) raw[at] = { name: 'sz', text: sz };
      else {
        const before = raw.findIndex((c) => ['color', 'name', 'family', 'charset', 'scheme'].includes(c.name));
        raw.splice(before < 0 ? raw.length : before, 0, { name: 'sz', text: sz });
      }
    }
    return `<${p}font><${p}b/>${raw.map((c) => c.text).join('')}</${p}font>`;
  }

  /** The styles part with the new items at the ends of their lists and the lists' counts right. */
  toXml(): string {
    const splices: Splice[] = [];
    for (const name of ['fonts', 'fills', 'cellXfs'] as const) {
      const list = this.lists[name];
      if (list.items.length === list.existing) continue;
      const added = list.items.slice(list.existing).join('');
      const count = String(list.items.length);
      if (!list.element) {
        const at = insertionPoint(this.xml, this.root, name, STYLE_ORDER);
        splices.push({ start: at, end: at, text: `<${this.prefix}${name} count="${count}">${added}</${this.prefix}${name}>` });
        continue;
      }
      const { tag } = list.element;
      splices.push({ start: tag.start, end: tag.end, text: withAttributes(this.xml, tag, { count }, 'open') });
      if (tag.kind === 'empty') splices.push({ start: tag.end, end: tag.end, text: `${added}</${tag.name}>` });
      else splices.push({ start: list.element.contentEnd, end: list.element.contentEnd, text: added });
    }
    return applySplices(this.xml, splices);
  }
}
