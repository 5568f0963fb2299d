// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
    // The engine is pure: decimal.js and itself, nothing from a host.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fs', 'node:*', 'path', 'os', 'child_process'], message: 'src/core has no I/O.' },
          { group: ['react', 'react-dom', '@fluentui/*', 'office-*', 'exceljs', 'docx', '@microsoft/*'], message: 'src/core knows no host or UI.' },
          { group: ['../files/*', '../cli/*', '../excel/*', '../word/*', '../taskpane/*', '../../*'], message: 'Dependencies point inward only.' },
        ],
      }],
    },
  },
);
