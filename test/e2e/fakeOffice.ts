import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from './browserHarness';
import { sheetsFromGrid } from '../excel/fakeExcel';
import { readSeedGrid } from '../helpers/seeds';

// office.js as Excel or Word would have it, for the built pane in Chromium: the page asks for
// office.js and is answered with this (never fetched). The applications are the adapters' fakes
// (test/excel/fakeExcel.ts, test/word/fakeWord.ts), transpiled for the page; everything else is
// the real pane. Office's display language and theme are as the test says.

export const IN_EXCEL = '?_host_Info=Excel$Win32$16.01$sv-SE$$$$0';
export const IN_WORD = '?_host_Info=Word$Win32$16.01$sv-SE$$$$0';

/** Office's task-pane background: white, or the dark theme's (Office.context.officeTheme.bodyBackgroundColor). */
export const OFFICE_THEME = { light: '#FFFFFF', dark: '#1F1F1F' } as const;
export type OfficeTheme = keyof typeof OFFICE_THEME;

const transpile = (file: string) => ts.transpileModule(readFileSync(path.join(ROOT, file), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
}).outputText;

export interface FakeExcelOptions {
  seed?: string;
  displayLanguage?: string;
  theme?: OfficeTheme;
}

/** Excel (ExcelApi up to 1.18) with the seed open as its workbook (`window.__book`). */
export async function fakeExcelOfficeJs({ seed = 'seed-001-lund-antagen.xlsx', displayLanguage = 'sv-SE', theme = 'light' }: FakeExcelOptions = {}): Promise<string> {
  const sheets = sheetsFromGrid(await readSeedGrid(seed)).map((s) => ({ ...s, cells: [...s.cells.entries()] }));
  return `
(function () {
  var address = { exports: {} };
  (function (exports, module) { ${transpile('src/core/address.ts')} })(address.exports, address);
  var exports = {};
  var module = { exports: exports };
  var require = function () { return address.exports; };
  ${transpile('test/excel/fakeExcel.ts')}
  window.__fakeExcel = exports;
})();
window.__book = new window.__fakeExcel.FakeExcelWorkbook(${JSON.stringify(sheets)}.map(function (s) { s.cells = new Map(s.cells); return s; }));
window.Office = {
  HostType: { Word: 'Word', Excel: 'Excel' },
  context: { host: 'Excel', displayLanguage: ${JSON.stringify(displayLanguage)}, officeTheme: { bodyBackgroundColor: ${JSON.stringify(OFFICE_THEME[theme])} }, requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && Number(String(version).split('.')[1]) <= 18; } } },
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); },
};
window.Excel = { run: function (batch) { return batch(window.__book.context); } };
`;
}

export interface FakeWordOptions {
  /** WordApi 1.3 (content controls); without it the pane cannot insert. */
  supported?: boolean;
  theme?: OfficeTheme;
}

/** Word with a short document (`window.__doc`), counting its Word.run calls (`window.__runs`). */
export function fakeWordOfficeJs({ supported = true, theme = 'light' }: FakeWordOptions = {}): string {
  return `
(function () {
  var exports = {};
  var module = { exports: exports };
  ${transpile('test/word/fakeWord.ts')}
  window.__fakeWord = exports;
})();
window.__doc = new window.__fakeWord.FakeWordDocument([
  window.__fakeWord.paragraph('Verksamhetsplan 2024', 'Title'),
  window.__fakeWord.paragraph('Bilagor följer.'),
]);
window.__runs = 0;
window.Office = {
  HostType: { Word: 'Word', Excel: 'Excel' },
  context: { host: 'Word', displayLanguage: 'sv-SE', officeTheme: { bodyBackgroundColor: ${JSON.stringify(OFFICE_THEME[theme])} }, requirements: { isSetSupported: function (name, version) { return ${supported ? "name === 'WordApi' && Number(version) <= 1.3" : 'false'}; } } },
  onReady: function () { return Promise.resolve({ host: 'Word', platform: 'PC' }); },
};
window.Word = { run: function (batch) { window.__runs += 1; return batch(window.__doc.context); } };
`;
}
