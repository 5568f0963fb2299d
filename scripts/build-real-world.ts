/**
 * The real-world corpus (test/fixtures/realWorld.ts) in test/fixtures/real-world/: its README,
 * and — given Apache POI — the files themselves, byte for byte, with POI's LICENSE and NOTICE.
 *
 *   npx ts-node --transpile-only scripts/build-real-world.ts               (npm run fixtures:real-world)
 *   npx ts-node --transpile-only scripts/build-real-world.ts --poi DIR     also copies the files from
 *        DIR, a checkout of https://github.com/apache/poi or its bare git directory
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { POI_FOLDER, REAL_WORLD, REAL_WORLD_DIR, type RealWorldFile } from '../test/fixtures/realWorld';
import { findRoot } from './findRoot';

/** A file of POI's repository: from a checkout, or from a git directory's HEAD. */
function poiFile(poi: string, file: string): Buffer {
  const checkedOut = path.join(poi, file);
  if (fs.existsSync(checkedOut)) return fs.readFileSync(checkedOut);
  return execFileSync('git', ['--git-dir', poi, 'show', `HEAD:${file}`], { maxBuffer: 64 * 1024 * 1024 });
}

const BEFORE: Record<NonNullable<RealWorldFile['before']>, string> = {
  'damaged': 'called damaged',
  'no-worksheet': 'no worksheet found',
  'not-a-workbook': 'not a workbook',
  'over-60-s': 'over 60 s (stopped)',
  'password': 'password',
  'false-alarm': 'false alarm',
};

function outcome(f: RealWorldFile): string {
  const now = f.expect.exit === 2 ? `exit 2: ${f.expect.reason.source.replace(/^\^|\$$/g, '').replace(/\\/g, '')}` : `a report (exit ${f.expect.exit})`;
  return f.knownIssue ? `${now} — known issue: ${f.knownIssue}` : now;
}

function readme(root: string): string {
  const dir = path.join(root, REAL_WORLD_DIR);
  const size = REAL_WORLD.reduce((n, f) => n + fs.statSync(path.join(dir, f.file)).size, 0);
  return [
    '# The real-world corpus',
    '',
    `${REAL_WORLD.length} workbooks nobody here wrote (${(size / 1024 / 1024).toFixed(1)} MB), taken byte for byte from Apache POI's`,
    `test data, [\`${POI_FOLDER}\`](https://github.com/apache/poi/tree/trunk/${POI_FOLDER}): bug reports, exports from`,
    'other programs, Excel, Excel Online and LibreOffice files, damaged and hostile ones. Apache POI is',
    'licensed under the Apache License 2.0: its [LICENSE](LICENSE) and [NOTICE](NOTICE) are beside the files.',
    '',
    'The list and what each file is for live in test/fixtures/realWorld.ts; `npm run fixtures:real-world`',
    'writes this README from it (`-- --poi DIR` copies the files again from a checkout of apache/poi).',
    'test/files/realWorld.test.ts checks every file: a report or one Swedish reason, no stack trace,',
    'under 10 s each, and a workbook LibreOffice opens is never called damaged.',
    '',
    '"Before" is what `budgetkoll check` said while exceljs read the workbooks (main at 480da34).',
    '',
    '| file | origin in POI | what it exercises | LibreOffice | before | now |',
    '|---|---|---|---|---|---|',
    ...REAL_WORLD.map((f) => `| ${f.file} | \`${POI_FOLDER}/${f.file}\` | ${f.what.replace(/\|/g, '\\|')} | ${f.libreOffice} | ${f.before ? BEFORE[f.before] : 'read'} | ${outcome(f)} |`),
    '',
  ].join('\n');
}

function main(): void {
  const root = findRoot(__dirname);
  const dir = path.join(root, REAL_WORLD_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const at = process.argv.indexOf('--poi');
  if (at > 0) {
    const poi = process.argv[at + 1];
    for (const f of REAL_WORLD) fs.writeFileSync(path.join(dir, f.file), poiFile(poi, `${POI_FOLDER}/${f.file}`));
    for (const legal of ['LICENSE', 'NOTICE']) fs.writeFileSync(path.join(dir, legal), poiFile(poi, `legal/${legal}`));
    console.log(`copied ${REAL_WORLD.length} files, LICENSE and NOTICE from ${poi}`);
  }
  fs.writeFileSync(path.join(dir, 'README.md'), readme(root));
  console.log(`wrote ${path.relative(root, path.join(dir, 'README.md'))}`);
}

main();
