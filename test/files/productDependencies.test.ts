import * as fs from 'fs';
import * as path from 'path';

// Issue 12: SheetJS reads the workbooks and the corrected copy patches the original package, so
// nothing the user installs needs exceljs any more (it rebuilt workbooks and dropped their charts).
// It stays a devDependency: the fixture scripts write test workbooks with it, and the bench and
// readGrid.test.ts compare the reader against it.

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('what the product depends on', () => {
  it('reads with SheetJS pinned exactly, and has no exceljs and no docx among its dependencies', () => {
    expect(pkg.dependencies['@e965/xlsx']).toBe('0.20.3');
    expect(Object.keys(pkg.dependencies)).not.toContain('exceljs');
    expect(Object.keys(pkg.dependencies)).not.toContain('docx');
  });

  it('imports exceljs nowhere under src/', () => {
    const importing = sourceFiles(path.join(ROOT, 'src')).filter((f) => /from ['"]exceljs['"]|require\(['"]exceljs['"]\)/.test(fs.readFileSync(f, 'utf8')));
    expect(importing.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
