/// <reference types="office-js" />
import type { Block } from '../../src/core/sections/types';

// A Word document that behaves enough like Word for the writer's tests. office-addin-mock
// models property bags (load, then sync, then read); Word's writes also need a document that
// changes only at `sync`, in order, stopping at the first failure without undoing what ran
// before it. So: a small document model (paragraphs, tables, content controls), proxies whose
// methods and property setters queue operations, and a `sync` that runs them, counts itself
// and can be told to fail part-way. Reading a property that was not loaded and synced throws,
// as in Office.js. The `Word` and `Office` globals the pane's entry points use are
// office-addin-mock objects (see wordWriter.test.ts).
//
// Word's content controls as Word has them: a control made around a paragraph belongs to that
// paragraph (OfficeDev/office-js #4975: the control sits inside the paragraph mark; deleting the
// paragraph deletes the control), so what is done to the paragraph is done around the control:
// inserting before or after it lands outside the control's start or end, and replacing its text
// replaces the control (#3176). OOXML inserted into a control is read as Word reads it.

export interface FakeList {
  id: number;
  numbering: string | null;
  bullet: string | null;
}

export interface FakeParagraph {
  kind: 'paragraph';
  text: string;
  style: string;
  list: FakeList | null;
}

export interface FakeTable {
  kind: 'table';
  values: string[][];
  style: string | null;
  headerRowCount: number;
  styleFirstColumn: boolean;
  styleBandedRows: boolean;
  /** `row,cell` → alignment */
  align: Map<string, string>;
  boldRows: Set<number>;
}

export interface FakeControl {
  kind: 'control';
  id: number;
  tag: string;
  title: string;
  appearance: string;
  children: FakeNode[];
  /** How many operations changed this control or anything in it. */
  writes: number;
}

export type FakeNode = FakeParagraph | FakeTable | FakeControl;

type Op = () => void;

export function officeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { name: 'OfficeExtension.Error', code });
}

const notLoaded = (what: string) => officeError('PropertyNotLoaded', `The property '${what}' is not available. Load it and call context.sync() first.`);

export function paragraph(text: string, style = 'Normal'): FakeParagraph {
  return { kind: 'paragraph', text, style, list: null };
}

/** Resolved when the operation that creates or finds the object runs. */
class Ref<T> {
  node: T | null | undefined = undefined;
  constructor(private readonly resolver?: () => T | null) {}
  get(): T | null {
    if (this.node === undefined && this.resolver) this.node = this.resolver();
    return this.node ?? null;
  }
  must(): T {
    const node = this.get();
    if (!node) throw officeError('InvalidReference', 'This reference is not valid for the current operation.');
    return node;
  }
}

export class FakeWordDocument {
  body: FakeNode[];
  /** The node with the cursor: a paragraph, or a table when the cursor is in one. */
  cursor: FakeNode;
  syncs = 0;
  /** Operations each sync ran (or was given, when it failed). */
  batches: number[] = [];
  private queue: Op[] = [];
  private failures = new Map<number, { afterOps: number; code: string }>();
  private nextId = 100;
  private nextListId = 1;
  /** Paragraphs that own the control made around them (Paragraph.insertContentControl). */
  readonly owners = new WeakMap<FakeParagraph, FakeControl>();

  constructor(body: FakeNode[] = [paragraph('')], cursor?: FakeNode) {
    this.body = body;
    this.cursor = cursor ?? body[0];
  }

  /** What `Word.run` hands the batch. */
  get context(): Word.RequestContext {
    const document = new DocumentProxy(this);
    return { document, sync: () => this.sync() } as unknown as Word.RequestContext;
  }

  /** Sync number `n` (1-based, counting from now on as from the start) runs `afterOps` operations and fails. */
  failSync(n: number, afterOps: number, code = 'GeneralException'): void {
    this.failures.set(n, { afterOps, code });
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get queued(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue.splice(0);
    this.batches.push(ops.length);
    const failure = this.failures.get(this.syncs);
    await Promise.resolve();
    for (let i = 0; i < ops.length; i++) {
      if (failure && i >= failure.afterOps) throw officeError(failure.code, 'There was an internal error while processing the request.');
      ops[i]();
    }
    if (failure) throw officeError(failure.code, 'There was an internal error while processing the request.');
  }

  newControlId(): number {
    return this.nextId++;
  }

  newList(): FakeList {
    return { id: this.nextListId++, numbering: null, bullet: null };
  }

  // ---- the document model ----

  /** Every content control, in document order (outer before inner). */
  controls(): FakeControl[] {
    const out: FakeControl[] = [];
    const walk = (nodes: FakeNode[]) => {
      for (const node of nodes) {
        if (node.kind === 'control') {
          out.push(node);
          walk(node.children);
        }
      }
    };
    walk(this.body);
    return out;
  }

  byTag(tag: string): FakeControl[] {
    return this.controls().filter((c) => c.tag === tag);
  }

  /** Where a node is: its siblings, its index among them, and the controls around it (innermost last). */
  locate(target: FakeNode): { siblings: FakeNode[]; index: number; ancestors: FakeControl[] } {
    const search = (nodes: FakeNode[], ancestors: FakeControl[]): { siblings: FakeNode[]; index: number; ancestors: FakeControl[] } | null => {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        if (node === target) return { siblings: nodes, index: i, ancestors };
        if (node.kind === 'control') {
          const found = search(node.children, [...ancestors, node]);
          if (found) return found;
        }
      }
      return null;
    };
    const found = search(this.body, []);
    if (!found) throw officeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return found;
  }

  /**
   * What an operation on a paragraph reaches: the control made around it, while the paragraph is
   * still in it (OfficeDev/office-js #4975, #3176); else the paragraph itself.
   */
  reach(node: FakeParagraph): FakeNode {
    const control = this.owners.get(node);
    return control && control.children.includes(node) && this.contains(control) ? control : node;
  }

  /** Whether a node is in the document. */
  contains(target: FakeNode): boolean {
    try {
      this.locate(target);
      return true;
    } catch {
      return false;
    }
  }

  /** Counts a change to a node in every control around it (and the node itself, if a control). */
  touch(node: FakeNode): void {
    const { ancestors } = this.locate(node);
    for (const control of ancestors) control.writes++;
    if (node.kind === 'control') node.writes++;
  }

  touchAround(siblings: FakeNode[]): void {
    for (const control of this.controls()) if (control.children === siblings) control.writes++;
  }

  /** Inserts `node` next to `anchor`, taking over the paragraph formatting Word would carry over. */
  insertBeside(anchor: FakeNode, node: FakeNode, where: 'Before' | 'After'): void {
    const { siblings, index } = this.locate(anchor);
    siblings.splice(where === 'After' ? index + 1 : index, 0, node);
    this.touchAround(siblings);
  }

  /** A control's text as Word reports it: paragraphs and rows end in `\r`, cells are separated by `\t`; no list numbers. */
  textOf(nodes: FakeNode[]): string {
    return nodes
      .map((node) => (node.kind === 'paragraph' ? node.text : node.kind === 'table' ? node.values.map((row) => row.join('\t')).join('\r') : this.textOf(node.children)))
      .join('\r');
  }

  /** Paragraphs in document order, inside controls too. */
  paragraphs(nodes: FakeNode[] = this.body): FakeParagraph[] {
    return nodes.flatMap((node) => (node.kind === 'paragraph' ? [node] : node.kind === 'control' ? this.paragraphs(node.children) : []));
  }
}

function locationError(where: string): Error {
  return officeError('InvalidArgument', `The insert location '${where}' is not valid here.`);
}

/** A new paragraph as Word makes it: the formatting of the paragraph it follows carries over. */
function newParagraph(text: string, after: FakeNode | undefined): FakeParagraph {
  const from = after?.kind === 'paragraph' ? after : null;
  return { kind: 'paragraph', text, style: from?.style ?? 'Normal', list: from?.list ?? null };
}

function newTable(rows: number, columns: number, values: string[][] | undefined): FakeTable {
  if (values && (values.length !== rows || values.some((row) => row.length !== columns))) {
    throw officeError('InvalidArgument', 'The table values do not match the row and column counts.');
  }
  return {
    kind: 'table',
    values: values ? values.map((row) => [...row]) : Array.from({ length: rows }, () => Array<string>(columns).fill('')),
    style: null,
    headerRowCount: 0,
    styleFirstColumn: true,
    styleBandedRows: true,
    align: new Map(),
    boldRows: new Set(),
  };
}

class DocumentProxy {
  readonly contentControls: ContentControlCollectionProxy;
  constructor(private readonly doc: FakeWordDocument) {
    this.contentControls = new ContentControlCollectionProxy(doc, () => doc.controls());
  }
  getSelection(): RangeProxy {
    return new RangeProxy(this.doc);
  }
}

class ContentControlCollectionProxy {
  private loaded: ContentControlProxy[] | null = null;
  constructor(private readonly doc: FakeWordDocument, private readonly resolve: () => FakeControl[]) {}

  getByTag(tag: string): ContentControlCollectionProxy {
    return new ContentControlCollectionProxy(this.doc, () => this.resolve().filter((c) => c.tag === tag));
  }

  load(properties?: string): this {
    void properties;
    this.doc.enqueue(() => {
      this.loaded = this.resolve().map((node) => ContentControlProxy.loadedFrom(this.doc, node));
    });
    return this;
  }

  get items(): ContentControlProxy[] {
    if (!this.loaded) throw notLoaded('items');
    return this.loaded;
  }
}

interface ControlData {
  id: number;
  tag: string;
  title: string;
  text: string;
  subtype: string;
}

class ContentControlProxy {
  private data: ControlData | null = null;
  private isNull: boolean | undefined = undefined;
  constructor(private readonly doc: FakeWordDocument, readonly ref: Ref<FakeControl>) {}

  static loadedFrom(doc: FakeWordDocument, node: FakeControl): ContentControlProxy {
    const proxy = new ContentControlProxy(doc, new Ref<FakeControl>());
    proxy.ref.node = node;
    proxy.snapshot(node);
    return proxy;
  }

  private snapshot(node: FakeControl | null): void {
    this.isNull = node === null;
    this.data = node
      ? { id: node.id, tag: node.tag, title: node.title, text: this.doc.textOf(node.children), subtype: 'RichTextParagraphs' }
      : null;
  }

  load(properties?: string): this {
    void properties;
    this.doc.enqueue(() => this.snapshot(this.ref.get()));
    return this;
  }

  private read<K extends keyof ControlData>(key: K): ControlData[K] {
    if (!this.data) throw notLoaded(key);
    return this.data[key];
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw notLoaded('isNullObject');
    return this.isNull;
  }
  get id(): number {
    return this.read('id');
  }
  get text(): string {
    return this.read('text');
  }
  get subtype(): string {
    return this.read('subtype');
  }
  get tag(): string {
    return this.read('tag');
  }
  set tag(value: string) {
    this.set((node) => (node.tag = value));
  }
  get title(): string {
    return this.read('title');
  }
  set title(value: string) {
    this.set((node) => (node.title = value));
  }
  set appearance(value: string) {
    this.set((node) => (node.appearance = value));
  }

  private set(change: (node: FakeControl) => void): void {
    this.doc.enqueue(() => {
      const node = this.ref.must();
      change(node);
      this.doc.touch(node);
    });
  }

  insertParagraph(text: string, where: string): ParagraphProxy {
    const ref = new Ref<FakeParagraph>();
    this.doc.enqueue(() => {
      const node = this.ref.must();
      if (where === 'End' || where === 'Start') {
        const p = newParagraph(text, where === 'End' ? node.children[node.children.length - 1] : undefined);
        if (where === 'End') node.children.push(p);
        else node.children.unshift(p);
        this.doc.touch(node);
        ref.node = p;
      } else if (where === 'Before' || where === 'After') {
        const p = newParagraph(text, undefined);
        this.doc.insertBeside(node, p, where);
        ref.node = p;
      } else {
        throw locationError(where);
      }
    });
    return new ParagraphProxy(this.doc, ref);
  }

  insertTable(rows: number, columns: number, where: string, values?: string[][]): TableProxy {
    const ref = new Ref<FakeTable>();
    this.doc.enqueue(() => {
      const node = this.ref.must();
      const table = newTable(rows, columns, values);
      if (where === 'End' || where === 'Start') {
        if (where === 'End') node.children.push(table);
        else node.children.unshift(table);
        this.doc.touch(node);
      } else if (where === 'Before' || where === 'After') {
        this.doc.insertBeside(node, table, where);
      } else {
        throw locationError(where);
      }
      ref.node = table;
    });
    return new TableProxy(this.doc, ref);
  }

  delete(keepContent: boolean): void {
    this.doc.enqueue(() => {
      const node = this.ref.must();
      const { siblings, index } = this.doc.locate(node);
      siblings.splice(index, 1, ...(keepContent ? node.children : []));
      this.doc.touchAround(siblings);
    });
  }

  /** ContentControl.insertOoxml (WordApi 1.1): 'Replace', 'Start' or 'End', inside the control. */
  insertOoxml(ooxml: string, where: string): void {
    this.doc.enqueue(() => {
      const node = this.ref.must();
      const nodes = readOoxml(ooxml, this.doc);
      if (where === 'Replace') node.children = nodes;
      else if (where === 'Start') node.children.unshift(...nodes);
      else if (where === 'End') node.children.push(...nodes);
      else throw locationError(where);
      this.doc.touch(node);
    });
  }

  clear(): void {
    this.set((node) => (node.children = [paragraph('')]));
  }
}

class ParagraphProxy {
  constructor(private readonly doc: FakeWordDocument, readonly ref: Ref<FakeParagraph>) {}

  private change(fn: (node: FakeParagraph) => void): void {
    this.doc.enqueue(() => {
      const node = this.ref.must();
      fn(node);
      this.doc.touch(node);
    });
  }

  set styleBuiltIn(value: string) {
    this.change((node) => (node.style = value));
  }

  detachFromList(): void {
    this.change((node) => (node.list = null));
  }

  insertText(text: string, where: string): void {
    this.change((node) => {
      const reached = this.doc.reach(node);
      if (where === 'Replace' && reached !== node) {
        // The paragraph's range takes in the control made around it: replacing it replaces the control.
        const { siblings, index } = this.doc.locate(reached);
        siblings.splice(index, 1, node);
        this.doc.owners.delete(node);
        this.doc.touchAround(siblings);
      }
      if (where === 'Replace') node.text = text;
      else if (where === 'Start') node.text = text + node.text;
      else if (where === 'End') node.text += text;
      else throw locationError(where);
    });
  }

  /** Deletes the paragraph: with the control made around it, if it has one (OfficeDev/office-js #4975). */
  delete(): void {
    this.doc.enqueue(() => {
      const reached = this.doc.reach(this.ref.must());
      const { siblings, index } = this.doc.locate(reached);
      siblings.splice(index, 1);
      this.doc.touchAround(siblings);
    });
  }

  startNewList(): ListProxy {
    const ref = new Ref<FakeList>();
    this.change((node) => {
      if (node.list) throw officeError('InvalidOperation', 'The paragraph is already a list item.');
      node.list = this.doc.newList();
      ref.node = node.list;
    });
    return new ListProxy(this.doc, ref);
  }

  insertParagraph(text: string, where: string): ParagraphProxy {
    const ref = new Ref<FakeParagraph>();
    this.doc.enqueue(() => {
      if (where !== 'Before' && where !== 'After') throw locationError(where);
      const node = this.ref.must();
      const p = newParagraph(text, where === 'After' ? node : undefined);
      // Before or after the control made around the paragraph, not inside it (OfficeDev/office-js #3176).
      this.doc.insertBeside(this.doc.reach(node), p, where);
      ref.node = p;
    });
    return new ParagraphProxy(this.doc, ref);
  }

  /** Wraps the paragraph in a rich text content control, in place; the paragraph then owns the control. */
  insertContentControl(): ContentControlProxy {
    const ref = new Ref<FakeControl>();
    this.doc.enqueue(() => {
      const node = this.ref.must();
      const { siblings, index } = this.doc.locate(node);
      const control: FakeControl = { kind: 'control', id: this.doc.newControlId(), tag: '', title: '', appearance: 'BoundingBox', children: [node], writes: 1 };
      siblings.splice(index, 1, control);
      this.doc.owners.set(node, control);
      this.doc.touchAround(siblings);
      ref.node = control;
    });
    return new ContentControlProxy(this.doc, ref);
  }
}

class ListProxy {
  constructor(private readonly doc: FakeWordDocument, private readonly ref: Ref<FakeList>) {}

  insertParagraph(text: string, where: string): ParagraphProxy {
    const ref = new Ref<FakeParagraph>();
    this.doc.enqueue(() => {
      if (where !== 'End') throw locationError(where); // all the writer needs
      const list = this.ref.must();
      const items = this.doc.paragraphs().filter((p) => p.list === list);
      const last = items[items.length - 1];
      const p: FakeParagraph = { kind: 'paragraph', text, style: last.style, list };
      // After the list's last paragraph: after the control it owns, if it owns one (OfficeDev/office-js #3176).
      this.doc.insertBeside(this.doc.reach(last), p, 'After');
      ref.node = p;
    });
    return new ParagraphProxy(this.doc, ref);
  }

  setLevelNumbering(level: number, numbering: string): void {
    this.doc.enqueue(() => {
      if (level !== 0) throw officeError('InvalidArgument');
      const list = this.ref.must();
      list.numbering = numbering;
      list.bullet = null;
    });
  }

  setLevelBullet(level: number, bullet: string): void {
    this.doc.enqueue(() => {
      if (level !== 0) throw officeError('InvalidArgument');
      const list = this.ref.must();
      list.bullet = bullet;
      list.numbering = null;
    });
  }
}

class TableProxy {
  private loaded = false;
  private isNull: boolean | undefined = undefined;
  constructor(private readonly doc: FakeWordDocument, readonly ref: Ref<FakeTable>) {}

  private change(fn: (node: FakeTable) => void): void {
    this.doc.enqueue(() => {
      const node = this.ref.must();
      fn(node);
      this.doc.touch(node);
    });
  }

  load(properties?: string): this {
    void properties;
    this.doc.enqueue(() => {
      this.isNull = this.ref.get() === null;
      this.loaded = true;
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.loaded || this.isNull === undefined) throw notLoaded('isNullObject');
    return this.isNull;
  }

  set styleBuiltIn(value: string) {
    this.change((t) => (t.style = value));
  }
  set headerRowCount(value: number) {
    this.change((t) => (t.headerRowCount = value));
  }
  set styleFirstColumn(value: boolean) {
    this.change((t) => (t.styleFirstColumn = value));
  }
  set styleBandedRows(value: boolean) {
    this.change((t) => (t.styleBandedRows = value));
  }

  getCell(row: number, cell: number): { horizontalAlignment: string; parentRow: { font: { bold: boolean } } } {
    const check = (t: FakeTable) => {
      if (row < 0 || row >= t.values.length || cell < 0 || cell >= t.values[row].length) throw officeError('ItemNotFound', `No cell ${row},${cell}.`);
    };
    const change = this.change.bind(this);
    return {
      set horizontalAlignment(value: string) {
        change((t) => {
          check(t);
          t.align.set(`${row},${cell}`, value);
        });
      },
      get horizontalAlignment(): string {
        throw notLoaded('horizontalAlignment');
      },
      parentRow: {
        font: {
          set bold(value: boolean) {
            change((t) => {
              check(t);
              if (value) t.boldRows.add(row);
              else t.boldRows.delete(row);
            });
          },
          get bold(): boolean {
            throw notLoaded('bold');
          },
        },
      },
    };
  }

  insertParagraph(text: string, where: string): ParagraphProxy {
    const ref = new Ref<FakeParagraph>();
    this.doc.enqueue(() => {
      if (where !== 'Before' && where !== 'After') throw locationError(where);
      const p = newParagraph(text, undefined);
      this.doc.insertBeside(this.ref.must(), p, where);
      ref.node = p;
    });
    return new ParagraphProxy(this.doc, ref);
  }
}

class RangeProxy {
  readonly parentContentControlOrNullObject: ContentControlProxy;
  readonly parentTableOrNullObject: TableProxy;
  readonly paragraphs: { getLast(): ParagraphProxy };

  constructor(doc: FakeWordDocument) {
    this.parentContentControlOrNullObject = new ContentControlProxy(doc, new Ref(() => doc.locate(doc.cursor).ancestors.at(-1) ?? null));
    this.parentTableOrNullObject = new TableProxy(doc, new Ref(() => (doc.cursor.kind === 'table' ? doc.cursor : null)));
    this.paragraphs = {
      getLast: () => new ParagraphProxy(doc, new Ref(() => (doc.cursor.kind === 'paragraph' ? doc.cursor : null))),
    };
  }
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A paragraph's or cell's text as Word reports it: its runs' text, a line break as '\v'. */
function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\v' : unescapeXml(m[1]))).join('');
}

/** The body's top-level paragraphs and tables, in order. */
function topLevel(body: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < body.length) {
    const rest = body.slice(at);
    const empty = /^<w:p\/>/.exec(rest);
    const open = /^<w:(p|tbl)(\s[^>]*)?>/.exec(rest);
    if (empty) {
      out.push(empty[0]);
      at += empty[0].length;
    } else if (open) {
      const end = rest.indexOf(`</w:${open[1]}>`);
      if (end < 0) throw officeError('InvalidArgument', 'Malformed OOXML.');
      out.push(rest.slice(0, end + open[1].length + 5));
      at += end + open[1].length + 5;
    } else if (/^<w:(bookmarkStart|bookmarkEnd)\b[^>]*\/>/.test(rest)) {
      at += rest.indexOf('/>') + 2;
    } else {
      throw officeError('InvalidArgument', `Unexpected body content: ${rest.slice(0, 40)}`);
    }
  }
  return out;
}

/**
 * An OOXML package as Word's insertOoxml reads it: the flat package of "Create better add-ins for
 * Word with Office Open XML" (Office Add-ins docs). The main part is found through /_rels/.rels;
 * a paragraph style applies only when the styles part the document relates to defines it with
 * its name, id and at least one formatting attribute ("If you include the style definition in
 * this markup and don't include the styles.xml part, the style information in document.xml will
 * be ignored"); a list only when the numbering part defines its numbering. Section properties in
 * inserted content are refused: Word mishandles them (OfficeDev/office-js #110).
 */
export function readOoxml(ooxml: string, doc: FakeWordDocument): FakeNode[] {
  if (!/^\s*<pkg:package\b/.test(ooxml)) throw officeError('InvalidArgument', 'Not an OOXML package.');
  const parts = new Map([...ooxml.matchAll(/<pkg:part pkg:name="([^"]+)"[^>]*>\s*<pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>\s*<\/pkg:part>/g)].map((m) => [m[1], m[2]]));
  const target = (rels: string | undefined, type: string) => new RegExp(`Type="[^"]*/${type}" Target="([^"]+)"`).exec(rels ?? '')?.[1];
  const main = target(parts.get('/_rels/.rels'), 'officeDocument');
  const document = main ? parts.get(`/${main}`) : undefined;
  if (!main || !document) throw officeError('InvalidArgument', 'The package has no main document part.');
  const folder = `/${main.slice(0, main.lastIndexOf('/') + 1)}`;
  const related = (type: string) => {
    const name = target(parts.get(`${folder}_rels/${main.slice(main.lastIndexOf('/') + 1)}.rels`), type);
    return name ? parts.get(`${folder}${name}`) ?? '' : '';
  };
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '';
  if (/<w:sectPr\b/.test(body)) throw officeError('GeneralException', 'Section properties cannot be inserted into a content control.');
  const styles = new Set([...related('styles').matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)]
    .filter((m) => /<w:name w:val="[^"]+"\/>/.test(m[2]) && /<w:(pPr|rPr|tblPr)>\s*<w:/.test(m[2])).map((m) => m[1]));
  const numbering = related('numbering');
  const formats = new Map([...numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)]
    .map((m) => [m[1], /<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="([^"]+)"/.exec(m[2])?.[1]]));
  const numFormat = new Map([...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/g)].map((m) => [m[1], formats.get(m[2])]));
  const lists = new Map<string, FakeList>();
  const listOf = (numId: string): FakeList | null => {
    const format = numFormat.get(numId);
    if (!format) return null;
    if (!lists.has(numId)) lists.set(numId, { ...doc.newList(), numbering: format === 'decimal' ? 'Arabic' : null, bullet: format === 'bullet' ? 'Solid' : null });
    return lists.get(numId) ?? null;
  };
  return topLevel(body).map((xml): FakeNode => {
    if (xml.startsWith('<w:tbl')) return readTable(xml, styles);
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1];
    const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"\/>/.exec(xml)?.[1];
    return { kind: 'paragraph', text: runText(xml), style: style && styles.has(style) ? style : 'Normal', list: numId ? listOf(numId) : null };
  });
}

function readTable(xml: string, styles: Set<string>): FakeTable {
  const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]);
  const cells = rows.map((row) => [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]));
  const headerRowCount = rows.findIndex((row) => !/<w:tblHeader\/>/.test(row)) === -1 ? rows.length : rows.findIndex((row) => !/<w:tblHeader\/>/.test(row));
  const table = newTable(rows.length, cells[0]?.length ?? 0, cells.map((row) => row.map(runText)));
  const style = /<w:tblStyle w:val="([^"]+)"\/>/.exec(xml)?.[1];
  table.style = style && styles.has(style) ? style : null;
  table.headerRowCount = headerRowCount;
  const look = /<w:tblLook\b([^>]*)\/>/.exec(xml)?.[1] ?? '';
  table.styleFirstColumn = !/w:firstColumn="0"/.test(look);
  table.styleBandedRows = !/w:noHBand="1"/.test(look);
  cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      const jc = /<w:jc w:val="([^"]+)"\/>/.exec(cell)?.[1];
      if (jc) table.align.set(`${r},${c}`, jc === 'right' ? 'Right' : jc === 'center' ? 'Centered' : 'Left');
    });
    const runs = [...row.join('').matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]);
    if (r >= headerRowCount && runs.length > 0 && runs.every((run) => /<w:b\/>/.test(run))) table.boldRows.add(r);
  });
  return table;
}

/**
 * A control's content read back as the sections engine's blocks: headings by their built-in
 * style, lists from Word lists (numbered or bulleted), tables with their right-aligned
 * columns and bold rows. What the writer put in Word, in the form the sections came in.
 */
export function blocksOf(control: FakeControl): Block[] {
  const blocks: Block[] = [];
  let list: FakeList | null = null;
  for (const node of control.children) {
    if (node.kind === 'control') throw new Error('a control inside a section control');
    if (node.kind === 'table') {
      list = null;
      // A line break Word shows in a header cell is layout, not text.
      const [header, ...rows] = node.values.map((row) => row.map((cell) => cell.replace(/\v/g, '')));
      const numericColumns = header.map((_, c) => c).filter((c) => node.values.every((_, r) => node.align.get(`${r},${c}`) === 'Right'));
      blocks.push({ kind: 'table', header, rows, totalRows: [...node.boldRows].map((r) => r - Math.max(1, node.headerRowCount)).sort((a, b) => a - b), numericColumns });
    } else if (node.list) {
      const last = blocks[blocks.length - 1];
      if (node.list === list && last?.kind === 'list') last.items.push(node.text);
      else blocks.push({ kind: 'list', ordered: node.list.numbering === 'Arabic' ? true : node.list.bullet ? false : (undefined as unknown as boolean), items: [node.text] });
      list = node.list;
    } else {
      list = null;
      if (node.style === 'Heading1' || node.style === 'Heading2') blocks.push({ kind: 'heading', level: node.style === 'Heading1' ? 1 : 2, text: node.text });
      else blocks.push({ kind: 'paragraph', text: node.style === 'Normal' ? node.text : `[${node.style}] ${node.text}` });
    }
  }
  return blocks;
}
