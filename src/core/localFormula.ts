import type { Language } from './messages';

// A formula as Excel shows it to its user. Budgetkoll writes and reads formulas in Excel's
// invariant (English) form, as Range.formulas and the file hold them: `=SUM(C5:C9,C12)`. Excel in
// Swedish shows the same formula as `=SUMMA(C5:C9;C12)`: Swedish function names, `;` between
// arguments, a decimal comma, Swedish truth and error values. The function names follow Office's
// display language (which the pane knows); the separators follow the computer's regional
// settings, which the pane cannot read without another round trip, so Swedish here means the
// Swedish defaults. A function missing from the table is shown as Excel stores it.

/** Excel's English function names and their Swedish ones: those a budget's totals use. */
const SWEDISH_FUNCTIONS: Record<string, string> = {
  ABS: 'ABS', AND: 'OCH', AVERAGE: 'MEDEL', CONCATENATE: 'SAMMANFOGA', COUNT: 'ANTAL', COUNTA: 'ANTALV',
  COUNTIF: 'ANTAL.OM', COUNTIFS: 'ANTAL.OMF', HLOOKUP: 'LETAKOLUMN', IF: 'OM', IFERROR: 'OMFEL', INDEX: 'INDEX',
  INDIRECT: 'INDIREKT', INT: 'HELTAL', ISBLANK: 'ÄRTOM', ISERROR: 'ÄRFEL', ISNUMBER: 'ÄRTAL', LEFT: 'VÄNSTER',
  LEN: 'LÄNGD', MATCH: 'PASSA', MAX: 'MAX', MID: 'EXTEXT', MIN: 'MIN', NOT: 'ICKE', OFFSET: 'FÖRSKJUTNING',
  OR: 'ELLER', PRODUCT: 'PRODUKT', RIGHT: 'HÖGER', ROUND: 'AVRUNDA', ROUNDDOWN: 'AVRUNDA.NEDÅT',
  ROUNDUP: 'AVRUNDA.UPPÅT', SUBTOTAL: 'DELSUMMA', SUM: 'SUMMA', SUMIF: 'SUMMA.OM', SUMIFS: 'SUMMA.OMF',
  SUMPRODUCT: 'PRODUKTSUMMA', TEXT: 'TEXT', TODAY: 'IDAG', VLOOKUP: 'LETARAD', XLOOKUP: 'XLETAUPP', YEAR: 'ÅR',
};

const SWEDISH_CONSTANTS: Record<string, string> = { TRUE: 'SANT', FALSE: 'FALSKT' };

const SWEDISH_ERRORS: Record<string, string> = {
  '#N/A': '#SAKNAS!', '#VALUE!': '#VÄRDEFEL!', '#REF!': '#REFERENS!', '#DIV/0!': '#DIVISION/0!',
  '#NAME?': '#NAMN?', '#NUM!': '#OGILTIGT!', '#NULL!': '#SKÄRNING!',
};

const NAME = /[A-Za-z_\\][A-Za-z0-9_.$]*/y;
const REFERENCE_START = /[$A-Za-z_\\]/;
const NUMBER = /\d*\.?\d+(?:[Ee][+-]?\d+)?/y;
const ERROR = /#(?:N\/A|VALUE!|REF!|DIV\/0!|NAME\?|NUM!|NULL!)/y;

/** The end of a quoted run starting at `start` (a string "…" or a sheet name '…'; a doubled quote is one inside it). */
function quotedEnd(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] !== quote) return i + 1;
      i += 2;
    } else i += 1;
  }
  return formula.length;
}

/** The end of a bracketed run ([Book.xlsx], a table's [@Column], an array constant {…}), copied as it is. */
function closingEnd(formula: string, start: number, close: string): number {
  const end = formula.indexOf(close, start + 1);
  return end < 0 ? formula.length : end + 1;
}

/** One token at `i` in Swedish: what to write, and where the next token starts. */
function swedishToken(formula: string, i: number): [string, number] {
  const c = formula[i];
  if (c === '"' || c === "'") {
    const end = quotedEnd(formula, i);
    return [formula.slice(i, end), end];
  }
  if (c === '[') {
    const end = closingEnd(formula, i, ']');
    return [formula.slice(i, end), end];
  }
  if (c === '{') {
    const end = closingEnd(formula, i, '}');
    return [formula.slice(i, end), end];
  }
  if (c === ',') return [';', i + 1];
  if (c === '#') {
    ERROR.lastIndex = i;
    const error = ERROR.exec(formula);
    if (error) return [SWEDISH_ERRORS[error[0]], i + error[0].length];
  }
  if (/\d|\./.test(c)) {
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(formula);
    if (number) return [number[0].replace('.', ','), i + number[0].length];
  }
  if (REFERENCE_START.test(c)) {
    NAME.lastIndex = c === '$' ? i + 1 : i;
    const name = NAME.exec(formula);
    if (name) {
      const end = name.index + name[0].length;
      const text = formula.slice(i, end);
      const upper = name[0].toUpperCase();
      // Excel stores newer functions with a prefix it does not show.
      const bare = upper.replace(/^_XLFN\./, '');
      if (formula[end] === '(') return [SWEDISH_FUNCTIONS[bare] ?? (bare === upper ? text : name[0].slice(6)), end];
      if (c !== '$' && SWEDISH_CONSTANTS[upper] && !/[!:]/.test(formula[end] ?? '')) return [SWEDISH_CONSTANTS[upper], end];
      return [text, end];
    }
  }
  return [c, i + 1];
}

/**
 * `SUM(C5:C9,C12)` (as Excel stores it, with or without the '=') as Excel shows it in `language`:
 * in Swedish `SUMMA(C5:C9;C12)`, in English as it is.
 */
export function localFormula(formula: string, language: Language): string {
  if (language !== 'sv') return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const [text, next] = swedishToken(formula, i);
    out += text;
    i = next;
  }
  return out;
}
