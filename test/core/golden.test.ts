import * as fs from 'fs';
import * as path from 'path';
import { analyzeGrid } from '../../src/core/analyze';
import { tableReport } from '../../src/core/report';
import { readSeedGrid, SEED_SLUGS } from '../helpers/seeds';

// Golden files: the whole JSON report of each seed table, messages included,
// so a reviewer reads what a user will read. Regenerate deliberately with
// UPDATE_GOLDEN=1 and review the diff.
const GOLDEN_DIR = path.join(__dirname, '..', 'golden');

describe.each([...SEED_SLUGS])('golden report of %s', (slug) => {
  it('matches the reviewed file', async () => {
    const analysis = analyzeGrid(await readSeedGrid(`${slug}.xlsx`));
    const actual = `${JSON.stringify(analysis.tables.map((t) => tableReport(t)), null, 2)}\n`;
    const file = path.join(GOLDEN_DIR, `${slug}.json`);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
    expect(fs.existsSync(file)).toBe(true);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  });
});
