import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

// The built pane (`npm run build`, which npm test runs first): a small first
// load, the engine on demand, no eval for a Content-Security-Policy to refuse.

const DIST = path.resolve(__dirname, '../../dist');
const HTML = path.join(DIST, 'taskpane.html');
const BUDGET_KIB = 150;

function built(): boolean {
  if (existsSync(HTML)) return true;
  if (process.env.CI === 'true') throw new Error('dist/taskpane.html is missing: npm test builds it before jest.');
  console.warn('\n*** SKIPPING the bundle checks: dist/ is not built (npm run build). ***\n');
  return false;
}

const initialScripts = () => [...readFileSync(HTML, 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);

describe('the built pane', () => {
  it(`loads at most ${BUDGET_KIB} KiB (gzipped) of script at first, and neither the engine nor exceljs`, () => {
    if (!built()) return;
    const scripts = initialScripts();
    expect(scripts).toHaveLength(1);
    expect(scripts.every((s) => !/^(https?:)?\/\//.test(s))).toBe(true);
    const gzipped = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(path.join(DIST, s)), { level: 9 }).length, 0);
    console.log(`taskpane.html loads ${scripts.join(', ')}: ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
    expect(gzipped / 1024).toBeLessThanOrEqual(BUDGET_KIB);
    const first = scripts.map((s) => readFileSync(path.join(DIST, s), 'utf8')).join('\n');
    expect(first).not.toMatch(/xl\/workbook\.xml|sharedStrings/); // exceljs's own strings
    // The sections (the engine's), the .docx writer and the Word adapter's Office calls come later too.
    expect(first).not.toMatch(/Förslag till beslut|Nationella rådets/);
    expect(first).not.toMatch(/word\/document\.xml|budgetkoll-numrerad/);
    expect(first).not.toMatch(/insertContentControl|WordApi/);
    expect(readdirSync(DIST).some((f) => /^engine\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    expect(readdirSync(DIST).some((f) => /^exceljs\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    for (const chunk of ['sections-docx', 'word']) expect({ chunk, built: readdirSync(DIST).some((f) => new RegExp(`^${chunk}\\.[0-9a-f]+\\.js$`).test(f)) }).toEqual({ chunk, built: true });
  });

  it('has no eval in any chunk (a CSP with script-src \'self\' must hold)', () => {
    if (!built()) return;
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(DIST, file), 'utf8');
      expect({ file, eval: /\beval\(/.test(code) }).toEqual({ file, eval: false });
      // exceljs's prebuilt bundle keeps lodash's and setImmediate's `Function(...)` fallbacks,
      // reached only where there is no global object or a string is scheduled; ours have none.
      if (!file.startsWith('exceljs.')) expect({ file, newFunction: /\bFunction\(/.test(code) }).toEqual({ file, newFunction: false });
    }
  });
});
