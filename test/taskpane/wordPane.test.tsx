/** @jest-environment jsdom */
import type { Result } from '../../src/core/result';
import { readFileSync } from 'fs';
import * as path from 'path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TableReport } from '../../src/core/report';
import type { DocSection } from '../../src/core/sections/types';
import type { AnalysisSettings } from '../../src/core/analyze';
import type { Grid } from '../../src/core/grid';
import { compareGrids } from '../../src/taskpane/compare/compareEngine';
import type { ComparedVersions, FileSource, PlanSections, SnapshotInfo } from '../../src/taskpane/model/source';
import type { WordDocumentPort } from '../../src/taskpane/word/port';
import type { Written } from '../../src/word/wordWriter';
import { WordPane } from '../../src/taskpane/word/WordPane';
import { controlTitle, fingerprint, renderPlan, sectionFingerprint, sectionTag, sectionText, type ExistingControl, type PlanOptions } from '../../src/word/renderPlan';
import { wordSupport } from '../../src/word/wordSupport';
import { readSeedGrid } from '../helpers/seeds';
import { plain, renderInFluent } from './helpers';

const SEED = 'seed-000-lund-prel';
const golden = <T,>(file: string): T => JSON.parse(readFileSync(path.join(__dirname, '../golden', file), 'utf8')) as T;
/** Seed 000 (Lund, preliminär): six sections, and two errors in the budget table. */
const seedSections = () => golden<DocSection[]>(`sections/${SEED}.json`);
const seedReports = () => golden<TableReport[]>(`${SEED}.json`);

function fakeFiles(plan: () => Result<PlanSections>): FileSource {
  return {
    open: (file) => ({
      name: file.name,
      analyze: async () => ({ ok: false, reason: 'not used here' }),
      sections: async (_settings, onStage) => {
        onStage('sections');
        return plan();
      },
    }),
  };
}

const seedPlan = (snapshot: SnapshotInfo | null = null, sections = seedSections()): Result<PlanSections> =>
  ({ ok: true, value: { sections, reports: seedReports(), errors: 2, snapshot } });

/** A control as Budgetkoll writes it (title = fingerprint of the text), or as it was later edited. */
function inserted(section: DocSection, text = sectionText(section)): ExistingControl {
  return { tag: sectionTag(section.key), title: controlTitle(section.key, fingerprint(text)), text };
}

/** A document that remembers what the pane asked it to write, and then holds those sections. */
function fakeWord(controls: ExistingControl[] = [], support = wordSupport({ context: { requirements: { isSetSupported: () => true } } })) {
  const writes: { keys: string[]; options: PlanOptions }[] = [];
  let reads = 0;
  const port: WordDocumentPort = {
    support: () => support,
    readControls: async () => {
      reads += 1;
      return { ok: true, value: [...controls] };
    },
    write: async (sections, options): Promise<Result<Written>> => {
      writes.push({ keys: sections.map((s) => s.key), options });
      const plan = renderPlan(sections, controls, options);
      for (const [i, entry] of plan.entries()) {
        if (!entry.write) continue;
        const control = { tag: sectionTag(entry.key), title: controlTitle(entry.key, sectionFingerprint(sections[i])), text: sectionText(sections[i]) };
        if (entry.existing >= 0) controls[entry.existing] = control;
        else controls.push(control);
      }
      return {
        ok: true,
        value: {
          plan,
          written: plan.filter((e) => e.write).map((e) => e.key),
          keptEdited: plan.filter((e) => e.action === 'edited-by-user' && !e.write).map((e) => e.key),
        },
      };
    },
  };
  return { port, writes, controls, reads: () => reads };
}

const choose = async (name = `${SEED}.xlsx`) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File(['x'], name)] } });
  });
};
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const insertButton = () => screen.getByRole('button', { name: 'Infoga i dokumentet' }) as HTMLButtonElement;
const preview = () => screen.getAllByRole('region').filter((r) => r.tagName === 'SECTION' && r.hasAttribute('data-section'));
const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('WordPane', () => {
  it('reads the chosen workbook into six ticked sections and previews them as HTML', async () => {
    const { port, reads } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan())} word={port} />);
    expect(screen.getByRole('button', { name: 'Välj arbetsbok…' })).toBeTruthy();
    expect(screen.getByText(/Arbetsboken läses här i Word och skickas ingenstans\./)).toBeTruthy();

    await choose();
    expect(plain(screen.getAllByRole('status')[0].textContent)).toBe('Klart: seed-000-lund-prel.xlsx – 6 avsnitt, 2 fel i budgeten.');
    expect(reads()).toBe(1);
    const boxes = within(screen.getByRole('group', { name: 'Avsnitt att infoga' })).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true, true, true, true]);
    expect(screen.getAllByText('Finns inte i dokumentet')).toHaveLength(6);

    // The preview: headings, paragraphs, lists and tables, all text.
    expect(preview().map((s) => s.getAttribute('aria-label'))).toEqual(seedSections().map((s) => s.title));
    expect(screen.getByRole('heading', { level: 4, name: 'Förslag till beslut' })).toBeTruthy();
    const decision = preview()[5];
    expect(within(decision).getByText('Styrelsen föreslås besluta:').tagName).toBe('P');
    expect(within(decision).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['att godkänna verksamhetsplanen för 2024,', 'att fastställa budgeten för 2024 och planen för 2025–2026.']);
    expect(within(preview()[0]).getByRole('list').tagName).toBe('OL');
    const budget = within(preview()[1]).getByRole('table');
    expect(within(budget).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['', '2023(prel.)', '2024', '2025', '2026']);
    const total = within(budget).getAllByRole('row').find((tr) => tr.textContent?.startsWith('Summa kostnader'));
    expect(total?.textContent).toContain('*');
  });

  it('shows the workbook’s text as text, never as markup', async () => {
    const sections = seedSections();
    sections[5] = { ...sections[5], blocks: [...sections[5].blocks, { kind: 'paragraph', text: '<b>fet</b><img src=x onerror=alert(1)>' }] };
    const { port } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan(null, sections))} word={port} />);
    await choose();
    const decision = preview()[5];
    expect(within(decision).getByText('<b>fet</b><img src=x onerror=alert(1)>').tagName).toBe('P');
    expect(decision.querySelector('b, img')).toBeNull();
  });

  it('inserts exactly the ticked sections, after confirming that the budget has errors', async () => {
    const { port, writes } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan())} word={port} />);
    await choose();
    expect(screen.getByText('Budgeten har 2 fel. Avsnitten säger det och bygger på omräknade summor, men rätta helst arbetsboken först.')).toBeTruthy();

    fireEvent.click(checkbox('Budgetkommentar'));
    fireEvent.click(checkbox('Fördelning av medel'));
    expect(preview().map((s) => s.getAttribute('data-section'))).toEqual(['uppdrag', 'budget', 'eget-kapital', 'forslag-till-beslut']);
    fireEvent.click(checkbox('Fördelning av medel'));
    expect(preview()).toHaveLength(5);

    await click('Infoga i dokumentet');
    // Not yet: the errors come first, as a question in the pane, which takes the focus.
    expect(writes).toHaveLength(0);
    const confirm = screen.getByRole('group', { name: 'Budgeten har 2 fel' });
    expect(document.activeElement).toBe(confirm);
    expect(plain(confirm.textContent)).toContain('Vill du infoga avsnitten ändå?');
    await click('Infoga ändå');

    expect(writes).toEqual([{ keys: ['uppdrag', 'budget', 'eget-kapital', 'fordelning', 'forslag-till-beslut'], options: { overwriteEdited: [] } }]);
    expect(screen.getByText('Klart: 5 avsnitt infogade.')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Budgeten har 2 fel' })).toBeNull();
    // The document is read again: the sections are now there.
    await waitFor(() => expect(screen.getAllByText('Finns i dokumentet och är aktuellt')).toHaveLength(5));
    expect(screen.getByText('Finns inte i dokumentet')).toBeTruthy();
  });

  it('inserts nothing when the user cancels at the errors', async () => {
    const { port, writes } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan())} word={port} />);
    await choose();
    await click('Infoga i dokumentet');
    await click('Avbryt');
    expect(writes).toHaveLength(0);
    expect(screen.queryByRole('group', { name: 'Budgeten har 2 fel' })).toBeNull();
  });

  it('inserts without asking when the budget has no errors', async () => {
    const { port, writes } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => ({ ok: true, value: { sections: seedSections(), reports: [], errors: 0, snapshot: null } }))} word={port} />);
    await choose();
    expect(screen.queryByText(/Budgeten har/)).toBeNull();
    await click('Infoga i dokumentet');
    expect(writes.map((w) => w.keys.length)).toEqual([6]);
    expect(screen.getByText('Klart: 6 avsnitt infogade.')).toBeTruthy();
  });

  it('lists the sections whose numbers changed since they were inserted, and updates them', async () => {
    const sections = seedSections();
    // Inserted when the comment said something else (the numbers were different then).
    const oldComment = { ...sections[2], blocks: sections[2].blocks.map((b, i) => (i === 3 && b.kind === 'paragraph' ? { ...b, text: 'Budgeten för 2024 visar ett överskott på 1 tkr.' } : b)) };
    const { port, writes } = fakeWord([inserted(sections[0]), inserted(oldComment), inserted(sections[5])]);
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan())} word={port} />);
    await choose();

    expect(screen.getByText('Ändrade sedan de infogades: Budgetkommentar.')).toBeTruthy();
    const states = within(screen.getByRole('group', { name: 'Avsnitt att infoga' })).getAllByText(/dokumentet|infogades/).map((el) => el.textContent);
    expect(states).toEqual([
      'Finns i dokumentet och är aktuellt',
      'Finns inte i dokumentet',
      'Siffrorna har ändrats sedan det infogades',
      'Finns inte i dokumentet',
      'Finns inte i dokumentet',
      'Finns i dokumentet och är aktuellt',
    ]);
    expect(checkbox('Budgetkommentar').getAttribute('aria-describedby')).toBeTruthy();

    await click('Uppdatera de ändrade avsnitten');
    await click('Infoga ändå');
    expect(writes).toEqual([{ keys: ['budgetkommentar'], options: { overwriteEdited: [] } }]);
    expect(screen.getByText('Klart: 1 avsnitt uppdaterat.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/^Ändrade sedan de infogades/)).toBeNull());
  });

  it('asks before overwriting a section the user edited by hand, and keeps it when told to', async () => {
    const sections = seedSections();
    const edited = inserted(sections[3]);
    edited.text += ' Styrelsen vill behålla en buffert.';
    const { port, writes, controls } = fakeWord([inserted(sections[0]), edited]);
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan())} word={port} />);
    await choose();
    expect(screen.getByText('Ändrat för hand i dokumentet')).toBeTruthy();

    await click('Infoga i dokumentet');
    await click('Infoga ändå');
    expect(writes).toHaveLength(0);
    const confirm = screen.getByRole('group', { name: 'Ett avsnitt är ändrat för hand' });
    expect(document.activeElement).toBe(confirm);
    expect(within(confirm).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Eget kapital och reservnivå']);

    await click('Behåll mina ändringar');
    expect(writes).toEqual([{ keys: ['uppdrag', 'budget', 'budgetkommentar', 'eget-kapital', 'fordelning', 'forslag-till-beslut'], options: { overwriteEdited: [] } }]);
    expect(screen.getByText('Klart: 4 avsnitt infogade, 1 redan aktuellt. Dina ändringar finns kvar i: Eget kapital och reservnivå.')).toBeTruthy();
    expect(controls[1].text).toContain('Styrelsen vill behålla en buffert.');

    // Again, and this time overwrite.
    await click('Infoga i dokumentet');
    await click('Infoga ändå');
    await click('Skriv över mina ändringar');
    expect(writes[1]).toEqual({ keys: ['uppdrag', 'budget', 'budgetkommentar', 'eget-kapital', 'fordelning', 'forslag-till-beslut'], options: { overwriteEdited: ['eget-kapital'] } });
    expect(screen.getByText('Klart: 1 avsnitt uppdaterat, 5 redan aktuella.')).toBeTruthy();
    expect(controls[1].text).not.toContain('Styrelsen vill behålla en buffert.');
  });

  it('shows the adapter’s message and inserts nothing when Word lacks the requirement set', async () => {
    const support = wordSupport({ context: { requirements: { isSetSupported: () => false } } });
    const { port, reads } = fakeWord([], support);
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan())} word={port} />);
    if (support.ok) throw new Error('expected no support');
    expect(screen.getByText('Avsnitten kan inte infogas')).toBeTruthy();
    expect(screen.getByText(support.reason)).toBeTruthy();
    expect(support.reason).toContain('WordApi 1.3');

    await choose();
    // The sections can still be read and previewed; the document is never asked.
    expect(preview()).toHaveLength(6);
    expect(insertButton().disabled).toBe(true);
    expect(reads()).toBe(0);
  });

  it('says when the sections come from the Excel pane’s snapshot', async () => {
    const { port } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan({ madeAt: '2025-03-12T13:05:00Z', outdated: false }))} word={port} />);
    await choose();
    expect(screen.getByText(/^Avsnitten bygger på kontrollen som gjordes i Excel 12 mars 2025 kl\. \d\d:\d\d\.$/)).toBeTruthy();
  });

  it('says when the workbook changed since the Excel pane’s snapshot', async () => {
    const { port } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => seedPlan({ madeAt: '2025-03-12T13:05:00Z', outdated: true }))} word={port} />);
    await choose();
    expect(screen.getByText(/^Arbetsboken har ändrats sedan kontrollen i Excel 12 mars 2025 kl\. \d\d:\d\d: avsnitten bygger på siffrorna i filen, med inställningarna från Excel\.$/)).toBeTruthy();
  });

  it('says in Swedish why a workbook or the document cannot be read', async () => {
    const failing: WordDocumentPort = {
      ...fakeWord().port,
      readControls: async () => ({ ok: false, reason: 'Budgetkoll kunde inte läsa dokumentets avsnitt (felkod GeneralException). Försök igen.' }),
    };
    renderInFluent(<WordPane files={fakeFiles(() => ({ ok: false, reason: 'filen är ingen Excel-arbetsbok (.xlsx)' }))} word={failing} />);
    await choose('anteckningar.xlsx');
    expect(plain(screen.getAllByRole('alert')[0].textContent)).toBe('anteckningar.xlsx kunde inte läsasFilen är ingen Excel-arbetsbok (.xlsx).');
    expect(screen.queryByRole('button', { name: 'Infoga i dokumentet' })).toBeNull();
  });

  it('says so when the document’s sections cannot be read, and does not insert', async () => {
    const { port, writes } = fakeWord();
    const failing: WordDocumentPort = { ...port, readControls: async () => ({ ok: false, reason: 'Budgetkoll kunde inte läsa dokumentets avsnitt (felkod GeneralException). Försök igen.' }) };
    renderInFluent(<WordPane files={fakeFiles(() => ({ ok: true, value: { sections: seedSections(), reports: [], errors: 0, snapshot: null } }))} word={failing} />);
    await choose();
    expect(screen.getByText('Budgetkoll kunde inte läsa dokumentets avsnitt (felkod GeneralException). Försök igen.')).toBeTruthy();
    await click('Infoga i dokumentet');
    expect(writes).toHaveLength(0);
    expect(screen.getByText('Avsnitten infogades inte, eftersom dokumentets avsnitt inte kunde läsas.')).toBeTruthy();
  });

  it('says so when the workbook holds no budget table', async () => {
    const { port } = fakeWord();
    renderInFluent(<WordPane files={fakeFiles(() => ({ ok: true, value: { sections: [], reports: [], errors: 0, snapshot: null } }))} word={port} />);
    await choose('anteckningar.xlsx');
    expect(plain(screen.getAllByRole('status')[0].textContent)).toMatch(/^Klart: ingen budgettabell hittades i anteckningar\.xlsx\./);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

describe('WordPane: the section on the changes since the previous proposal', () => {
  let prel: Grid;
  let adopted: Grid;
  beforeAll(async () => {
    prel = await readSeedGrid('seed-000-lund-prel.xlsx');
    adopted = await readSeedGrid('seed-001-lund-antagen.xlsx');
  });

  /** Seed 001 (Lund, antagen) as the chosen workbook; its comparison with seed 000 the real one, handed over when the test says. */
  function comparingFiles() {
    const comparing: { older: string; settings: AnalysisSettings; finish: (outcome: Result<ComparedVersions>) => void }[] = [];
    const files: FileSource = {
      open: (file) => ({
        name: file.name,
        analyze: async () => ({ ok: false, reason: 'not used here' }),
        sections: async () => ({ ok: true, value: { sections: golden<DocSection[]>('sections/seed-001-lund-antagen.json'), reports: [], errors: 0, snapshot: null } }),
        compare: (older, settings, onStage) => new Promise((finish) => {
          onStage('reading-older');
          comparing.push({ older: older.name, settings, finish });
        }),
      }),
    };
    const finish = (i: number) => act(async () => comparing[i].finish({ ok: true, value: compareGrids(prel, adopted, {}, { old: comparing[i].older, new: 'seed-001-lund-antagen.xlsx' }) }));
    return { files, comparing, finish };
  }

  const changesRegion = () => screen.getByText('Förändringar jämfört med föregående förslag (valfritt)', { selector: 'h3' }).closest('section') as HTMLElement;
  const chooseOlder = (name = 'prel.xlsx') => fireEvent.change(within(changesRegion()).getByLabelText('Välj föregående förslags arbetsbok (.xlsx)'), { target: { files: [new File(['x'], name)] } });
  const boxes = () => within(screen.getByRole('group', { name: 'Avsnitt att infoga' })).getAllByRole('checkbox') as HTMLInputElement[];
  const previewText = (key: string) => plain(preview().find((s) => s.getAttribute('data-section') === key)?.textContent);

  it('compares the chosen workbook with the previous proposal and offers the section, ticked, after the budget comment', async () => {
    const { files, comparing, finish } = comparingFiles();
    const { port } = fakeWord();
    renderInFluent(<WordPane files={files} word={port} />);
    await choose('seed-001-lund-antagen.xlsx');
    expect(boxes()).toHaveLength(6);
    expect(within(changesRegion()).getByRole('button', { name: 'Välj föregående förslag…' })).toBeTruthy();

    chooseOlder();
    expect(comparing.map((c) => [c.older, c.settings])).toEqual([['prel.xlsx', {}]]);
    expect(plain(within(changesRegion()).getByRole('status').textContent)).toBe('Läser den tidigare versionen…');
    await finish(0);
    expect(plain(within(changesRegion()).getByRole('status').textContent)).toBe('Jämfört med prel.xlsx: 17 rader med ändrade belopp. Avsnittet finns bland avsnitten att infoga, med ändringar från 100 tkr.');
    expect(boxes().map((b) => [b.closest('div')?.textContent?.split('Finns')[0], b.checked])).toEqual([
      ['Samordningsförbundets uppdrag', true], ['Budget 2024 med plan 2025–2026', true], ['Budgetkommentar', true],
      ['Förändringar jämfört med föregående förslag', true], ['Eget kapital och reservnivå', true], ['Fördelning av medel', true], ['Förslag till beslut', true],
    ]);
    expect(previewText('forandringar')).toContain('Här redovisas ändringar på minst 100 tkr');
    expect(previewText('forandringar')).toContain('IRIS (Övergripande)');
  });

  it('inserts it with the others, and updates it in place at another threshold', async () => {
    const { files, finish } = comparingFiles();
    const { port, writes } = fakeWord();
    renderInFluent(<WordPane files={files} word={port} />);
    await choose('seed-001-lund-antagen.xlsx');
    chooseOlder();
    await finish(0);
    await click('Infoga i dokumentet');
    expect(writes[0].keys).toEqual(['uppdrag', 'budget', 'budgetkommentar', 'forandringar', 'eget-kapital', 'fordelning', 'forslag-till-beslut']);
    await waitFor(() => expect(screen.getAllByText('Finns i dokumentet och är aktuellt')).toHaveLength(7));

    const threshold = within(changesRegion()).getByLabelText('Ändringar från (tkr)') as HTMLInputElement;
    expect(threshold.value).toBe('100');
    fireEvent.change(threshold, { target: { value: '500' } });
    fireEvent.click(within(changesRegion()).getByRole('button', { name: 'Använd gränsen' }));
    expect(previewText('forandringar')).toContain('Här redovisas ändringar på minst 500 tkr');
    expect(previewText('forandringar')).not.toContain('IRIS (Övergripande)');
    // The document holds it at 100 tkr: its numbers changed since.
    expect(screen.getByText('Ändrade sedan de infogades: Förändringar jämfört med föregående förslag.')).toBeTruthy();
    await click('Uppdatera de ändrade avsnitten');
    expect(writes[1].keys).toEqual(['forandringar']);
  });

  it('takes the section away again, and forgets it with another workbook', async () => {
    const { files, finish } = comparingFiles();
    const { port } = fakeWord();
    renderInFluent(<WordPane files={files} word={port} />);
    await choose('seed-001-lund-antagen.xlsx');
    chooseOlder();
    await finish(0);
    expect(boxes()).toHaveLength(7);
    await click('Ta bort avsnittet');
    expect(boxes()).toHaveLength(6);

    chooseOlder();
    await finish(1);
    expect(boxes()).toHaveLength(7);
    await choose('annan.xlsx');
    expect(boxes()).toHaveLength(6);
    expect(within(changesRegion()).getByRole('button', { name: 'Välj föregående förslag…' })).toBeTruthy();
  });

  it('says in an alert why the previous proposal cannot be compared', async () => {
    const { files, comparing } = comparingFiles();
    const { port } = fakeWord();
    renderInFluent(<WordPane files={files} word={port} />);
    await choose('seed-001-lund-antagen.xlsx');
    chooseOlder('gammal.xls');
    await act(async () => comparing[0].finish({ ok: false, reason: 'filen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel' }));
    expect(plain(within(changesRegion()).getAllByRole('alert').find((a) => a.textContent)?.textContent)).toBe('gammal.xls kunde inte jämförasFilen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel.');
    expect(boxes()).toHaveLength(6);
  });
});
