import { OfficeMockObject } from 'office-addin-mock';
import { analyzeGrid } from '../../src/core/analyze';
import { buildSections } from '../../src/core/sections/buildSections';
import { amountOf } from '../../src/core/amount';
import { compareAnalyses } from '../../src/core/compare/compareAnalyses';
import { changesSection } from '../../src/core/sections/changesSection';
import { inPlanOrder, type Block, type DocSection } from '../../src/core/sections/types';
import { changedSince, controlTitle, fingerprint, PENDING_TAG_PREFIX, SECTION_KEYS as ALL_KEYS, sectionFingerprint, TAG_PREFIX } from '../../src/word/renderPlan';
import { inspectDocument, insertSections, inspectSections, readSectionControls, writeSections } from '../../src/word/wordWriter';
import { analyzeSeed, readSeedGrid } from '../helpers/seeds';
import { blocksOf, FakeWordDocument, paragraph, type FakeControl, type FakeNode, type FakeTable } from './fakeWord';

const NBSP = '\u00a0';
const SEED = 'seed-000-lund-prel.xlsx';
/** The six standard sections buildSections makes (the changes since the previous proposal are optional). */
const SECTION_KEYS = ALL_KEYS.filter((key) => key !== 'forandringar');

let sections: DocSection[];

beforeAll(async () => {
  sections = buildSections(await analyzeSeed(SEED));
});

/** A document with the user's own text around the cursor. */
function userDocument(): { doc: FakeWordDocument; before: FakeNode; after: FakeNode } {
  const before = paragraph('Verksamhetsplan 2024 – skriven av kansliet.', 'Title');
  const after = paragraph('Bilagor följer.');
  return { doc: new FakeWordDocument([before, after], before), before, after };
}

const sectionControls = (doc: FakeWordDocument) => doc.controls().filter((c) => c.tag.startsWith(TAG_PREFIX));
const control = (doc: FakeWordDocument, key: string) => {
  const found = doc.byTag(`${TAG_PREFIX}${key}`);
  expect(found).toHaveLength(1);
  return found[0];
};
const pending = (doc: FakeWordDocument) => doc.controls().filter((c) => c.tag.startsWith(PENDING_TAG_PREFIX));
const snapshot = (doc: FakeWordDocument) => JSON.stringify(doc.body, (_k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

function table(section: DocSection): Extract<Block, { kind: 'table' }> {
  const found = section.blocks.find((b) => b.kind === 'table');
  if (found?.kind !== 'table') throw new Error(`no table in ${section.key}`);
  return found;
}

/** The sections with one figure of the budget table changed (Staten 2024: 3 685 → 3 700). */
function withStaten2024(value: string): DocSection[] {
  return sections.map((s) => {
    if (s.key !== 'budget') return s;
    return {
      ...s,
      blocks: s.blocks.map((b) => (b.kind === 'table' ? { ...b, rows: b.rows.map((row) => (row[0] === 'Staten' ? [row[0], row[1], value, ...row.slice(3)] : row)) } : b)),
    };
  });
}

async function insertedDocument() {
  const parts = userDocument();
  const result = await writeSections(parts.doc.context, sections);
  expect(result.ok).toBe(true);
  return parts;
}

describe('the first insert', () => {
  it('writes the six sections at the cursor, in order, each in a control tagged budgetkoll:<key>: one sync to read, one to write', async () => {
    const { doc, before, after } = userDocument();
    const original = snapshot(doc);
    // Nothing reaches the document before the write's single sync.
    const context = doc.context;
    const seen: string[] = [];
    const counting = { document: context.document, sync: () => (seen.push(snapshot(doc)), doc.sync()) } as unknown as Word.RequestContext;

    const result = await writeSections(counting, sections);

    expect(result).toMatchObject({ ok: true, value: { written: [...SECTION_KEYS], keptEdited: [] } });
    expect(doc.syncs).toBe(2);
    expect(seen).toEqual([original, original]);
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n))).toEqual([before, ...SECTION_KEYS.map((k) => `budgetkoll:${k}`), after]);
    for (const s of sections) {
      const c = control(doc, s.key);
      expect(c.title).toBe(controlTitle(s.key, sectionFingerprint(s)));
      expect(c.appearance).toBe('BoundingBox');
      expect(blocksOf(c)).toEqual(s.blocks);
    }
    expect(pending(doc)).toEqual([]);
  });

  it('uses Word’s built-in heading and list styles, and real lists and tables, as the .docx does', async () => {
    const { doc } = await insertedDocument();
    for (const c of sectionControls(doc)) {
      const first = c.children[0];
      expect(first).toMatchObject({ kind: 'paragraph', style: 'Heading1', list: null });
    }
    const uppdrag = doc.paragraphs(control(doc, 'uppdrag').children).filter((p) => p.list);
    expect(uppdrag).toHaveLength(6);
    expect(new Set(uppdrag.map((p) => p.list)).size).toBe(1);
    expect(uppdrag[0].list).toMatchObject({ numbering: 'Arabic', bullet: null });
    expect(uppdrag.every((p) => p.style === 'ListParagraph')).toBe(true);
    const beslut = doc.paragraphs(control(doc, 'forslag-till-beslut').children).filter((p) => p.list);
    expect(beslut.map((p) => p.list?.bullet)).toEqual(['Solid', 'Solid']);
    // The heading after a list, in the next control, is no list item.
    expect(doc.paragraphs().filter((p) => p.list)).toHaveLength(8);

    const budget = control(doc, 'budget').children.find((n): n is FakeTable => n.kind === 'table')!;
    expect(budget).toMatchObject({ headerRowCount: 1, styleFirstColumn: false, styleBandedRows: false });
    // The year's qualifier on a line of its own in the narrow column, as in the .docx.
    expect(budget.values[0]).toEqual(['', '2023\v(prel.)', '2024', '2025', '2026']);
    expect(budget.values.find((r) => r[0] === 'Staten')).toEqual(['Staten', `3${NBSP}685`, `3${NBSP}685`, `3${NBSP}690`, `3${NBSP}690`]);
    expect(budget.values.find((r) => r[0] === 'Summa kostnader')?.[2]).toBe(`14${NBSP}060*`);
    expect(budget.values).toHaveLength(table(sections[1]).rows.length + 1);
  });

  it('writes each section in one insertion into its control’s own range: all of it inside, the paragraph the control was made around never touched', async () => {
    const { doc } = userDocument();
    const context = doc.context;
    const calls: string[] = [];
    // Every operation the writer queues on a paragraph it made a control around.
    const wrapped = new WeakSet<object>();
    const spy = (target: object, name: string): object => new Proxy(target, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (wrapped.has(target)) calls.push(`${name}.${String(prop)}`);
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
          if (prop === 'insertParagraph' && result && typeof result === 'object') return spy(result, 'paragraph');
          if (prop === 'insertContentControl') {
            wrapped.add(target);
            return spy(result as object, 'control');
          }
          return result;
        };
      },
      set(obj, prop, value) {
        if (wrapped.has(target)) calls.push(`${name}.${String(prop)}=`);
        return Reflect.set(obj, prop, value);
      },
    });
    const selection = context.document.getSelection();
    const spied = {
      document: {
        contentControls: context.document.contentControls,
        getSelection: () => ({ ...selection, paragraphs: { getLast: () => spy(selection.paragraphs.getLast(), 'paragraph') } }),
      },
      sync: () => context.sync(),
    } as unknown as Word.RequestContext;
    expect(await writeSections(spied, sections)).toMatchObject({ ok: true });
    expect(calls).toEqual([]);
    for (const s of sections) expect(blocksOf(control(doc, s.key))).toEqual(s.blocks);
  });
});

describe('inserting again', () => {
  it('changes nothing and writes nothing when the numbers are the same: one sync', async () => {
    const { doc } = await insertedDocument();
    const before = snapshot(doc);
    const result = await writeSections(doc.context, sections);
    expect(result).toMatchObject({ ok: true, value: { written: [], keptEdited: [] } });
    expect(doc.syncs).toBe(3);
    expect(snapshot(doc)).toBe(before);
  });

  it('after a number changed: still one control per section, the changed one with the new text, the others untouched', async () => {
    const { doc, before, after } = await insertedDocument();
    const next = withStaten2024(`3${NBSP}700`);
    const ids = new Map(sectionControls(doc).map((c) => [c.tag, [c.id, c.writes]]));

    const inspected = await inspectDocument(doc.context, next);
    expect(inspected).toMatchObject({ ok: true, value: { changed: ['budget'], edited: [] } });
    expect(doc.syncs).toBe(3);

    const result = await writeSections(doc.context, next);
    expect(result).toMatchObject({ ok: true, value: { written: ['budget'], keptEdited: [] } });
    expect(doc.syncs).toBe(5);
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n))).toEqual([before, ...SECTION_KEYS.map((k) => `budgetkoll:${k}`), after]);
    const budget = control(doc, 'budget');
    expect(blocksOf(budget)).toEqual(next[1].blocks);
    expect(doc.textOf(budget.children)).toContain(`Staten\t3${NBSP}685\t3${NBSP}700`);
    expect(budget.title).toBe(controlTitle('budget', sectionFingerprint(next[1])));
    for (const c of sectionControls(doc)) if (c.tag !== 'budgetkoll:budget') expect([c.id, c.writes]).toEqual(ids.get(c.tag));
    expect(pending(doc)).toEqual([]);

    const state = await readSectionControls(doc.context);
    expect(changedSince(state.controls, next)).toEqual([]);
  });

  it('rewrites in place a section whose control was made around its first paragraph (as earlier versions wrote it): the control stays, nothing lands outside it', async () => {
    const { doc, before, after } = userDocument();
    const heading = paragraph('Budget 2024 med plan 2025–2026', 'Heading1');
    const old: FakeControl = { kind: 'control', id: 7, tag: 'budgetkoll:budget', title: '', appearance: 'BoundingBox', children: [heading, paragraph('Äldre siffror.')], writes: 0 };
    old.title = controlTitle('budget', fingerprint(doc.textOf(old.children)));
    doc.owners.set(heading, old);
    doc.body.splice(1, 0, old);
    expect(await writeSections(doc.context, [sections[1]])).toMatchObject({ ok: true, value: { written: ['budget'] } });
    expect(doc.body).toEqual([before, old, after]);
    expect(old).toMatchObject({ id: 7, tag: 'budgetkoll:budget', title: controlTitle('budget', sectionFingerprint(sections[1])) });
    expect(blocksOf(old)).toEqual(sections[1].blocks);
  });

  it('after the workbook changed: rewrites exactly the sections whose text changed', async () => {
    const { doc } = await insertedDocument();
    const grid = await readSeedGrid(SEED);
    const row = grid.sheets[0].rows.find((r) => r?.[0]?.value === 'AKTIV')!;
    row[2] = { value: 470 }; // AKTIV 2024: 370 → 470 tkr
    const next = buildSections(analyzeGrid(grid));
    const expected = next.filter((s, i) => sectionFingerprint(s) !== sectionFingerprint(sections[i])).map((s) => s.key);
    expect(expected).toContain('budget');
    expect(expected).not.toContain('uppdrag');
    const untouched = sectionControls(doc).filter((c) => !expected.some((k) => c.tag === `budgetkoll:${k}`)).map((c) => [c.tag, c.id, c.writes]);

    expect(await inspectDocument(doc.context, next)).toMatchObject({ ok: true, value: { changed: expected } });
    expect(await writeSections(doc.context, next)).toMatchObject({ ok: true, value: { written: expected } });

    for (const s of next) expect(blocksOf(control(doc, s.key))).toEqual(s.blocks);
    expect(sectionControls(doc).filter((c) => !expected.some((k) => c.tag === `budgetkoll:${k}`)).map((c) => [c.tag, c.id, c.writes])).toEqual(untouched);
  });
});

describe('the changes since the previous proposal', () => {
  const changes = async (threshold: string): Promise<DocSection> => {
    const comparison = compareAnalyses(await analyzeSeed('seed-000-lund-prel.xlsx'), await analyzeSeed(SEED.replace('000-lund-prel', '001-lund-antagen')));
    return changesSection(comparison.tables[0], amountOf(threshold));
  };

  it('goes after the budget comment when added later, and is updated in place when its threshold changes: one sync to read, one to write', async () => {
    const { doc, before, after } = await insertedDocument();
    const at100 = inPlanOrder([...sections, await changes('100')]);
    expect(await writeSections(doc.context, at100)).toMatchObject({ ok: true, value: { written: ['forandringar'] } });
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n))).toEqual([before, ...ALL_KEYS.map((k) => `budgetkoll:${k}`), after]);
    const inserted = control(doc, 'forandringar');
    expect(blocksOf(inserted)).toEqual(at100[3].blocks);
    const ids = new Map(sectionControls(doc).map((c) => [c.tag, [c.id, c.writes]]));

    const at500 = inPlanOrder([...sections, await changes('500')]);
    expect(await inspectDocument(doc.context, at500)).toMatchObject({ ok: true, value: { changed: ['forandringar'], edited: [] } });
    const syncs = doc.syncs;
    expect(await writeSections(doc.context, at500)).toMatchObject({ ok: true, value: { written: ['forandringar'] } });
    expect(doc.syncs - syncs).toBe(2);
    const updated = control(doc, 'forandringar');
    expect(updated.id).toBe(inserted.id);
    expect(blocksOf(updated)).toEqual(at500[3].blocks);
    expect(doc.textOf(updated.children)).not.toContain('IRIS (Övergripande)');
    for (const c of sectionControls(doc)) if (c.tag !== 'budgetkoll:forandringar') expect([c.id, c.writes]).toEqual(ids.get(c.tag));
  });
});

describe('what the user did to the document', () => {
  function editByHand(doc: FakeWordDocument, key: string) {
    const c = control(doc, key);
    const p = doc.paragraphs(c.children)[1];
    p.text += ' Kansliets tillägg.';
    return c;
  }

  it('a section edited by hand is reported and kept, unless the user confirms', async () => {
    const { doc } = await insertedDocument();
    const edited = editByHand(doc, 'budgetkommentar');
    const userText = doc.textOf(edited.children);

    // Same numbers: nothing to write, the edit is reported.
    expect(await inspectDocument(doc.context, sections)).toMatchObject({ ok: true, value: { changed: [], edited: ['budgetkommentar'] } });
    expect(await writeSections(doc.context, sections)).toMatchObject({ ok: true, value: { written: [], keptEdited: ['budgetkommentar'] } });

    // New numbers in that section too: still kept, listed as changed and edited.
    const next = sections.map((s) => (s.key === 'budgetkommentar' ? { ...s, blocks: [...s.blocks, { kind: 'paragraph' as const, text: 'Ny mening.' }] } : s));
    expect(await inspectDocument(doc.context, next)).toMatchObject({ ok: true, value: { changed: ['budgetkommentar'], edited: ['budgetkommentar'] } });
    expect(await writeSections(doc.context, next)).toMatchObject({ ok: true, value: { written: [], keptEdited: ['budgetkommentar'] } });
    expect(doc.textOf(control(doc, 'budgetkommentar').children)).toBe(userText);

    // Confirmed: overwritten with the new text.
    expect(await writeSections(doc.context, next, { overwriteEdited: ['budgetkommentar'] })).toMatchObject({ ok: true, value: { written: ['budgetkommentar'], keptEdited: [] } });
    expect(blocksOf(control(doc, 'budgetkommentar'))).toEqual(next[2].blocks);
    expect(sectionControls(doc)).toHaveLength(6);
  });

  it('a deleted section is inserted again in its place', async () => {
    const { doc, before, after } = await insertedDocument();
    for (const key of ['eget-kapital', 'uppdrag', 'forslag-till-beslut']) {
      const { siblings, index } = doc.locate(control(doc, key));
      siblings.splice(index, 1);
    }
    const kept = sectionControls(doc).map((c) => [c.tag, c.id, c.writes]);

    const result = await writeSections(doc.context, sections);

    expect(result).toMatchObject({ ok: true, value: { written: ['uppdrag', 'eget-kapital', 'forslag-till-beslut'] } });
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n))).toEqual([before, ...SECTION_KEYS.map((k) => `budgetkoll:${k}`), after]);
    for (const s of sections) expect(blocksOf(control(doc, s.key))).toEqual(s.blocks);
    expect(sectionControls(doc).filter((c) => kept.some(([tag]) => tag === c.tag)).map((c) => [c.tag, c.id, c.writes])).toEqual(kept);
  });

  it('a section whose control was removed but its text kept gets a new control; the user’s copy stays', async () => {
    const { doc } = await insertedDocument();
    const c = control(doc, 'fordelning');
    const { siblings, index } = doc.locate(c);
    siblings.splice(index, 1, ...c.children);
    const loose = c.children;
    expect(await writeSections(doc.context, sections)).toMatchObject({ ok: true, value: { written: ['fordelning'] } });
    expect(blocksOf(control(doc, 'fordelning'))).toEqual(sections[4].blocks);
    for (const node of loose) expect(doc.body).toContain(node);
  });

  it('the user’s text around the sections, and the user’s own controls, are not touched', async () => {
    const mine: FakeControl = { kind: 'control', id: 1, tag: 'kansliets-logga', title: 'Logga', appearance: 'Tags', children: [paragraph('Logga')], writes: 0 };
    const intro = paragraph('Inledning.');
    const doc = new FakeWordDocument([mine, intro, paragraph('Slut.')], intro);
    await writeSections(doc.context, sections);
    await writeSections(doc.context, withStaten2024('1'));
    expect(doc.body[0]).toBe(mine);
    expect(mine).toMatchObject({ writes: 0, tag: 'kansliets-logga', children: [paragraph('Logga')] });
    expect(doc.body[1]).toBe(intro);
    expect(intro).toEqual(paragraph('Inledning.'));
    expect(doc.body.slice(-1)).toEqual([paragraph('Slut.')]);
  });
});

describe('where new sections go', () => {
  it('after the table the cursor is in, not inside it', async () => {
    const userTable: FakeTable = { kind: 'table', values: [['a', 'b']], style: null, headerRowCount: 0, styleFirstColumn: true, styleBandedRows: true, align: new Map(), boldRows: new Set() };
    const doc = new FakeWordDocument([paragraph('Före.'), userTable, paragraph('Efter.')], userTable);
    await writeSections(doc.context, sections);
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n.kind))).toEqual(['paragraph', 'table', ...SECTION_KEYS.map((k) => `budgetkoll:${k}`), 'paragraph']);
    expect(userTable.values).toEqual([['a', 'b']]);
  });

  it('after the user’s own control the cursor is in, not inside it', async () => {
    const inner = paragraph('Mallens text.');
    const mine: FakeControl = { kind: 'control', id: 1, tag: 'mall', title: '', appearance: 'BoundingBox', children: [inner], writes: 0 };
    const doc = new FakeWordDocument([mine], inner);
    await writeSections(doc.context, sections);
    expect(mine).toMatchObject({ children: [inner], writes: 0 });
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n.kind))).toEqual(['mall', ...SECTION_KEYS.map((k) => `budgetkoll:${k}`)]);
  });

  it('after the Budgetkoll section the cursor is in, not inside it', async () => {
    const { doc, before, after } = userDocument();
    await writeSections(doc.context, sections.slice(0, 1));
    const uppdrag = control(doc, 'uppdrag');
    const writes = uppdrag.writes;
    doc.cursor = doc.paragraphs(uppdrag.children)[1];
    // A section with no neighbour among those written goes to the cursor.
    expect(await writeSections(doc.context, [sections[2]])).toMatchObject({ ok: true, value: { written: ['budgetkommentar'] } });
    expect(doc.body.map((n) => (n.kind === 'control' ? n.tag : n))).toEqual([before, 'budgetkoll:uppdrag', 'budgetkoll:budgetkommentar', after]);
    expect(uppdrag.writes).toBe(writes);
  });

  it('a plan with fewer sections leaves the others alone; a read can be reused', async () => {
    const { doc } = await insertedDocument();
    const state = await readSectionControls(doc.context);
    expect(state.controls.map((c) => c.key)).toEqual([...SECTION_KEYS]);
    const before = snapshot(doc);
    expect(await writeSections(doc.context, sections.slice(0, 2), { state })).toMatchObject({ ok: true, value: { written: [] } });
    expect(doc.syncs).toBe(3);
    expect(snapshot(doc)).toBe(before);
  });
});

describe('a failing sync', () => {
  it('in the read: a Swedish reason, and nothing written', async () => {
    const { doc } = userDocument();
    const before = snapshot(doc);
    doc.failSync(1, 0);
    const result = await writeSections(doc.context, sections);
    expect(result).toEqual({ ok: false, reason: 'Budgetkoll kunde inte läsa dokumentets avsnitt (felkod GeneralException). Försök igen.' });
    expect(snapshot(doc)).toBe(before);
    expect(doc.syncs).toBe(1);
  });

  /**
   * What a failed batch left outside the user's text and the finished sections. Office.js
   * cannot create a tagged control in one operation: between inserting a section's (empty)
   * paragraph and tagging its control there are two operations after which a failure leaves
   * an empty paragraph or an empty untagged control, which the clean-up cannot find.
   */
  function leftovers(doc: FakeWordDocument, user: FakeNode[]): FakeNode[] {
    const rest = doc.body.filter((n) => !user.includes(n) && !(n.kind === 'control' && n.tag.startsWith(TAG_PREFIX)));
    for (const n of rest) expect(n.kind === 'control' ? [n.tag, doc.textOf(n.children)] : [n.kind, doc.textOf([n])]).toEqual([n.kind === 'control' ? '' : 'paragraph', '']);
    return rest;
  }

  it('anywhere in the first insert: no section is left half-written, the user’s text is as it was', async () => {
    const probe = userDocument().doc;
    await writeSections(probe.context, sections);
    const writeOps = probe.batches[1];
    expect(writeOps).toBeGreaterThan(6 * 6);

    const windows: number[] = [];
    for (let afterOps = 0; afterOps < writeOps; afterOps++) {
      const { doc, before, after } = userDocument();
      doc.failSync(2, afterOps);
      const result = await writeSections(doc.context, sections);
      expect(result).toMatchObject({ ok: false, reason: 'Avsnitten kunde inte skrivas i dokumentet (felkod GeneralException). Inget avsnitt blev halvfärdigt; försök igen.' });
      expect(doc.syncs).toBe(4); // read, the failed write, the clean-up's read and write
      expect(pending(doc)).toEqual([]);
      expect(before).toEqual(paragraph('Verksamhetsplan 2024 – skriven av kansliet.', 'Title'));
      expect(after).toEqual(paragraph('Bilagor följer.'));
      if (leftovers(doc, [before, after]).length > 0) windows.push(afterOps);
      const rest = doc.body.filter((n) => !leftovers(doc, [before, after]).includes(n));
      // Complete sections only: none until the batch's commit, then those it committed, in order.
      const done = sectionControls(doc).map((c) => c.tag.slice(TAG_PREFIX.length));
      expect(done).toEqual(SECTION_KEYS.slice(0, done.length));
      expect(rest).toEqual([before, ...sectionControls(doc), after]);
      for (const c of sectionControls(doc)) expect(blocksOf(c)).toEqual(sections.find((s) => `budgetkoll:${s.key}` === c.tag)!.blocks);
    }
    // The two operations per section, and nowhere else.
    expect(windows).toHaveLength(2 * sections.length);
  });

  it('at any point of an update: every section is either as it was or as it should be, never half, and nothing is left over', async () => {
    const probe = (await insertedDocument()).doc;
    const next = withStaten2024('1').map((s) => (s.key === 'eget-kapital' ? { ...s, blocks: [...s.blocks, { kind: 'paragraph' as const, text: 'Ny.' }] } : s));
    await writeSections(probe.context, next);
    const writeOps = probe.batches[3];

    const windows: number[] = [];
    for (let afterOps = 0; afterOps < writeOps; afterOps++) {
      const { doc, before, after } = await insertedDocument();
      doc.failSync(4, afterOps);
      const result = await writeSections(doc.context, next);
      expect(result.ok).toBe(false);
      expect(pending(doc)).toEqual([]);
      const left = leftovers(doc, [before, after]);
      if (left.length > 0) windows.push(afterOps);
      expect(doc.body.filter((n) => !left.includes(n)).map((n) => (n.kind === 'control' ? n.tag : n))).toEqual([before, ...SECTION_KEYS.map((k) => `budgetkoll:${k}`), after]);
      for (const [i, s] of sections.entries()) {
        const blocks = blocksOf(control(doc, s.key));
        expect([s.blocks, next[i].blocks]).toContainEqual(blocks);
      }
    }
    // Rewritten in place, each in one operation: no window at all.
    expect(windows).toEqual([]);
  });

  it('when the clean-up fails too: says so, and the next insert removes what was left', async () => {
    const { doc } = userDocument();
    doc.failSync(2, 40);
    doc.failSync(3, 0);
    const result = await writeSections(doc.context, sections);
    expect(result).toMatchObject({ ok: false, reason: 'Avsnitten kunde inte skrivas i dokumentet (felkod GeneralException). Ett ofullständigt avsnitt kan finnas kvar – det tas bort nästa gång du infogar avsnitten.' });
    expect(pending(doc).length).toBeGreaterThan(0);
    expect(sectionControls(doc)).toEqual([]);

    expect(await writeSections(doc.context, sections)).toMatchObject({ ok: true, value: { written: [...SECTION_KEYS] } });
    expect(pending(doc)).toEqual([]);
    for (const s of sections) expect(blocksOf(control(doc, s.key))).toEqual(s.blocks);
  });
});

describe('the pane’s entry points, with office-addin-mock’s Word and Office', () => {
  const globals = globalThis as { Word?: unknown; Office?: unknown };
  afterEach(() => {
    delete globals.Word;
    delete globals.Office;
  });

  function install(doc: FakeWordDocument, supported: boolean) {
    const runs: number[] = [];
    globals.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (name: string, version: string) => supported && name === 'WordApi' && version === '1.3' } } });
    globals.Word = new OfficeMockObject({
      run: async (batch: (context: Word.RequestContext) => Promise<unknown>) => {
        runs.push(1);
        return batch(doc.context);
      },
    });
    return runs;
  }

  it('insertSections and inspectSections run in Word.run', async () => {
    const { doc } = userDocument();
    const runs = install(doc, true);
    expect(await insertSections(sections)).toMatchObject({ ok: true, value: { written: [...SECTION_KEYS] } });
    expect(await inspectSections(withStaten2024('1'))).toMatchObject({ ok: true, value: { changed: ['budget'], edited: [] } });
    expect(runs).toHaveLength(2);
    expect(doc.syncs).toBe(3);
  });

  it('do not touch a Word without WordApi 1.3, and say why', async () => {
    const { doc } = userDocument();
    const runs = install(doc, false);
    const result = await insertSections(sections);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('WordApi 1.3');
    expect(await inspectSections(sections)).toMatchObject({ ok: false });
    expect(runs).toHaveLength(0);
    expect(doc.syncs).toBe(0);
  });

  it('turn an error thrown by Word.run into a Swedish reason', async () => {
    install(userDocument().doc, true);
    globals.Word = new OfficeMockObject({
      run: async () => {
        throw Object.assign(new Error('x'), { code: 'AccessDenied' });
      },
    });
    expect(await insertSections(sections)).toEqual({ ok: false, reason: 'Avsnitten kunde inte infogas (felkod AccessDenied). Försök igen.' });
    expect(await inspectSections(sections)).toEqual({ ok: false, reason: 'Budgetkoll kunde inte läsa dokumentets avsnitt (felkod AccessDenied). Försök igen.' });
  });
});
