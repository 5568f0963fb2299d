import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const local = require('../../scripts/eslint/noImportCycle');

/** Lints the given files (name → text), written to a fresh folder, with only local/no-import-cycle on. */
function lint(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-cycles-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const linter = new Linter({ cwd: dir });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { local }, rules: { 'local/no-import-cycle': 'error' as const } }];
    return Object.entries(files).flatMap(([name, text]) => linter.verify(text, config, { filename: path.join(dir, name) })
      .map((m) => `${name}:${m.line} ${m.message}`)).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('local/no-import-cycle', () => {
  it('reports a cycle through type-only imports, in every module on it', () => {
    expect(lint({
      'a.ts': "import { b } from './b';\nexport const a = b + 1;\n",
      'b.ts': "import type { C } from './dir/c';\nexport const b: C = 1;\n",
      'dir/c.ts': "import type { a } from '../a';\nexport type C = typeof a;\n",
    })).toEqual([
      'a.ts:1 Import cycle: a.ts → b.ts → dir/c.ts → a.ts.',
      'b.ts:1 Import cycle: b.ts → dir/c.ts → a.ts → b.ts.',
      'dir/c.ts:1 Import cycle: dir/c.ts → a.ts → b.ts → dir/c.ts.',
    ]);
  });

  it('counts a re-export, and a module importing itself', () => {
    expect(lint({
      'a.ts': "export { b } from './b';\nexport const a = 1;\n",
      'b.ts': "import { a } from './a';\nexport const b = a;\n",
      'self.ts': "import { x } from './self';\nexport const x = 1;\nexport const y = x;\n",
    })).toEqual([
      'a.ts:1 Import cycle: a.ts → b.ts → a.ts.',
      'b.ts:1 Import cycle: b.ts → a.ts → b.ts.',
      'self.ts:1 Import cycle: self.ts → self.ts.',
    ]);
  });

  it('leaves a tree of imports, packages and a dynamic import() alone', () => {
    expect(lint({
      'a.ts': "import { b } from './b';\nimport { c } from './c';\nimport * as fs from 'fs';\nexport const a = b + c + fs.constants.F_OK;\n",
      'b.ts': "import { c } from './c';\nexport const b = c;\n",
      'c.ts': "export const c = 1;\nexport async function later(): Promise<number> {\n  const { a } = await import('./a');\n  return a;\n}\n",
    })).toEqual([]);
  });
});
