import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

// The built pane (`npm run build`, which npm test runs first): a small first load, each view
// and the engine on demand, no eval for a Content-Security-Policy to refuse.

const DIST = path.resolve(__dirname, '../../dist');
const OFFICE_PAGE = path.join(DIST, 'taskpane.html');
const BROWSER_PAGE = path.join(DIST, 'index.html');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const BUDGET_KIB = 120;

function built(): boolean {
  if (existsSync(OFFICE_PAGE)) return true;
  if (process.env.CI === 'true') throw new Error('dist/taskpane.html is missing: npm test builds it before jest.');
  console.warn('\n*** SKIPPING the bundle checks: dist/ is not built (npm run build). ***\n');
  return false;
}

const scriptsOf = (page: string) => [...readFileSync(page, 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
const gzipped = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;

describe('the built pane', () => {
  it(`loads at most ${BUDGET_KIB} KiB (gzipped) of its own script at first, and no view, engine or workbook reader`, () => {
    if (!built()) return;
    // The page Office opens: office.js from Microsoft's CDN first (in the head, as documented), then the pane's own.
    const office = scriptsOf(OFFICE_PAGE);
    expect(office[0]).toBe(OFFICE_JS);
    const own = office.slice(1);
    expect(own).toHaveLength(1);
    expect(own.every((s) => !/^(https?:)?\/\//.test(s))).toBe(true);
    // The page for a plain browser: the same script, nothing from another origin.
    expect(scriptsOf(BROWSER_PAGE)).toEqual(own);
    const size = own.reduce((sum, s) => sum + gzipped(s), 0);
    console.log(`taskpane.html loads office.js and ${own.join(', ')}: ${(size / 1024).toFixed(1)} KiB gzipped of the pane's own`);
    expect(size / 1024).toBeLessThanOrEqual(BUDGET_KIB);
    const first = own.map((s) => readFileSync(path.join(DIST, s), 'utf8')).join('\n');
    expect(first).not.toMatch(/xl\/workbook\.xml|sharedStrings|Sh33tJ5/); // a workbook reader's own strings (SheetJS's)
    // The views, the sections (the engine's), the .docx writer and the Office adapters come later.
    expect(first).not.toMatch(/Välj arbetsbok…|Analysera arbetsboken|Infoga i dokumentet/);
    expect(first).not.toMatch(/Förslag till beslut|Nationella rådets/);
    expect(first).not.toMatch(/word\/document\.xml|w:numbering/);
    expect(first).not.toMatch(/insertContentControl|insertOoxml|WordApi|getUsedRangeOrNullObject/);
    for (const chunk of ['standalone', 'excel', 'word', 'engine', 'sections-docx']) {
      expect({ chunk, built: readdirSync(DIST).some((f) => new RegExp(`^${chunk}\\.[0-9a-f]+\\.js$`).test(f)) }).toEqual({ chunk, built: true });
    }
    const engine = readdirSync(DIST).find((f) => /^engine\.[0-9a-f]+\.js$/.test(f));
    // SheetJS, the reader, is in the engine's chunk.
    expect(engine && readFileSync(path.join(DIST, engine), 'utf8')).toMatch(/Sh33tJ5/);
  });

  it('has no eval in any chunk (a CSP with script-src \'self\' must hold)', () => {
    if (!built()) return;
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(DIST, file), 'utf8');
      expect({ file, eval: /\beval\(/.test(code) }).toEqual({ file, eval: false });
      expect({ file, newFunction: /\bFunction\(/.test(code) }).toEqual({ file, newFunction: false });
    }
  });
});
