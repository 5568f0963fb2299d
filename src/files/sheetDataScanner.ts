import { columnIndexAt } from '../core/address';
import type { Cell, CellValue } from '../core/grid';
import { failure, ok, type Result } from '../core/result';
import { excelText, gridCell, numberValue, type NumberReading } from './gridCell';
import { sheetjsSharedFormula } from './sharedFormula';

// Browser-safe. A worksheet's <sheetData> in the plain form (plainSheets.ts says which and why),
// read in one pass into the engine's cells, each as sheetjsGrid.ts makes it of what SheetJS reads
// (its parse_ws_xml_data, @e965/xlsx 0.20.3): the same value, formula and number format. Whatever SheetJS
// would read in a way of its own — an array formula, rich inline text, an entity
// beyond the five named ones, Excel's `_x000D_` escapes, a CR, bytes that are not UTF-8, a cell
// attribute beyond r, s and t, a cell out of order — is declined with what it was.
// The markup is one character a byte (sheetjsBook.ts: Book.markup), so a position in it is a
// position in the bytes, which are read as UTF-8 wherever a text is not ASCII.

/** The shared strings as SheetJS read them (its `Strings`). */
export type SharedStrings = readonly ({ t?: string } | undefined)[];

/** What a cell's value and format are looked up in. */
export interface CellValues {
  strings: SharedStrings;
  /** A cell style's (its `s`: the text, or its number where that is written plainly) number format as the Grid carries it (none for General). */
  formats: (style: string | number | undefined) => string | undefined;
  reading: NumberReading;
}

/** The sheet's rows of cells, or what in the markup is not in the plain form. */
export function scanSheetData(markup: string, bytes: Uint8Array, start: number, end: number, values: CellValues): Result<(Cell | undefined)[][]> {
  const scanner = new SheetDataScanner(markup, bytes, start, end, values);
  return scanner.scan() ? ok(scanner.data) : failure(scanner.declined);
}

/**
 * The error values read as they are written: SheetJS's codes for the older ones (its RBErr) and the
 * cell's XML for the newer (sheetjsGrid.ts) both give the text. Another text is declined.
 */
const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#WTF?',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!', '#PYTHON!',
]);
/** An error cell without a value: SheetJS's error for a value it cannot use (sheetjsGrid.ts). */
const NO_ERROR_TEXT = '#VALUE!';

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
/** Digits a whole number may have and still be read exactly by summing them (below 2^53). */
const EXACT_DIGITS = 15;
const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
const MINUS = 45;
const ZERO = 48;
const AMPERSAND = 38;
const CR = 13;
const UNDERSCORE = 95;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
/** The five entities SheetJS decodes by name (it decodes numeric ones and other spellings its own way: declined). */
const NAMED_ENTITY = /&(quot|apos|gt|lt|amp);/g;
const OTHER_AMPERSAND = /&(?!(?:quot|apos|gt|lt|amp);)/;
const ENTITY_TEXT: Readonly<Record<string, string>> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };
/** Excel's escape of a character XML cannot hold (`_x000D_`), which SheetJS decodes in every text. */
const CHARACTER_ESCAPE = /_x[\da-fA-F]{4}_/i;
/** Made on first use: a page or test that only imports the reader may have no TextDecoder yet. */
let utf8: { decode(bytes: Uint8Array): string } | undefined;
/** A value SheetJS reads in a way of its own: the workbook is left to it. */
const DECLINE: unique symbol = Symbol('decline');

class SheetDataScanner {
  readonly data: (Cell | undefined)[][] = [];
  /** What was not in the plain form (for tests and the curious: never shown to a user). */
  declined = '';
  private p: number;
  /** The last cell's place (row * MAX_COLUMN + column): cells must come in order, each once. */
  private last = -1;
  // The cell tag being read (cellTag): its place, where its style and type are written (-1: not
  // at all; read where they are used, so that no text is made of them), whether it closes itself.
  private place = -1;
  private styleStart = -1;
  private styleEnd = -1;
  private typeStart = -1;
  private typeEnd = -1;
  private selfClosed = false;
  /** Where the next "'" is from where tagEnd last looked; -1 when there is none to the end. */
  private apostrophe = 0;
  // The cell's <v>: where its text starts and ends (-1: none); its <f>, decoded.
  private valueStart = -1;
  private valueEnd = -1;
  // The cell's inline string (<is><t>…</t></is>): where its text starts and ends (-1: none).
  private inlineStart = -1;
  private inlineEnd = -1;
  private formula: string | undefined;
  private sawFormula = false;
  /** The shared formulas met so far, by their `si`: the text and the place of the group's first cell. */
  private readonly shared = new Map<string, { text: string; place: number }>();

  constructor(
    private readonly s: string,
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
    private readonly values: CellValues,
  ) {
    this.p = start;
  }

  scan(): boolean {
    const s = this.s;
    for (;;) {
      this.skipSpace();
      if (this.p >= this.end) return true;
      if (!s.startsWith('<row', this.p) || !this.isNameEnd(this.p + 4)) return this.decline('an element other than <row> in <sheetData>');
      const close = this.tagEnd(this.p + 4);
      if (close < 0) return this.decline('a <row> tag that does not end');
      this.p = close + 1;
      if (s.charCodeAt(close - 1) === SLASH) continue;
      if (!this.scanRow()) return false;
    }
  }

  private scanRow(): boolean {
    const s = this.s;
    for (;;) {
      this.skipSpace();
      if (s.startsWith('</row>', this.p)) {
        this.p += 6;
        return true;
      }
      if (!s.startsWith('<c', this.p) || !this.isNameEnd(this.p + 2)) return this.decline('an element other than <c> in a <row>');
      if (!this.cellTag()) return this.decline('a cell attribute other than r, s and t in double quotes, or no r');
      if (this.place <= this.last) return this.decline('a cell address out of order or not canonical');
      this.last = this.place;
      if (!this.scanCell()) return false;
    }
  }

  /** The <c …> tag's attributes (r, s and t only, in double quotes, each once); p moves past it. */
  private cellTag(): boolean {
    const s = this.s;
    let p = this.p + 2;
    this.place = -2;
    this.styleStart = this.typeStart = -1;
    for (;;) {
      const start = p;
      while (isSpace(s.charCodeAt(p))) p++;
      const c = s.charCodeAt(p);
      if (c === GT || (c === SLASH && s.charCodeAt(p + 1) === GT)) {
        this.selfClosed = c === SLASH;
        this.p = this.selfClosed ? p + 2 : p + 1;
        return this.place !== -2;
      }
      const name = s.charCodeAt(p);
      if (p === start || s.charCodeAt(p + 1) !== EQUALS || s.charCodeAt(p + 2) !== QUOTE) return false;
      const valueEnd = s.indexOf('"', p + 3);
      if (valueEnd < 0 || valueEnd >= this.end) return false;
      if (name === 114 /* r */ && this.place === -2) this.place = cellPlace(s, p + 3, valueEnd);
      else if (name === 115 /* s */ && this.styleStart < 0) {
        this.styleStart = p + 3;
        this.styleEnd = valueEnd;
      } else if (name === 116 /* t */ && this.typeStart < 0) {
        this.typeStart = p + 3;
        this.typeEnd = valueEnd;
      } else return false;
      p = valueEnd + 1;
    }
  }

  /**
   * The cell's <f> and <v>, each at most once, up to its </c>; then the cell SheetJS makes of
   * them. A cell that closes itself has neither, and still a value by its type (`t="b"`: false).
   */
  private scanCell(): boolean {
    const s = this.s;
    this.valueStart = this.valueEnd = this.inlineStart = this.inlineEnd = -1;
    this.formula = undefined;
    this.sawFormula = false;
    let sawValue = false;
    while (!this.selfClosed) {
      this.skipSpace();
      if (s.startsWith('</c>', this.p)) {
        this.p += 4;
        break;
      }
      if (s.startsWith('<v>', this.p) && !sawValue) {
        sawValue = true;
        const end = this.textEnd(this.p + 3, '</v>');
        if (end < 0) return this.decline('markup inside <v>');
        this.valueStart = this.p + 3;
        this.valueEnd = end;
        this.p = end + 4;
      } else if (s.startsWith('<v/>', this.p) && !sawValue) {
        // An empty value that closes itself (Excel 2003's converter writes them): no value.
        sawValue = true;
        this.p += 4;
      } else if (s.startsWith('<is>', this.p) && this.inlineStart < 0) {
        if (!this.inlineText()) return this.decline('an inline string SheetJS reads its own way (rich text, attributes, markup)');
      } else if (s.startsWith('<f', this.p) && !this.sawFormula) {
        this.sawFormula = true;
        if (!this.formulaText()) return this.decline('an array or otherwise marked formula, or one SheetJS decodes its own way');
      } else return this.decline('an element other than <f> and <v> in a cell, or one twice');
    }
    const cell = this.cell();
    if (cell === null) return this.decline(`a value of type ${this.typeStart < 0 ? 'n' : this.s.slice(this.typeStart, this.typeEnd)} SheetJS reads its own way`);
    if (cell !== undefined) {
      const row = (this.place / MAX_COLUMN) | 0;
      (this.data[row] ??= [])[this.place - row * MAX_COLUMN] = cell;
    }
    return true;
  }

  /**
   * A <f>, decoded as SheetJS does: without attributes, or `ca` (Excel's mark of a volatile
   * formula; LibreOffice writes `aca`), or a shared formula (`t="shared"`, its `si` and the
   * group's `ref`): the group's first cell holds the text, the others none
   * (`<f t="shared" si="0"/>`) and get it moved (sharedFormula.ts).
   */
  private formulaText(): boolean {
    const s = this.s;
    const close = s.indexOf('>', this.p + 2);
    if (close < 0 || close >= this.end) return false;
    const selfClosed = s.charCodeAt(close - 1) === SLASH;
    const attributes = formulaAttributes(s.slice(this.p + 2, selfClosed ? close - 1 : close));
    if (!attributes || (attributes.t !== undefined && attributes.t !== 'shared')) return false;
    const shared = attributes.t === 'shared' ? attributes.si : undefined;
    if (attributes.t === 'shared' && (shared === undefined || !/^(?:0|[1-9]\d{0,8})$/.test(shared))) return false;
    if (selfClosed) {
      this.p = close + 1;
      return shared !== undefined && this.movedSharedFormula(shared);
    }
    const start = close + 1;
    const end = this.textEnd(start, '</f>');
    if (end < 0) return false;
    this.p = end + 4;
    if (end === start) return shared === undefined || this.movedSharedFormula(shared);
    const text = this.decodedText(start, end);
    if (text === undefined || CHARACTER_ESCAPE.test(text) || OTHER_AMPERSAND.test(text)) return false;
    this.formula = text.includes('&') ? text.replace(NAMED_ENTITY, (_, name: string) => ENTITY_TEXT[name]) : text;
    if (shared !== undefined) this.shared.set(shared, { text: this.formula, place: this.place });
    return true;
  }

  /** A cell of a shared formula's group: the group's text moved here (none before its first cell is met). */
  private movedSharedFormula(si: string): boolean {
    const group = this.shared.get(si);
    if (!group) return true;
    const rows = ((this.place / MAX_COLUMN) | 0) - ((group.place / MAX_COLUMN) | 0);
    const columns = (this.place % MAX_COLUMN) - (group.place % MAX_COLUMN);
    const moved = sheetjsSharedFormula(group.text, rows, columns);
    if (moved === null) return false;
    this.formula = moved;
    return true;
  }

  /**
   * An inline string of one plain text, `<is><t>…</t></is>` (the <t> may keep its spaces:
   * xml:space="preserve"), white space allowed around the <t>; its text's span is kept. Rich
   * text, other attributes and any other markup are SheetJS's to read.
   */
  private inlineText(): boolean {
    const s = this.s;
    let p = this.p + 4;
    while (p < this.end && isSpace(s.charCodeAt(p))) p++;
    const open = s.startsWith('<t>', p) ? 3 : s.startsWith('<t xml:space="preserve">', p) ? 24 : 0;
    if (open === 0) return false;
    const start = p + open;
    const lt = this.textEnd(start, '</t>');
    if (lt < 0) return false;
    p = lt + 4;
    while (p < this.end && isSpace(s.charCodeAt(p))) p++;
    if (!s.startsWith('</is>', p)) return false;
    this.inlineStart = start;
    this.inlineEnd = lt;
    this.p = p + 5;
    return true;
  }

  /** Where a text from `from` ends at its closing tag, with no markup inside; -1 for any other. */
  private textEnd(from: number, closing: string): number {
    const lt = this.s.indexOf('<', from);
    return lt >= 0 && lt < this.end && this.s.startsWith(closing, lt) ? lt : -1;
  }

  /** The text of [start, end) as SheetJS's utf8read gives it; undefined for a CR or bytes that are not UTF-8. */
  private decodedText(start: number, end: number): string | undefined {
    const s = this.s;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c === CR) return undefined;
      if (c >= 0x80) ascii = false;
    }
    if (ascii) return s.slice(start, end);
    try {
      utf8 ??= new TextDecoder('utf-8', { fatal: true });
      return utf8.decode(this.bytes.subarray(start, end));
    } catch {
      return undefined;
    }
  }

  /** The cell as the Grid has it; undefined for an empty one (which the Grid drops), null to decline. */
  private cell(): Cell | undefined | null {
    const { valueStart: start, valueEnd: end } = this;
    // SheetJS reads an empty <v> as none, and decodes entities and `_x0031_` escapes in a value
    // (declined: no value Excel writes needs them).
    const hasValue = start >= 0 && end > start;
    if (hasValue && !isPlainValue(this.s, start, end)) return null;
    // An inline string is read only in a cell typed for one (SheetJS reads it nowhere else).
    if (this.inlineStart >= 0 && typeAt(this.s, this.typeStart, this.typeEnd) !== 'inlineStr') return null;
    if (this.inlineStart >= 0 && !isPlainValue(this.s, this.inlineStart, this.inlineEnd)) return null;
    const formula = this.formula === '' ? undefined : this.formula;
    const format = this.values.formats(this.styleStart < 0 ? undefined : styleAt(this.s, this.styleStart, this.styleEnd));
    const value = this.value(hasValue, format);
    return value === DECLINE ? null : gridCell(value, formula, format);
  }

  /**
   * The value SheetJS reads, as sheetjsGrid.ts turns it into the Grid's: undefined for none (a
   * formula without a stored result included: the file has none), DECLINE to decline.
   */
  private value(hasValue: boolean, format: string | undefined): CellValue | undefined | typeof DECLINE {
    const { s, valueStart: start, valueEnd: end } = this;
    switch (this.typeStart < 0 ? 'n' : typeAt(s, this.typeStart, this.typeEnd)) {
      case 'n':
        return hasValue ? numberValue(numberAt(s, start, end), format, this.values.reading) : undefined;
      case 's': {
        if (!hasValue) return undefined;
        const shared = this.values.strings[indexAt(s, start, end)];
        return shared ? excelText(shared.t ?? '') : DECLINE;
      }
      case 'str': {
        const text = hasValue ? this.decodedText(start, end) : '';
        return text === undefined || CHARACTER_ESCAPE.test(text) ? DECLINE : excelText(text);
      }
      case 'inlineStr': {
        // SheetJS reads the <is> and nothing else (a <v> beside it is declined: which would win is its own).
        if (hasValue) return DECLINE;
        const text = this.inlineStart < 0 ? '' : this.decodedText(this.inlineStart, this.inlineEnd);
        return text === undefined || CHARACTER_ESCAPE.test(text) ? DECLINE : excelText(text);
      }
      case 'b':
        return hasValue && (s.startsWith('1', start) ? end - start === 1 : s.slice(start, end) === 'true');
      case 'e': {
        const text = hasValue ? s.slice(start, end) : NO_ERROR_TEXT;
        return ERROR_VALUES.has(text) ? { error: text } : DECLINE;
      }
      default:
        return DECLINE;
    }
  }

  private decline(reason: string): false {
    this.declined = `${reason} (at byte ${this.p})`;
    return false;
  }

  private skipSpace(): void {
    while (this.p < this.end && isSpace(this.s.charCodeAt(this.p))) this.p++;
  }

  private isNameEnd(at: number): boolean {
    const c = this.s.charCodeAt(at);
    return isSpace(c) || c === GT || c === SLASH;
  }

  /**
   * The '>' that ends the tag whose attributes start at `from` (a quoted value may hold '>');
   * -1 if none before the end, or a '<' first. Found by indexOf: a row's tag has a dozen attributes.
   */
  private tagEnd(from: number): number {
    const s = this.s;
    let gt = s.indexOf('>', from);
    // The next apostrophe, searched again only once passed (none at all: searched once).
    if (this.apostrophe >= 0 && this.apostrophe < from) this.apostrophe = s.indexOf("'", from);
    if (gt < 0 || (this.apostrophe >= 0 && this.apostrophe < gt)) return this.tagEndQuoted(from);
    for (let quote = s.indexOf('"', from); quote >= 0 && quote < gt; quote = s.indexOf('"', quote + 1)) {
      quote = s.indexOf('"', quote + 1);
      if (quote < 0) return -1;
      if (quote > gt) gt = s.indexOf('>', quote);
      if (gt < 0) return -1;
    }
    const lt = s.indexOf('<', from);
    return gt >= this.end || (lt >= 0 && lt < gt) ? -1 : gt;
  }

  /** tagEnd where a value is in single quotes: a character at a time. */
  private tagEndQuoted(from: number): number {
    const s = this.s;
    for (let p = from; p < this.end; p++) {
      const c = s.charCodeAt(p);
      if (c === QUOTE || c === APOSTROPHE) {
        p = s.indexOf(s.charAt(p), p + 1);
        if (p < 0) return -1;
      } else if (c === GT) return p;
      else if (c === LT) return -1;
    }
    return -1;
  }
}

const FORMULA_ATTRIBUTE = /\s+(t|ref|si|ca|aca)="([^"&<]*)"/y;

type FormulaAttribute = 't' | 'ref' | 'si' | 'ca' | 'aca';

/** A <f>'s attributes (t, ref, si, ca and LibreOffice's aca, each once, in double quotes); null for any other. */
function formulaAttributes(text: string): Partial<Record<FormulaAttribute, string>> | null {
  const found: Partial<Record<FormulaAttribute, string>> = {};
  let read = 0;
  FORMULA_ATTRIBUTE.lastIndex = 0;
  for (let m; (m = FORMULA_ATTRIBUTE.exec(text)); read = FORMULA_ATTRIBUTE.lastIndex) {
    const name = m[1] as FormulaAttribute;
    if (found[name] !== undefined) return null;
    found[name] = m[2];
  }
  return text.slice(read).trim() === '' ? found : null;
}

/** A style written plainly (digits, no leading zero) as its number, else its text: SheetJS looks both up alike. */
function styleAt(s: string, start: number, end: number): string | number {
  if (end - start <= 6 && (s.charCodeAt(start) !== ZERO || end - start === 1)) {
    const n = digitsAt(s, start, end);
    if (n >= 0) return n;
  }
  return s.slice(start, end);
}

/** The whole number the digits in [start, end) write (at most 15: exact in a double); -1 for none or another character. */
function digitsAt(s: string, start: number, end: number): number {
  if (end <= start || end - start > EXACT_DIGITS) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A cell's type: the ones read here by their letters, any other as 'other'. */
function typeAt(s: string, start: number, end: number): 'n' | 's' | 'b' | 'e' | 'str' | 'inlineStr' | 'other' {
  if (end - start === 1) {
    const c = s.charAt(start);
    return c === 'n' || c === 's' || c === 'b' || c === 'e' ? c : 'other';
  }
  if (end - start === 3 && s.startsWith('str', start)) return 'str';
  return end - start === 9 && s.startsWith('inlineStr', start) ? 'inlineStr' : 'other';
}

/** A canonical address (A1 … XFD1048576) in [start, end) as row * MAX_COLUMN + column; -1 for anything else. */
function cellPlace(s: string, start: number, end: number): number {
  let digits = start;
  while (digits < end && digits < start + 3 && s.charCodeAt(digits) >= 65 && s.charCodeAt(digits) <= 90) digits++;
  const column = columnIndexAt(s, start, digits);
  if (column < 0 || column >= MAX_COLUMN || s.charCodeAt(digits) === ZERO) return -1;
  const row = digitsAt(s, digits, end);
  if (row < 1 || row > MAX_ROW) return -1;
  return (row - 1) * MAX_COLUMN + column;
}

/** Whether [start, end) has no '&' and no `_xHHHH_` escape. */
function isPlainValue(s: string, start: number, end: number): boolean {
  let underscore = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === AMPERSAND) return false;
    if (c === UNDERSCORE) underscore = true;
  }
  return !underscore || !CHARACTER_ESCAPE.test(s.slice(start, end));
}

/** parseFloat of [start, end): summed where it is a whole number short enough to be exact, as parseFloat gives it. */
function numberAt(s: string, start: number, end: number): number {
  const negative = s.charCodeAt(start) === MINUS;
  const n = digitsAt(s, negative ? start + 1 : start, end);
  // -0 stays -0, as parseFloat('-0') gives it.
  if (n >= 0) return negative ? -n : n;
  return parseFloat(s.slice(start, end));
}

/** parseInt(…, 10) of [start, end), as SheetJS reads a shared string's index. */
function indexAt(s: string, start: number, end: number): number {
  const n = digitsAt(s, start, end);
  return n >= 0 ? n : parseInt(s.slice(start, end), 10);
}
