import { readFileSync } from 'fs';
import * as path from 'path';
import type { DocSection } from '../../src/core/sections/types';
import { createOfficeWordPort } from '../../src/taskpane/word/officeWordPort';
import { documentState } from '../../src/taskpane/word/documentState';
import { FakeWordDocument, paragraph } from '../word/fakeWord';

// The Word pane's port over the Word adapter, in Word.run on the adapter's fake document:
// what the pane reads is what the adapter wrote.

const sections = JSON.parse(readFileSync(path.join(__dirname, '../golden/sections/seed-000-lund-prel.json'), 'utf8')) as DocSection[];
const globals = globalThis as { Word?: unknown; Office?: unknown };

function install(doc: FakeWordDocument, supported: boolean | 'throws') {
  const runs: number[] = [];
  globals.Office = { context: { requirements: { isSetSupported: () => supported === true } } };
  globals.Word = {
    run: async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
      if (supported === 'throws') throw Object.assign(new Error('x'), { code: 'AccessDenied' });
      runs.push(1);
      return batch(doc.context);
    },
  };
  return runs;
}

afterEach(() => {
  delete globals.Word;
  delete globals.Office;
});

describe('the Office Word port', () => {
  it('writes through the adapter and reads back plain controls', async () => {
    const doc = new FakeWordDocument([paragraph('Verksamhetsplan 2024')]);
    const runs = install(doc, true);
    const port = createOfficeWordPort();
    expect(port.support()).toEqual({ ok: true });
    expect(await port.readControls()).toEqual({ ok: true, value: [] });

    const written = await port.write(sections.slice(0, 2), { overwriteEdited: [] });
    expect(written).toMatchObject({ ok: true, value: { written: ['uppdrag', 'budget'], keptEdited: [] } });
    const read = await port.readControls();
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.map((c) => c.tag)).toEqual(['budgetkoll:uppdrag', 'budgetkoll:budget']);
    // Plain data, no proxies.
    expect(Object.keys(read.value[0]).sort()).toEqual(['tag', 'text', 'title']);
    expect(documentState(sections, read.value).states).toEqual({
      uppdrag: 'current', budget: 'current', budgetkommentar: 'new', 'eget-kapital': 'new', fordelning: 'new', 'forslag-till-beslut': 'new',
    });
    // One Word.run each: read, write, read.
    expect(runs).toHaveLength(3);
  });

  it('never asks a Word without the requirement set, and says why in Swedish', async () => {
    const doc = new FakeWordDocument();
    const runs = install(doc, false);
    const port = createOfficeWordPort();
    const support = port.support();
    expect(support.ok).toBe(false);
    const read = await port.readControls();
    expect(read.ok).toBe(false);
    if (!read.ok && !support.ok) expect(read.reason).toBe(support.reason);
    expect(await port.write(sections, {})).toMatchObject({ ok: false });
    expect(runs).toHaveLength(0);
  });

  it('turns a failing Word.run into a Swedish reason', async () => {
    install(new FakeWordDocument(), 'throws');
    globals.Office = { context: { requirements: { isSetSupported: () => true } } };
    expect(await createOfficeWordPort().readControls()).toEqual({ ok: false, reason: 'Budgetkoll kunde inte läsa dokumentets avsnitt (felkod AccessDenied). Försök igen.' });
  });
});
