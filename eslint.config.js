// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const local = require('./scripts/eslint/noImportCycle');

const NO_REQUESTS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({ name, message: 'The pane makes no requests: nothing leaves the page.' }));
const NO_HOST = ['Office', 'Excel', 'Word'].map((name) => ({ name, message: 'Pane components know no host; give them a source (src/taskpane/model/source.ts) or a port (src/taskpane/word/port.ts).' }));

module.exports = tseslint.config(
  { ignores: ['build/**', 'dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
  },
  {
    // No import cycles in the product, type-only imports included (scripts/eslint/noImportCycle.js):
    // a module's dependencies form a tree, so each can be read and changed without those that use it.
    // Functions and components stay short enough to read whole.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local },
    rules: { 'local/no-import-cycle': 'error', 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    // The task pane: nothing leaves the page (the workbook is read and checked in it), and
    // its components know no host: Office and Excel come in through a source (model/source.ts).
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/boot/**'],
    rules: {
      'no-restricted-globals': ['error', ...NO_REQUESTS, ...NO_HOST],
      'no-restricted-properties': ['error', { object: 'navigator', property: 'sendBeacon', message: 'The pane makes no requests: nothing leaves the page.' }],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fs', 'node:*', 'path', 'os', 'child_process', 'http', 'https'], message: 'The pane runs in a browser.' },
          { group: ['office-*', '@microsoft/*', '@types/office-js'], message: 'Pane components know no host.' },
          { group: ['../../cli/*', '../cli/*', '../../files/readWorkbookFile'], message: 'Node-only modules stay out of the pane.' },
        ],
      }],
    },
  },
  {
    // The Word pane's port is the one pane file besides boot/ that calls Word (Word.run).
    files: ['src/taskpane/word/officeWordPort.ts'],
    rules: { 'no-restricted-globals': ['error', ...NO_REQUESTS, ...NO_HOST.filter((g) => g.name !== 'Word')] },
  },
  {
    // The Excel pane's port is the one pane file besides boot/ that calls Excel (Excel.run).
    files: ['src/taskpane/excel/officeExcelPort.ts'],
    rules: { 'no-restricted-globals': ['error', ...NO_REQUESTS, ...NO_HOST.filter((g) => g.name !== 'Excel')] },
  },
  {
    // The engine is pure: decimal.js and itself, nothing from a host.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fs', 'node:*', 'path', 'os', 'child_process'], message: 'src/core has no I/O.' },
          { group: ['react', 'react-dom', '@fluentui/*', 'office-*', 'exceljs', 'docx', '@microsoft/*'], message: 'src/core knows no host or UI.' },
          { group: ['../files/*', '../cli/*', '../excel/*', '../word/*', '../taskpane/*', '../app/*', '../../*'], message: 'Dependencies point inward only.' },
        ],
      }],
    },
  },
  {
    // The application layer: the use cases, written once for the command, the page and both panes.
    // It knows the engine and nothing else: no I/O, no host, no adapter (they are given what it plans).
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fs', 'node:*', 'path', 'os', 'child_process'], message: 'src/app has no I/O: the hosts read and write.' },
          { group: ['react', 'react-dom', '@fluentui/*', 'office-*', 'exceljs', 'docx', '@microsoft/*', '@e965/*'], message: 'src/app knows no host, UI or file format.' },
          { group: ['../files/*', '../cli/*', '../excel/*', '../word/*', '../wordml/*', '../taskpane/*', '../../*'], message: 'src/app imports only the core.' },
        ],
      }],
    },
  },
  {
    // The adapters (files, Office, WordprocessingML) serve the use cases; they never call them.
    files: ['src/files/**/*.ts', 'src/excel/**/*.ts', 'src/word/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/*'], message: 'Adapters import the core only; the hosts (src/cli, src/taskpane) call the use cases (src/app).' }],
      }],
    },
  },
  {
    // The sections as WordprocessingML, shared by the .docx writer (src/files) and the Word
    // adapter (src/word): pure string building on core's types, so that either may import it
    // without importing the other.
    files: ['src/wordml/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fs', 'node:*', 'path', 'os', 'child_process'], message: 'src/wordml has no I/O.' },
          { group: ['react', 'react-dom', '@fluentui/*', 'office-*', 'exceljs', '@microsoft/*'], message: 'src/wordml knows no host or UI.' },
          { group: ['../files/*', '../cli/*', '../excel/*', '../word/*', '../taskpane/*', '../app/*'], message: 'src/wordml imports only the core.' },
        ],
      }],
    },
  },
);
