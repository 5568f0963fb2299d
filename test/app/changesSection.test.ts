import { decimalText } from '../../src/core/amount';
import { compareVersions } from '../../src/app/compareVersions';
import { DEFAULT_THRESHOLD, mainComparison, parseThreshold, planChangesSection, thresholdUnit } from '../../src/app/changesSection';
import { readSeedGrid } from '../helpers/seeds';

// The changes section as every host asks for it: the comparison of the plan's budget table, at a
// threshold the user writes in the table's unit.

describe('parseThreshold', () => {
  it.each([
    ['100', '100'], ['1 000', '1000'], ['1\u00a0000', '1000'], ['0,5', '0.5'], ['0', '0'], ['100 tkr', '100'], [' 250 ', '250'],
  ])('reads %p as %p tkr', (text, value) => {
    const read = parseThreshold(text, 'tkr');
    expect(read.ok && decimalText(read.value)).toBe(value);
  });

  it.each([
    ['', 'ange en gräns, till exempel 0 för alla ändringar'],
    ['mycket', 'gränsen ska vara ett belopp i tkr (fick ”mycket”)'],
    ['-100', 'gränsen kan inte vara negativ'],
    ['100 000 kr', 'ange gränsen i tkr, som budgettabellen'],
  ])('refuses %p in Swedish', (text, reason) => {
    expect(parseThreshold(text, 'tkr')).toEqual({ ok: false, reason });
  });

  it('starts at 100 000 kr in the table’s unit', () => {
    expect(DEFAULT_THRESHOLD).toEqual({ kr: '100 000', tkr: '100', mkr: '0,1' });
    for (const unit of ['kr', 'tkr', 'mkr'] as const) expect(parseThreshold(DEFAULT_THRESHOLD[unit], unit).ok).toBe(true);
  });
});

describe('planChangesSection', () => {
  it('compares the budget table the other sections speak of, at the threshold written', async () => {
    const { comparison } = compareVersions(await readSeedGrid('seed-000-lund-prel.xlsx'), await readSeedGrid('seed-001-lund-antagen.xlsx'), {}, { old: 'a', new: 'b' });
    expect(mainComparison(comparison)).toBe(comparison.tables[0]);
    expect(thresholdUnit(comparison)).toBe('tkr');
    const section = planChangesSection(comparison, '100');
    expect(section.ok && section.value.key).toBe('forandringar');
    expect(planChangesSection(comparison, 'x')).toEqual({ ok: false, reason: 'gränsen ska vara ett belopp i tkr (fick ”x”)' });
  });
});
