import type { Block, DocSection } from '../../src/core/sections/types';
import {
  changedSince,
  controlTitle,
  fingerprint,
  keyOfTag,
  parseTitle,
  pendingTitle,
  renderPlan,
  SECTION_KEYS,
  sectionFingerprint,
  sectionTag,
  sectionText,
  type ExistingControl,
} from '../../src/word/renderPlan';

const NBSP = '\u00a0';

const budget: DocSection = {
  key: 'budget',
  title: 'Budget 2024',
  blocks: [
    { kind: 'heading', level: 1, text: 'Budget 2024' },
    { kind: 'paragraph', text: 'Belopp i tkr.' },
    { kind: 'table', header: ['', '2024'], rows: [['Staten', `3${NBSP}685`], ['Summa', `3${NBSP}685`]], totalRows: [1], numericColumns: [1] },
  ],
};

const decision: DocSection = {
  key: 'forslag-till-beslut',
  title: 'Förslag till beslut',
  blocks: [
    { kind: 'heading', level: 1, text: 'Förslag till beslut' },
    { kind: 'list', ordered: false, items: ['att godkänna planen,', 'att fastställa budgeten.'] },
  ],
};

/** The text as Word reports it for a control: `\r` after paragraphs and rows, `\t` between cells, no list numbers. */
function wordText(section: DocSection): string {
  const lines = (block: Block): string[] =>
    block.kind === 'list' ? block.items : block.kind === 'table' ? [block.header, ...block.rows].map((r) => r.join('\t')) : [block.text];
  return `${section.blocks.flatMap(lines).join('\r')}\r`;
}

/** The control Budgetkoll left after writing `section`. */
function written(section: DocSection): ExistingControl {
  return { tag: sectionTag(section.key), title: controlTitle(section.key, sectionFingerprint(section)), text: wordText(section) };
}

function withStaten(value: string): DocSection {
  const table = budget.blocks[2] as Extract<Block, { kind: 'table' }>;
  return { ...budget, blocks: [budget.blocks[0], budget.blocks[1], { ...table, rows: [['Staten', value], table.rows[1]] }] };
}

describe('section text and fingerprints', () => {
  it('give every heading, paragraph, list item and table row a line of its own', () => {
    expect(sectionText(budget)).toBe(`Budget 2024\nBelopp i tkr.\n\t2024\nStaten\t3${NBSP}685\nSumma\t3${NBSP}685`);
    expect(sectionText(decision)).toBe('Förslag till beslut\natt godkänna planen,\natt fastställa budgeten.');
  });

  it('compare the characters only, whatever separators Word reports', () => {
    expect(fingerprint(wordText(budget))).toBe(sectionFingerprint(budget));
    expect(fingerprint(`a b\nc${NBSP}d`)).toBe(fingerprint('ab\r\tc d\u000b'));
    expect(fingerprint(`3${NBSP}685`)).not.toBe(fingerprint(`3${NBSP}686`));
    expect(sectionFingerprint(withStaten(`3${NBSP}700`))).not.toBe(sectionFingerprint(budget));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('go into the title and come back out', () => {
    const title = controlTitle('eget-kapital', '0badf00d');
    expect(title).toBe('Budgetkoll · eget-kapital · 0badf00d');
    expect(parseTitle(title)).toEqual({ key: 'eget-kapital', fingerprint: '0badf00d' });
    expect(parseTitle(pendingTitle('budget'))).toBeNull();
    expect(parseTitle('Min egen rubrik')).toBeNull();
    expect(parseTitle('Budgetkoll · okänd · 0badf00d')).toBeNull();
  });

  it('know all seven keys (the six standard sections and the optional changes), in the plan’s order', () => {
    expect(SECTION_KEYS).toEqual(['uppdrag', 'budget', 'budgetkommentar', 'forandringar', 'eget-kapital', 'fordelning', 'forslag-till-beslut']);
    expect(keyOfTag('budgetkoll:forandringar')).toBe('forandringar');
    expect(parseTitle(controlTitle('forandringar', '0badf00d'))).toEqual({ key: 'forandringar', fingerprint: '0badf00d' });
  });
});

describe('renderPlan', () => {
  it('inserts what is not in the document', () => {
    const plan = renderPlan([budget, decision], [{ tag: 'någon-annans', title: '', text: 'x' }]);
    expect(plan.map((e) => [e.key, e.action, e.write, e.existing])).toEqual([
      ['budget', 'insert', true, -1],
      ['forslag-till-beslut', 'insert', true, -1],
    ]);
  });

  it('leaves what reads as it should and updates what changed since insertion', () => {
    const controls = [written(budget), written(decision)];
    expect(renderPlan([budget, decision], controls).map((e) => [e.action, e.write, e.existing])).toEqual([
      ['unchanged', false, 0],
      ['unchanged', false, 1],
    ]);
    const next = withStaten(`3${NBSP}700`);
    const plan = renderPlan([next, decision], controls);
    expect(plan.map((e) => [e.key, e.action, e.write])).toEqual([
      ['budget', 'update', true],
      ['forslag-till-beslut', 'unchanged', false],
    ]);
    expect(plan[0].fingerprint).toBe(sectionFingerprint(next));
  });

  it('does not overwrite a section the user edited, unless confirmed', () => {
    const edited = { ...written(budget), text: written(budget).text.replace('Belopp i tkr.', 'Belopp i tusental kronor, se not 3.') };
    for (const sections of [[budget], [withStaten(`3${NBSP}700`)]]) {
      expect(renderPlan(sections, [edited])[0]).toMatchObject({ action: 'edited-by-user', write: false });
      expect(renderPlan(sections, [edited], { overwriteEdited: true })[0]).toMatchObject({ action: 'edited-by-user', write: true });
      expect(renderPlan(sections, [edited], { overwriteEdited: ['budget'] })[0]).toMatchObject({ write: true });
      expect(renderPlan(sections, [edited], { overwriteEdited: ['uppdrag'] })[0]).toMatchObject({ write: false });
    }
    // An emptied control is an edit too.
    expect(renderPlan([budget], [{ ...written(budget), text: '' }])[0].action).toBe('edited-by-user');
  });

  it('treats a control whose title is not Budgetkoll’s by its text', () => {
    const retitled = { ...written(budget), title: 'Budgettabellen' };
    expect(renderPlan([budget], [retitled])[0]).toMatchObject({ action: 'update', write: true });
    expect(renderPlan([withStaten('1')], [retitled])[0]).toMatchObject({ action: 'edited-by-user', write: false });
    const otherKey = { ...written(budget), title: controlTitle('uppdrag', sectionFingerprint(budget)) };
    expect(renderPlan([withStaten('1')], [otherKey])[0].action).toBe('edited-by-user');
  });

  it('restamps a control the user edited back to exactly what Budgetkoll would write', () => {
    const next = withStaten(`3${NBSP}700`);
    const typed = { ...written(budget), text: wordText(next) };
    expect(renderPlan([next], [typed])[0]).toMatchObject({ action: 'update', write: true });
  });

  it('uses the first of two controls with the same tag', () => {
    const copy = { ...written(budget), text: 'kopia' };
    expect(renderPlan([budget], [written(budget), copy])[0]).toMatchObject({ action: 'unchanged', existing: 0 });
    expect(renderPlan([budget], [copy, written(budget)])[0]).toMatchObject({ action: 'edited-by-user', existing: 0 });
  });
});

describe('changedSince', () => {
  it('lists the sections whose numbers changed since they were inserted', () => {
    const controls = [written(budget), written(decision)];
    expect(changedSince(controls, [budget, decision])).toEqual([]);
    expect(changedSince(controls, [withStaten(`3${NBSP}700`), decision])).toEqual(['budget']);
  });

  it('counts by what was inserted, not by the user’s edits', () => {
    const edited = { ...written(budget), text: 'Användarens egen text' };
    expect(changedSince([edited], [budget])).toEqual([]);
    expect(changedSince([edited], [withStaten('1')])).toEqual(['budget']);
  });

  it('leaves out sections that are not in the document', () => {
    expect(changedSince([written(decision)], [withStaten('1'), decision])).toEqual([]);
  });
});
