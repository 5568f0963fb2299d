/// <reference types="office-js" />
import { fromA1, toA1 } from '../../src/core/address';
import type { Grid } from '../../src/core/grid';

// An Excel workbook that behaves enough like Excel for the adapter's tests. office-addin-mock
// models property bags (load, then sync, then read); Excel's writes also need a workbook that
// changes only at `sync`, in order, stopping at the first failure without undoing what ran
// before it. So: a small workbook model (cells with formulas, values, formats and fills; notes;
// settings; custom XML parts; added sheets, tables and charts), proxies whose methods and
// property setters queue operations, and a `sync` that runs them, counts itself and can be
// told to fail part-way. Reading a property that was not loaded and synced throws, as in
// Office.js. The `Office` global (requirement sets) is an office-addin-mock object in the tests.

export interface FakeCell {
  /** What `range.formulas` gives: '=SUM(B2:B4)' or the constant. */
  formula: unknown;
  /** The computed value (the formula's cached result, or the constant). */
  value: unknown;
  numberFormat: string;
  /** Excel's category of the number format, where it is not the one formatCategory() derives. */
  category?: string;
  fill: { color: string; pattern: string };
  hyperlink?: Excel.RangeHyperlink;
  bold?: boolean;
}

export interface FakeSheet {
  /** Excel's id of the sheet, which stays when the sheet is renamed (given when the fake first needs it). */
  id?: string;
  name: string;
  cells: Map<string, FakeCell>;
  protected: boolean;
  tables: { address: string; style: string }[];
  charts: FakeChart[];
  /** Column widths set through format.columnWidth, in points (column index → points). */
  columnWidths?: Map<number, number>;
  /** The cells' notes: 'C10' → text. They belong to the sheet: renamed with it, gone with it. */
  notes?: Map<string, string>;
  /** Threaded comments: 'C10' → the comment's id and text. */
  comments?: Map<string, { id: string; content: string }>;
}

export interface FakeSeries {
  name: string;
  /** The series' values: 'J5:J8'. */
  values: string;
  /** Its categories (X values): 'I5:I8'; null when Excel numbers them 1, 2, 3. */
  categories: string | null;
  type: string;
}

export interface FakeChart {
  type: string;
  source: string;
  title: string;
  series: FakeSeries[];
}

export function officeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { name: 'RichApi.Error', code });
}

const key = (row: number, col: number) => `${row}:${col}`;
const NO_FILL = () => ({ color: '#FFFFFF', pattern: 'None' });

export function fakeCell(formula: unknown, value = formula, numberFormat = 'General'): FakeCell {
  return { formula, value, numberFormat, fill: NO_FILL() };
}

/** The engine's grid (a seed read by exceljs) as Excel would hold it. */
export function sheetsFromGrid(grid: Grid): FakeSheet[] {
  return grid.sheets.map((s) => {
    const cells = new Map<string, FakeCell>();
    s.rows.forEach((row, r) => row?.forEach((cell, c) => {
      if (!cell) return;
      let value: unknown = cell.value;
      if (value instanceof Date) value = (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
      if (typeof value === 'object' && value !== null) value = (value as { error: string }).error;
      cells.set(key(r, c), fakeCell(cell.formula ? `=${cell.formula}` : value, value, cell.numFmt ?? 'General'));
    }));
    return { name: s.name, cells, protected: false, tables: [], charts: [] };
  });
}

type Op = () => void;

let sheetIds = 0;
const idOf = (sheet: FakeSheet): string => (sheet.id ??= `{SHEET-${++sheetIds}}`);
const notesOf = (sheet: FakeSheet): Map<string, string> => (sheet.notes ??= new Map());

/** Every sheet's notes, keyed 'Sheet name!C10' as a user would say it. */
class NotesView {
  constructor(private readonly fx: FakeExcelWorkbook) {}
  private split(address: string): { notes: Map<string, string>; cell: string } | null {
    const bang = address.lastIndexOf('!');
    const sheet = this.fx.sheet(address.slice(0, bang));
    return sheet ? { notes: notesOf(sheet), cell: address.slice(bang + 1) } : null;
  }
  get(address: string): string | undefined {
    const at = this.split(address);
    return at?.notes.get(at.cell);
  }
  has(address: string): boolean {
    return this.get(address) !== undefined;
  }
  set(address: string, text: string): this {
    const at = this.split(address);
    if (!at) throw new Error(`no sheet for ${address}`);
    at.notes.set(at.cell, text);
    return this;
  }
  delete(address: string): boolean {
    const at = this.split(address);
    return at?.notes.delete(at.cell) ?? false;
  }
  entries(): [string, string][] {
    return this.fx.sheets.flatMap((s) => [...notesOf(s).entries()].map(([cell, text]): [string, string] => [`${s.name}!${cell}`, text]));
  }
  get size(): number {
    return this.entries().length;
  }
}

export class FakeExcelWorkbook {
  sheets: FakeSheet[];
  readonly notes = new NotesView(this);
  settings = new Map<string, unknown>();
  xmlParts: { id: string; xml: string }[] = [];
  readOnly = false;
  /** Workbook structure protection (Review > Protect Workbook): no sheet can be added, deleted or renamed. */
  structureProtected = false;
  activeSheet: string | null = null;
  selected: string | null = null;
  syncs = 0;
  private queue: Op[] = [];
  private failures = new Map<number, { afterOps: number; code: string }>();
  private nextPart = 1;
  /** The ExcelApi minor version this Excel supports: 18 is ExcelApi 1.18. */
  readonly api: number;
  /**
   * Excel on the web's limit on a response, and the error it gives past it: "a payload size limit
   * for requests and responses of 5MB" (Office Add-ins resource limits), reported as
   * ResponsePayloadSizeLimitExceeded, or as GeneralException (OfficeDev/office-js #1314).
   */
  readonly responseLimit: { bytes: number; code: string };
  /** Bytes the ranges loaded in the running sync bring back, and the syncs that failed on size. */
  private responseBytes = 0;
  tooLarge = 0;

  constructor(sheets: FakeSheet[], options: { api?: number; responseLimit?: { bytes?: number; code?: string } } = {}) {
    this.sheets = sheets;
    this.api = options.api ?? 18;
    this.responseLimit = { bytes: options.responseLimit?.bytes ?? 5_000_000, code: options.responseLimit?.code ?? 'ResponsePayloadSizeLimitExceeded' };
  }

  /** A loaded range's share of the response: its arrays as JSON. */
  respond(arrays: unknown[][][]): void {
    for (const grid of arrays) this.responseBytes += JSON.stringify(grid).length;
  }

  /**
   * An API of ExcelApi 1.`minor`: in an older Excel the call reaches the host and fails there, at
   * the sync, with ApiNotFound ("The API you are trying to use could not be found. It may be
   * available in a newer version", Office.js error codes).
   */
  requires(minor: number, what: string): void {
    if (this.api < minor) this.enqueue(() => { throw officeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}.`); });
  }

  get context(): Excel.RequestContext {
    return { workbook: new WorkbookProxy(this), sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  /** Sync number `n` (counted from the workbook's creation) runs `afterOps` operations, then fails. */
  failSync(n: number, afterOps: number, code = 'GeneralException'): void {
    this.failures.set(n, { afterOps, code });
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue.splice(0);
    const failure = this.failures.get(this.syncs);
    this.responseBytes = 0;
    await Promise.resolve();
    for (let i = 0; i < ops.length; i++) {
      if (failure && i >= failure.afterOps) throw officeError(failure.code, 'There was an internal error while processing the request.');
      ops[i]();
    }
    if (failure) throw officeError(failure.code);
    if (this.responseBytes > this.responseLimit.bytes) {
      this.tooLarge++;
      throw officeError(this.responseLimit.code, 'The response payload size has exceeded the limit.');
    }
  }

  /** A sheet by its name (as Excel, in any case) or its id: WorksheetCollection.getItem takes either (Office.js reference). */
  sheet(key: string): FakeSheet | null {
    return this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || idOf(s) === key) ?? null;
  }

  mustSheet(key: string): FakeSheet {
    const sheet = this.sheet(key);
    if (!sheet) throw officeError('ItemNotFound', `The requested resource doesn't exist (${key}).`);
    return sheet;
  }

  /**
   * Sheets can be added or deleted only while the workbook's structure is not protected, as in
   * Excel ("Protect the workbook structure": no adding, deleting, moving or renaming sheets). The
   * error code Excel gives is not documented: AccessDenied here.
   */
  mustChangeStructure(): void {
    if (this.structureProtected) throw officeError('AccessDenied', 'The workbook structure is protected.');
  }

  newPartId(): string {
    return `{PART-${this.nextPart++}}`;
  }

  /** A deep copy of everything a user could see, to compare before and after. */
  state(): unknown {
    return JSON.parse(JSON.stringify({
      sheets: this.sheets.map((s) => ({
        ...s,
        id: undefined,
        notes: undefined,
        cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
        columnWidths: s.columnWidths ? [...s.columnWidths.entries()] : undefined,
      })),
      notes: this.notes.entries().sort(),
      readOnly: this.readOnly,
    }));
  }
}

/** A proxy's loaded properties: read before load and sync, they throw as in Office.js. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;
  constructor(protected readonly fx: FakeExcelWorkbook) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw officeError('PropertyNotLoaded', `The property '${name}' is not available. Load it and call context.sync() first.`);
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw officeError('PropertyNotLoaded', "The property 'isNullObject' is not available.");
    return this.nullObject;
  }

  protected setNull(value: boolean): void {
    this.nullObject = value;
  }

  protected names(props: string | string[] | undefined): string[] {
    const list = props === undefined ? [] : Array.isArray(props) ? props : props.split(',');
    return list.map((p) => p.trim()).filter(Boolean);
  }
}

// ---------------------------------------------------------------------------------------------

class WorkbookProxy extends Loadable {
  worksheets = new WorksheetsProxy(this.fx);
  settings = new SettingsProxy(this.fx);
  customXmlParts = new XmlPartsProxy(this.fx);

  load(props: string): this {
    const names = this.names(props);
    if (names.includes('readOnly')) this.fx.requires(8, 'Workbook.readOnly');
    this.fx.enqueue(() => {
      for (const n of names) if (n === 'readOnly') this.loaded.set('readOnly', this.fx.readOnly);
    });
    return this;
  }

  get notes(): NotesProxy {
    this.fx.requires(18, 'Workbook.notes');
    return new NotesProxy(this.fx);
  }

  /** Workbook.protection (ExcelApi 1.7). */
  get protection() {
    this.fx.requires(7, 'Workbook.protection');
    const fx = this.fx;
    return new (class extends Loadable {
      load(): this {
        fx.enqueue(() => this.loaded.set('protected', fx.structureProtected));
        return this;
      }
      get protected(): boolean { return this.read('protected'); }
    })(fx);
  }

  get comments(): CommentsProxy {
    this.fx.requires(10, 'Workbook.comments');
    return new CommentsProxy(this.fx);
  }

  get readOnly(): boolean {
    return this.read('readOnly');
  }
}

class WorksheetsProxy extends Loadable {
  private list: WorksheetProxy[] | null = null;

  load(props: string): this {
    const names = this.names(props).map((p) => p.replace(/^items\//, ''));
    this.fx.enqueue(() => {
      this.list = this.fx.sheets.map((s) => {
        const proxy = new WorksheetProxy(this.fx, () => this.fx.sheet(s.name));
        proxy.resolveNow();
        proxy.fill(names);
        return proxy;
      });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.list) throw officeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.fx, () => this.fx.mustSheet(name));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.fx, () => this.fx.sheet(name));
    this.fx.enqueue(() => proxy.resolveNow());
    return proxy;
  }

  add(name: string): WorksheetProxy {
    this.fx.enqueue(() => {
      this.fx.mustChangeStructure();
      if (this.fx.sheet(name)) throw officeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      this.fx.sheets.push({ name, cells: new Map(), protected: false, tables: [], charts: [] });
    });
    return new WorksheetProxy(this.fx, () => this.fx.mustSheet(name));
  }
}

class WorksheetProxy extends Loadable {
  protection: { protected: boolean; load: (p: string) => void };
  tables: { add: (range: RangeProxy, hasHeaders: boolean) => { style: string } };
  charts: { add: (type: string, source: RangeProxy, seriesBy: string) => unknown };

  constructor(fx: FakeExcelWorkbook, readonly target: () => FakeSheet | null) {
    super(fx);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object literal's getters read this proxy's loaded properties
    const self = this;
    this.protection = {
      load: () => fx.enqueue(() => self.fill(['protection/protected'])),
      get protected(): boolean {
        return self.read('protection/protected');
      },
    } as WorksheetProxy['protection'];
    this.tables = {
      add: (range, _hasHeaders) => {
        const table = { address: '', style: 'TableStyleMedium2' };
        fx.enqueue(() => {
          table.address = range.localAddress();
          this.must().tables.push(table);
        });
        return new Proxy(table, { set: (t, p, v) => { fx.enqueue(() => { (t as Record<string | symbol, unknown>)[p] = v; }); return true; } });
      },
    };
    this.charts = {
      add: (type, source, seriesBy) => {
        const chart: FakeChart = { type, source: '', title: '', series: [] };
        fx.enqueue(() => {
          chart.source = source.localAddress();
          chart.series = seriesOf(this.must(), source.bounds(), seriesBy, type);
          this.must().charts.push(chart);
        });
        const series = (i: number) => {
          const must = () => {
            const found = chart.series[i];
            if (!found) throw officeError('ItemNotFound', `The chart has no series ${i}.`);
            return found;
          };
          return {
            set chartType(value: string) { fx.enqueue(() => { must().type = value; }); },
            setXAxisValues: (range: RangeProxy) => fx.enqueue(() => { must().categories = range.localAddress(); }),
          };
        };
        return {
          title: { set text(value: string) { fx.enqueue(() => { chart.title = value; }); } },
          series: { getItemAt: series },
          setPosition: () => undefined,
        };
      },
    };
  }

  resolveNow(): void {
    this.setNull(this.target() === null);
  }

  must(): FakeSheet {
    const sheet = this.target();
    if (!sheet) throw officeError('ItemNotFound', "The requested resource doesn't exist.");
    return sheet;
  }

  fill(names: string[]): void {
    const sheet = this.target();
    this.setNull(sheet === null);
    if (!sheet) return;
    for (const n of names) {
      if (n === 'name') this.loaded.set('name', sheet.name);
      if (n === 'id') this.loaded.set('id', idOf(sheet));
      if (n === 'protection/protected') this.loaded.set('protection/protected', sheet.protected);
    }
  }

  load(props: string): this {
    const names = this.names(props);
    this.fx.enqueue(() => this.fill(names));
    return this;
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  /** The sheet's notes, by local address ('C10'), as Worksheet.notes (ExcelApi 1.18). */
  get notes(): NotesProxy {
    this.fx.requires(18, 'Worksheet.notes');
    return new NotesProxy(this.fx, () => this.must());
  }

  getRange(address: string): RangeProxy {
    const [from, to = from] = address.split(':');
    const a = fromA1(from);
    const b = fromA1(to);
    if (!a || !b) throw officeError('InvalidArgument', address);
    return new RangeProxy(this.fx, this, () => ({ top: a.row, left: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 }));
  }

  /** Several areas, comma- or semicolon-separated (Worksheet.getRanges, ExcelApi 1.9); the fake selects them only. */
  getRanges(address: string): { select(): void } {
    this.fx.requires(9, 'Worksheet.getRanges');
    const areas = address.split(/[,;]/).map((a) => this.getRange(a.trim()));
    return {
      select: () => this.fx.enqueue(() => { this.fx.selected = `${this.must().name}!${areas.map((a) => a.localAddress()).join(',')}`; }),
    };
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.fx.requires(7, 'Worksheet.getRangeByIndexes');
    return new RangeProxy(this.fx, this, () => ({ top: row, left: col, rows, cols }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.fx, this, () => usedBounds(this.must(), valuesOnly === true), true);
  }

  activate(): void {
    this.fx.enqueue(() => { this.fx.activeSheet = this.must().name; });
  }

  delete(): void {
    this.fx.enqueue(() => {
      const sheet = this.must();
      this.fx.mustChangeStructure();
      this.fx.sheets = this.fx.sheets.filter((s) => s !== sheet);
    });
  }
}

interface Bounds { top: number; left: number; rows: number; cols: number }

const rangeAddress = (top: number, left: number, bottom: number, right: number) => `${toA1(top, left)}:${toA1(bottom, right)}`;

/**
 * The series Excel makes of a chart's source range, by columns: the header row names them; the
 * first column is the categories only when its top-left cell is blank or its values are not
 * numbers. Years typed as numbers under a header 'År' become a series of their own (Peltier
 * Tech, "Prepare your data" and the blank top-left cell: a first column of numbers, such as
 * years, is taken as data unless the top-left cell is empty).
 */
function seriesOf(sheet: FakeSheet, b: Bounds, seriesBy: string, type: string): FakeSeries[] {
  if (seriesBy !== 'Columns') throw officeError('InvalidArgument', 'The fake charts only columns.');
  const cell = (r: number, c: number) => sheet.cells.get(key(r, c));
  const body = Array.from({ length: b.rows - 1 }, (_, r) => cell(b.top + 1 + r, b.left)?.value);
  const topLeft = cell(b.top, b.left)?.value;
  const categoriesFirst = topLeft === '' || topLeft === undefined || topLeft === null || body.every((v) => typeof v !== 'number');
  const bottom = b.top + b.rows - 1;
  const categories = categoriesFirst ? rangeAddress(b.top + 1, b.left, bottom, b.left) : null;
  const first = categoriesFirst ? b.left + 1 : b.left;
  return Array.from({ length: b.left + b.cols - first }, (_, i) => ({
    name: String(cell(b.top, first + i)?.value ?? ''),
    values: rangeAddress(b.top + 1, first + i, bottom, first + i),
    categories,
    type,
  }));
}

function usedBounds(sheet: FakeSheet, valuesOnly: boolean): Bounds | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const [k, cell] of sheet.cells) {
    const empty = (cell.formula === '' || cell.formula === null) && (valuesOnly || cell.fill.pattern === 'None');
    if (empty) continue;
    const [r, c] = k.split(':').map(Number);
    top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
  }
  return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * The category Excel gives a number format (Office.js reference, NumberFormatCategory): General,
 * Text for '@', Percentage, Time for formats of hours, minutes or seconds (elapsed ones too),
 * Date for formats of days, months or years, Number for the rest.
 */
export function formatCategory(cell: FakeCell | undefined): string {
  if (cell?.category) return cell.category;
  const format = cell?.numberFormat ?? 'General';
  if (format === 'General') return 'General';
  if (format === '@') return 'Text';
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (/\[(h+|m+|s+)\]/i.test(bare)) return 'Time';
  const codes = bare.replace(/\[[^\]]*\]/g, '');
  if (/[dy]/i.test(codes)) return 'Date';
  if (/[hs]/i.test(codes) || /:m|m:/i.test(codes)) return 'Time';
  if (/m/i.test(codes)) return 'Date';
  if (/%/.test(codes)) return 'Percentage';
  return 'Number';
}

const valueType = (cell: FakeCell | undefined): string => {
  if (!cell || cell.value === '' || cell.value === null || cell.value === undefined) return 'Empty';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  if (typeof cell.value === 'string' && /^#(REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!)$/.test(cell.value)) return 'Error';
  return 'String';
};

class RangeProxy extends Loadable {
  format: {
    fill: { color: string; pattern: string; clear: () => void; load: (p: string) => void };
    font: { bold: boolean; size: number };
    columnWidth: number;
  };

  constructor(fx: FakeExcelWorkbook, readonly sheet: WorksheetProxy, private readonly where: () => Bounds | null, private readonly orNull = false) {
    super(fx);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object literal's getters read this proxy's loaded properties
    const self = this;
    const cellsOf = () => self.cells();
    this.format = {
      fill: {
        load: (props: string) => fx.enqueue(() => {
          const first = self.firstCell();
          for (const p of props.split(',')) self.loaded.set(`fill/${p.trim()}`, (first?.fill ?? NO_FILL())[p.trim() as 'color' | 'pattern']);
        }),
        get color() { return self.read<string>('fill/color'); },
        set color(value: string) { fx.enqueue(() => { for (const c of cellsOf()) c.fill = { color: value.toUpperCase(), pattern: 'Solid' }; }); },
        get pattern() { return self.read<string>('fill/pattern'); },
        set pattern(value: string) { fx.enqueue(() => { for (const c of cellsOf()) c.fill = { ...c.fill, pattern: value }; }); },
        clear: () => fx.enqueue(() => { for (const c of cellsOf()) c.fill = NO_FILL(); }),
      },
      font: {
        set bold(value: boolean) { fx.enqueue(() => { for (const c of cellsOf()) c.bold = value; }); },
        set size(_value: number) { /* not modelled */ },
      } as RangeProxy['format']['font'],
      // In points, not characters (OfficeDev/office-js #187: the unit is points; 8.43 characters took 8.43 × 5.75).
      set columnWidth(value: number) {
        fx.enqueue(() => {
          const b = self.bounds();
          const sheet = self.sheet.must();
          sheet.columnWidths ??= new Map();
          for (let c = b.left; c < b.left + b.cols; c++) sheet.columnWidths.set(c, value);
        });
      },
    } as RangeProxy['format'];
  }

  private resolved(): Bounds | null {
    const b = this.where();
    if (!b && !this.orNull) throw officeError('ItemNotFound', "The requested resource doesn't exist.");
    return b;
  }

  /** Where the range is, once its operation runs. */
  bounds(): Bounds {
    return this.resolved() as Bounds;
  }

  localAddress(): string {
    const b = this.resolved() as Bounds;
    return `${toA1(b.top, b.left)}:${toA1(b.top + b.rows - 1, b.left + b.cols - 1)}`;
  }

  /** The range's cells, created where empty (writes need them). */
  private cells(): FakeCell[] {
    const b = this.resolved();
    if (!b) throw officeError('InvalidReference', 'null object');
    const sheet = this.sheet.must();
    const out: FakeCell[] = [];
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) {
      const k = key(b.top + r, b.left + c);
      if (!sheet.cells.has(k)) sheet.cells.set(k, fakeCell(''));
      out.push(sheet.cells.get(k) as FakeCell);
    }
    return out;
  }

  private firstCell(): FakeCell | undefined {
    const b = this.resolved();
    return b ? this.sheet.must().cells.get(key(b.top, b.left)) : undefined;
  }

  load(props: string): this {
    const names = this.names(props);
    if (names.includes('numberFormatCategories')) this.fx.requires(12, 'Range.numberFormatCategories');
    this.fx.enqueue(() => {
      const b = this.resolved();
      this.setNull(b === null);
      if (!b) return;
      const sheet = this.sheet.must();
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => f(sheet.cells.get(key(b.top + r, b.left + c)))));
      for (const n of names) {
        if (n === 'address') this.loaded.set(n, `'${sheet.name}'!${this.localAddress()}`);
        if (n === 'rowIndex') this.loaded.set(n, b.top);
        if (n === 'columnIndex') this.loaded.set(n, b.left);
        if (n === 'rowCount') this.loaded.set(n, b.rows);
        if (n === 'columnCount') this.loaded.set(n, b.cols);
        if (n === 'values') this.loaded.set(n, grid((c) => c?.value ?? ''));
        if (n === 'formulas') this.loaded.set(n, grid((c) => c?.formula ?? ''));
        if (n === 'numberFormat') this.loaded.set(n, grid((c) => c?.numberFormat ?? 'General'));
        if (n === 'valueTypes') this.loaded.set(n, grid(valueType));
        if (n === 'numberFormatCategories') this.loaded.set(n, grid(formatCategory));
      }
      this.fx.respond(names.filter((n) => ['values', 'formulas', 'numberFormat', 'valueTypes', 'numberFormatCategories'].includes(n)).map((n) => this.loaded.get(n) as unknown[][]));
    });
    return this;
  }

  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get address(): string { return this.read('address'); }
  get values(): unknown[][] { return this.read('values'); }
  get valueTypes(): string[][] { return this.read('valueTypes'); }
  get numberFormat(): unknown[][] { return this.read('numberFormat'); }
  get numberFormatCategories(): string[][] { return this.read('numberFormatCategories'); }

  set numberFormat(rows: unknown[][]) {
    this.fx.enqueue(() => {
      const flat = rows.flat();
      this.cells().forEach((cell, i) => { cell.numberFormat = String(flat[i]); });
    });
  }
  get formulas(): unknown[][] { return this.read('formulas'); }

  set formulas(rows: unknown[][]) {
    this.fx.enqueue(() => {
      const cells = this.cells();
      const flat = rows.flat();
      cells.forEach((cell, i) => typeIn(this.sheet.must(), cell, flat[i]));
    });
  }

  set values(rows: unknown[][]) {
    this.formulas = rows;
  }

  set hyperlink(link: Excel.RangeHyperlink) {
    this.fx.enqueue(() => { for (const c of this.cells()) c.hyperlink = link; });
  }

  getMergedAreasOrNullObject(): Loadable & { load: (p: string) => unknown } {
    this.fx.requires(13, 'Range.getMergedAreasOrNullObject');
    const proxy = new (class extends Loadable {
      load(): this {
        this.fx.enqueue(() => this.setNull(true));
        return this;
      }
    })(this.fx);
    return proxy;
  }

  select(): void {
    this.fx.enqueue(() => { this.fx.selected = `${this.sheet.must().name}!${this.localAddress()}`; });
  }
}

/**
 * A value written through `values` or `formulas`, as Excel takes it: as if typed. Office.js's
 * reference for Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or
 * equal sign ("="), Excel interprets this value as a formula" (so '- Lycksele kommun' becomes a
 * formula Excel cannot evaluate: #NAME?); a leading apostrophe makes the rest text, as when
 * typing; a text that reads as a number becomes that number.
 */
function typeIn(sheet: FakeSheet, cell: FakeCell, entry: unknown): void {
  if (typeof entry === 'string' && cell.numberFormat === '@' && !entry.startsWith("'")) {
    // A cell formatted as Text keeps what is typed as text, a formula too: "Text format cells are
    // treated as text even when a number is in the cell. The cell is displayed exactly as
    // entered" (Office.js reference, NumberFormatCategory.text).
    cell.formula = entry;
    cell.value = entry;
  } else if (typeof entry !== 'string') {
    cell.formula = entry;
    cell.value = entry;
  } else if (entry.startsWith("'")) {
    cell.formula = entry.slice(1);
    cell.value = entry.slice(1);
  } else if (entry.trim() !== '' && Number.isFinite(Number(entry))) {
    cell.formula = Number(entry);
    cell.value = Number(entry);
  } else if (/^[=+-]/.test(entry)) {
    cell.formula = entry.startsWith('=') ? entry : `=${entry}`;
    cell.value = evaluate(sheet, cell.formula as string);
  } else {
    cell.formula = entry;
    cell.value = entry;
  }
}

/**
 * SUM over ranges and single cells, numbers, and sums and differences of them: enough for the
 * formulas Budgetkoll writes. Anything else is a name Excel does not know: #NAME?.
 */
function evaluate(sheet: FakeSheet, formula: string): number | string {
  const num = (row: number, col: number) => {
    const v = sheet.cells.get(key(row, col))?.value;
    return typeof v === 'number' ? v : 0;
  };
  const term = (text: string): number => {
    const sum = /^SUM\((.*)\)$/i.exec(text);
    if (sum) return sum[1].split(',').reduce((n, part) => n + term(part), 0);
    const [from, to = from] = text.split(':');
    const a = fromA1(from);
    const b = fromA1(to);
    if (!a || !b) return Number(text) || 0;
    let total = 0;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) total += num(r, c);
    return total;
  };
  const body = formula.slice(1).replace(/\s+/g, '');
  const TERM = /([+-]?)((?:SUM\([^)]*\))|[A-Z]+\d+(?::[A-Z]+\d+)?|\d+(?:\.\d+)?)/giy;
  let total = 0;
  let at = 0;
  for (let m = TERM.exec(body); m && m[0] !== ''; m = TERM.exec(body)) {
    total += (m[1] === '-' ? -1 : 1) * term(m[2]);
    at = TERM.lastIndex;
  }
  return at === body.length && body !== '' ? total : '#NAME?';
}

// ---------------------------------------------------------------------------------------------

class SettingsProxy {
  constructor(private readonly fx: FakeExcelWorkbook) {}

  add(name: string, value: unknown): void {
    this.fx.enqueue(() => { this.fx.settings.set(name, value); });
  }

  getItem(name: string) {
    const item = this.getItemOrNullObject(name);
    return item;
  }

  getItemOrNullObject(name: string) {
    const fx = this.fx;
    return new (class extends Loadable {
      load(): this {
        fx.enqueue(() => {
          this.setNull(!fx.settings.has(name));
          this.loaded.set('value', fx.settings.get(name) ?? null);
        });
        return this;
      }
      get value(): unknown { return this.read('value'); }
      delete(): void {
        fx.enqueue(() => {
          if (!fx.settings.has(name)) throw officeError('ItemNotFound', 'No such setting.');
          fx.settings.delete(name);
        });
      }
    })(fx);
  }
}

/**
 * Notes: Workbook.notes takes a qualified address ("'Budget 2024'!C10"), Worksheet.notes a local
 * one ('C10'); the fake keeps them with their sheet.
 */
class NotesProxy {
  constructor(private readonly fx: FakeExcelWorkbook, private readonly scope: (() => FakeSheet) | null = null) {}

  private at(address: string): { notes: Map<string, string>; cell: string; sheet: FakeSheet } {
    if (this.scope) {
      const sheet = this.scope();
      return { notes: notesOf(sheet), cell: address, sheet };
    }
    const bang = address.lastIndexOf('!');
    const sheet = this.fx.mustSheet(address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"));
    return { notes: notesOf(sheet), cell: address.slice(bang + 1), sheet };
  }

  add(address: string, content: string): void {
    this.fx.enqueue(() => {
      const { notes, cell, sheet } = this.at(address);
      if (notes.has(cell)) throw officeError('InvalidArgument', 'The cell already has a note.');
      // A cell has a threaded comment or a note, not both (Excel offers New Note only on a cell
      // without a comment; issue 15). The error Excel gives is not documented: InvalidOperation here.
      if (sheet.comments?.has(cell)) throw officeError('InvalidOperation', 'The cell has a threaded comment.');
      notes.set(cell, content);
    });
  }

  getItem(address: string) {
    const fx = this.fx;
    const must = () => {
      const at = this.at(address);
      if (!at.notes.has(at.cell)) throw officeError('ItemNotFound', 'No note.');
      return at;
    };
    return {
      set content(value: string) { fx.enqueue(() => { const { notes, cell } = must(); notes.set(cell, value); }); },
      delete: () => fx.enqueue(() => { const { notes, cell } = must(); notes.delete(cell); }),
    };
  }

  getItemOrNullObject(address: string) {
    const fx = this.fx;
    const at = () => this.at(address);
    return new (class extends Loadable {
      load(): this {
        fx.enqueue(() => {
          const { notes, cell } = at();
          this.setNull(!notes.has(cell));
          this.loaded.set('content', notes.get(cell) ?? null);
        });
        return this;
      }
      get content(): string { return this.read('content'); }
    })(fx);
  }
}

/** Threaded comments (ExcelApi 1.10): listed by id, each located with getLocation(). */
class CommentsProxy {
  private list: { id: string }[] | null = null;
  constructor(private readonly fx: FakeExcelWorkbook) {}

  private all(): { id: string; sheet: FakeSheet; cell: string }[] {
    return this.fx.sheets.flatMap((sheet) => [...(sheet.comments ?? new Map()).entries()].map(([cell, c]) => ({ id: c.id, sheet, cell })));
  }

  load(props: string): this {
    void props;
    this.fx.enqueue(() => { this.list = this.all().map(({ id }) => ({ id })); });
    return this;
  }

  get items(): { id: string }[] {
    if (!this.list) throw officeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  getItem(id: string) {
    const fx = this.fx;
    const find = () => {
      const found = this.all().find((c) => c.id === id);
      if (!found) throw officeError('ItemNotFound', `No comment ${id}.`);
      return found;
    };
    return {
      getLocation: () => new (class extends Loadable {
        load(): this {
          fx.enqueue(() => {
            const { sheet, cell } = find();
            this.loaded.set('address', `'${sheet.name.replace(/'/g, "''")}'!${cell}`);
          });
          return this;
        }
        get address(): string { return this.read('address'); }
      })(fx),
    };
  }
}

class XmlPartsProxy {
  constructor(private readonly fx: FakeExcelWorkbook) {}

  add(xml: string): void {
    this.fx.enqueue(() => { this.fx.xmlParts.push({ id: this.fx.newPartId(), xml }); });
  }

  getByNamespace(namespace: string) {
    const fx = this.fx;
    let items: { id: string; delete: () => void }[] | null = null;
    return {
      load: () => fx.enqueue(() => {
        items = fx.xmlParts.filter((p) => p.xml.includes(`xmlns="${namespace}"`)).map((p) => ({
          id: p.id,
          delete: () => fx.enqueue(() => { fx.xmlParts = fx.xmlParts.filter((q) => q.id !== p.id); }),
        }));
      }),
      get items() {
        if (!items) throw officeError('PropertyNotLoaded', "The property 'items' is not available.");
        return items;
      },
    };
  }
}
