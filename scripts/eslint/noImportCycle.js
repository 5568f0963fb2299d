// @ts-check
// ESLint rule `local/no-import-cycle`: no module may import, directly or through others, a module
// that imports it back. Type-only imports count too (eslint-plugin-import's no-cycle leaves them
// out): a cycle of types still ties the modules into one that cannot be read apart. Re-exports
// count; a dynamic import() does not (it is how the pane loads the engine later, on purpose).
//
// The graph of relative imports is read once per lint run with TypeScript's parser (no type
// checking: fast), and again for a file whose modification time changed.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** @type {Map<string, { mtimeMs: number; imports: string[] }>} */
const graph = new Map();

/** The file a relative specifier names, or null (a package, or nothing there). */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const ext of ['', ...EXTENSIONS]) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The files a module imports statically (types included), resolved. */
function importsOf(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const known = graph.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.imports;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const imports = [];
  // Only the module's own import and export declarations: an import() inside a function is dynamic.
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const target = resolve(file, specifier.text);
    if (target) imports.push(target);
  }
  graph.set(file, { mtimeMs, imports });
  return imports;
}

/** A path of imports from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const seen = new Set([start]);
  /** @type {Map<string, string>} */
  const parent = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const current = /** @type {string} */ (queue.shift());
    for (const next of importsOf(current)) {
      if (next === goal) {
        const chain = [goal, current];
        for (let p = parent.get(current); p !== undefined; p = parent.get(p)) chain.push(p);
        return chain.reverse();
      }
      if (seen.has(next)) continue;
      seen.add(next);
      parent.set(next, current);
      queue.push(next);
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}.' },
  },
  create(context) {
    const file = context.filename;
    const cwd = context.cwd;
    const check = (/** @type {any} */ node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolve(file, node.source.value);
      if (!target) return;
      const back = target === file ? [file] : pathBack(target, file);
      if (!back) return;
      const chain = [file, ...back].map((f) => path.relative(cwd, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { chain } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

module.exports = { rules: { 'no-import-cycle': rule } };
