import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ErrorBar } from '../components/ErrorBar';
import { PAGE_RULES } from '../components/pageStyles';
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AnalysisSettings } from '../../core/analyze';
import type { DocSection } from '../../core/sections/types';
import type { ExistingControl, SectionKey } from '../../word/renderPlan';
import { FilePicker } from '../components/FilePicker';
import { sentence } from '../model/format';
import type { FileSource, PickedFile, PlanSections, Stage } from '../model/source';
import { documentState, STATE_TEXT, titles, type DocumentState } from './documentState';
import type { Written } from '../../word/wordWriter';
import type { WordDocumentPort } from './port';
import { SectionPreview } from './SectionPreview';

const STAGE_TEXT: Record<Stage, string> = {
  reading: 'Läser arbetsboken…',
  checking: 'Kontrollerar…',
  fixing: 'Rättar arbetsboken…',
  sections: 'Bygger avsnitten…',
};

/** The engine's defaults; one object, so that the engine can reuse its analysis. */
const SETTINGS: AnalysisSettings = {};

const useStyles = makeStyles({
  ...PAGE_RULES,
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '1.5em' },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stale: { opacity: 0.6 },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  option: { display: 'flex', flexDirection: 'column' },
  optionState: { marginLeft: '36px', marginTop: '-6px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  optionStateAttention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  insert: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  insertNote: { flex: '1 1 16em', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  confirmList: { margin: 0, paddingLeft: '1.4em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  messageActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

type Load =
  | { kind: 'idle' }
  | { kind: 'busy'; stage: Stage; name: string }
  | { kind: 'error'; title: string; text: string }
  | { kind: 'ready'; name: string; plan: PlanSections };

type Doc =
  | { kind: 'none' }
  | { kind: 'reading' }
  | { kind: 'read'; controls: ExistingControl[]; state: DocumentState }
  | { kind: 'error'; text: string };

type Insert =
  | { kind: 'idle' }
  | { kind: 'confirm-errors'; keys: SectionKey[] }
  | { kind: 'reading' }
  | { kind: 'confirm-edited'; keys: SectionKey[]; edited: SectionKey[] }
  | { kind: 'writing' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

export interface WordPaneProps {
  /** Where the chosen workbook is read, checked and turned into sections (createFileSource() in Word, a fake in tests). */
  files: FileSource;
  /** The open document. */
  word: WordDocumentPort;
  /** A note above everything. */
  notice?: string;
}

const errorCount = (n: number) => (n === 1 ? 'ett fel' : `${n} fel`);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `Klart: 4 avsnitt infogade, 1 uppdaterat, 1 redan aktuellt.` and what was left as the user wrote it. */
export function writtenText(outcome: Written, sections: readonly DocSection[]): string {
  const inserted = outcome.plan.filter((e) => e.write && e.action === 'insert').length;
  const updated = outcome.plan.filter((e) => e.write && e.action !== 'insert').length;
  const current = outcome.plan.filter((e) => e.action === 'unchanged').length;
  const parts: string[] = [];
  if (inserted > 0) parts.push(count(inserted, 'avsnitt infogat', 'avsnitt infogade'));
  if (updated > 0) parts.push(`${parts.length === 0 ? count(updated, 'avsnitt uppdaterat', 'avsnitt uppdaterade') : count(updated, 'uppdaterat', 'uppdaterade')}`);
  if (current > 0) parts.push(`${parts.length === 0 ? count(current, 'avsnitt redan aktuellt', 'avsnitt redan aktuella') : count(current, 'redan aktuellt', 'redan aktuella')}`);
  let text = parts.length > 0 ? `Klart: ${parts.join(', ')}.` : 'Klart.';
  if (outcome.keptEdited.length > 0) text += ` Dina ändringar finns kvar i: ${titles(sections, outcome.keptEdited).join(', ')}.`;
  return text;
}

function formatMadeAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/**
 * The pane in Word: choose the budget workbook (Word cannot read the one open in Excel),
 * tick the sections, see them, and insert or update them in the document.
 */
export function WordPane({ files, word, notice }: WordPaneProps) {
  const styles = useStyles();
  const id = useId();
  const support = useMemo(() => word.support(), [word]);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [doc, setDoc] = useState<Doc>({ kind: 'none' });
  const [selected, setSelected] = useState<SectionKey[]>([]);
  const [insert, setInsert] = useState<Insert>({ kind: 'idle' });
  const run = useRef(0);
  const confirmRef = useRef<HTMLDivElement>(null);

  const ready = load.kind === 'ready' ? load : null;
  const sections = useMemo(() => ready?.plan.sections ?? [], [ready]);
  const writing = insert.kind === 'reading' || insert.kind === 'writing';

  // A confirmation takes the focus, so that it is read out and answered from the keyboard.
  useEffect(() => {
    if (insert.kind === 'confirm-errors' || insert.kind === 'confirm-edited') confirmRef.current?.focus();
  }, [insert.kind]);

  // A file dropped beside the zone must not make Word's web view leave the pane to show it.
  useEffect(() => {
    const stop = (event: DragEvent) => {
      if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  /** Reads Budgetkoll's controls in the document; the latest result, or null when the read failed or was overtaken. */
  async function readDocument(forSections: readonly DocSection[], runId: number): Promise<DocumentState | null> {
    setDoc({ kind: 'reading' });
    const read = await word.readControls();
    if (runId !== run.current) return null;
    if (!read.ok) {
      setDoc({ kind: 'error', text: sentence(read.reason) });
      return null;
    }
    const state = documentState(forSections, read.value);
    setDoc({ kind: 'read', controls: read.value, state });
    return state;
  }

  async function onFile(file: PickedFile) {
    const runId = ++run.current;
    const source = files.open(file);
    setInsert({ kind: 'idle' });
    setDoc({ kind: 'none' });
    setLoad({ kind: 'busy', stage: 'reading', name: source.name });
    if (!source.sections) {
      setLoad({ kind: 'error', title: `${source.name} kunde inte läsas`, text: 'Budgetkoll kan inte bygga avsnitten ur den här källan.' });
      return;
    }
    const outcome = await source.sections(SETTINGS, (stage) => {
      if (runId === run.current) setLoad({ kind: 'busy', stage, name: source.name });
    });
    if (runId !== run.current) return;
    if (!outcome.ok) {
      setLoad({ kind: 'error', title: `${source.name} kunde inte läsas`, text: sentence(outcome.reason) });
      return;
    }
    const plan = outcome.value;
    setLoad({ kind: 'ready', name: source.name, plan });
    setSelected(plan.sections.map((s) => s.key));
    if (plan.sections.length > 0 && support.ok) await readDocument(plan.sections, runId);
  }

  const chosen = (keys: readonly SectionKey[]) => sections.filter((s) => keys.includes(s.key));

  /** Step 1: a budget with errors is inserted only when the user says so. */
  function startInsert(keys: SectionKey[]) {
    if (!ready || keys.length === 0) return;
    if (ready.plan.errors > 0) setInsert({ kind: 'confirm-errors', keys });
    else void checkEdited(keys);
  }

  /** Step 2: the document as it is now; a section edited by hand is overwritten only when the user says so. */
  async function checkEdited(keys: SectionKey[]) {
    const runId = run.current;
    setInsert({ kind: 'reading' });
    const state = await readDocument(sections, runId);
    if (runId !== run.current) return;
    if (!state) {
      setInsert({ kind: 'error', text: 'Avsnitten infogades inte, eftersom dokumentets avsnitt inte kunde läsas.' });
      return;
    }
    const edited = state.edited.filter((k) => keys.includes(k));
    if (edited.length > 0) setInsert({ kind: 'confirm-edited', keys, edited });
    else void write(keys, []);
  }

  /** Step 3: the adapter writes the chosen sections, in the plan's order. */
  async function write(keys: SectionKey[], overwrite: SectionKey[]) {
    const runId = run.current;
    setInsert({ kind: 'writing' });
    const outcome = await word.write(chosen(keys), { overwriteEdited: overwrite });
    if (runId !== run.current) return;
    if (!outcome.ok) {
      setInsert({ kind: 'error', text: sentence(outcome.reason) });
      return;
    }
    setInsert({ kind: 'done', text: writtenText(outcome.value, sections) });
    await readDocument(sections, runId);
  }

  const toggle = (key: SectionKey, on: boolean) => {
    setSelected((keys) => sections.map((s) => s.key).filter((k) => (k === key ? on : keys.includes(k))));
    // A question about other sections, or the word about the last insert, no longer applies.
    if (insert.kind !== 'idle') setInsert({ kind: 'idle' });
  };

  const state = doc.kind === 'read' ? doc.state : null;
  const selectedSections = chosen(selected);
  const canInsert = support.ok && selected.length > 0 && !writing && load.kind === 'ready';

  const insertStatus =
    insert.kind === 'reading' ? 'Läser dokumentets avsnitt…'
    : insert.kind === 'writing' ? 'Infogar avsnitten…'
    : insert.kind === 'done' ? insert.text
    : insert.kind === 'confirm-errors' ? 'Bekräfta: budgeten har fel.'
    : insert.kind === 'confirm-edited' ? `Bekräfta: ${insert.edited.length === 1 ? 'ett avsnitt är ändrat' : `${insert.edited.length} avsnitt är ändrade`} för hand.`
    : !support.ok ? 'Avsnitten kan inte infogas i den här versionen av Word.'
    : selected.length === 0 ? 'Kryssa i minst ett avsnitt.'
    : `${count(selected.length, 'avsnitt', 'avsnitt')} infogas vid markören, eller uppdateras där de redan står.`;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Budgetkoll</h1>
        <Text className={styles.lead}>
          Infogar verksamhetsplanens avsnitt i dokumentet, byggda på de kontrollerade siffrorna i budgetarbetsboken.
          Word kan inte läsa en arbetsbok som är öppen i Excel, så välj den som fil.
        </Text>
      </header>

      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {!support.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Avsnitten kan inte infogas</MessageBarTitle>
            {support.reason}
          </MessageBarBody>
        </MessageBar>
      )}

      <FilePicker onFile={(file) => void onFile(file)} compact={load.kind !== 'idle'} disabled={writing} where="i Word" />

      <div className={styles.status} role="status" aria-live="polite">
        {load.kind === 'busy' && <Spinner size="tiny" aria-hidden />}
        {load.kind === 'busy' && <Text>{STAGE_TEXT[load.stage]}</Text>}
        {ready && ready.plan.sections.length > 0 && (
          <Text>
            {`Klart: ${ready.name} – ${count(ready.plan.sections.length, 'avsnitt', 'avsnitt')}${ready.plan.errors > 0 ? `, ${errorCount(ready.plan.errors)} i budgeten` : ''}.`}
            {doc.kind === 'reading' && insert.kind === 'idle' && ' Läser dokumentets avsnitt…'}
          </Text>
        )}
        {ready && ready.plan.sections.length === 0 && (
          <Text>{`Klart: ingen budgettabell hittades i ${ready.name}. Budgetkoll letar efter en tabell med årskolumner (till exempel 2024 eller Budget 2025) och rader med belopp.`}</Text>
        )}
      </div>

      <div role="alert">
        {load.kind === 'error' && <ErrorBar title={load.title} text={load.text} />}
        {doc.kind === 'error' && <ErrorBar title="Dokumentets avsnitt kunde inte läsas" text={doc.text} />}
      </div>

      {ready && sections.length > 0 && (
        <section className={mergeClasses(styles.result, writing && styles.stale)} aria-label={`Avsnitt ur ${ready.name}`} aria-busy={writing}>
          <h2 className={styles.name}>{ready.name}</h2>

          {ready.plan.snapshot && (
            <Text>
              {ready.plan.snapshot.outdated
                ? `Arbetsboken har ändrats sedan kontrollen i Excel ${formatMadeAt(ready.plan.snapshot.madeAt)}: avsnitten bygger på siffrorna i filen, med inställningarna från Excel.`
                : `Avsnitten bygger på kontrollen som gjordes i Excel ${formatMadeAt(ready.plan.snapshot.madeAt)}.`}
            </Text>
          )}

          {ready.plan.errors > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {`Budgeten har ${errorCount(ready.plan.errors)}. Avsnitten säger det och bygger på omräknade summor, men rätta helst arbetsboken först.`}
              </MessageBarBody>
            </MessageBar>
          )}

          {state && state.changed.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <div>{`Ändrade sedan de infogades: ${titles(sections, state.changed).join(', ')}.`}</div>
                <div className={styles.messageActions}>
                  <Button size="small" disabled={!support.ok || writing} onClick={() => startInsert(state.changed)}>
                    Uppdatera de ändrade avsnitten
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}

          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Avsnitt att infoga</legend>
            {sections.map((section) => {
              const sectionState = state?.states[section.key];
              const hintId = `${id}-${section.key}-state`;
              return (
                <div key={section.key} className={styles.option}>
                  <Checkbox
                    label={section.title}
                    checked={selected.includes(section.key)}
                    disabled={writing}
                    aria-describedby={sectionState ? hintId : undefined}
                    onChange={(_e, data) => toggle(section.key, data.checked === true)}
                  />
                  {sectionState && (
                    <span id={hintId} className={mergeClasses(styles.optionState, (sectionState === 'changed' || sectionState === 'edited') && styles.optionStateAttention)}>
                      {STATE_TEXT[sectionState]}
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>

          <div className={styles.insert}>
            <Button appearance="primary" disabled={!canInsert} onClick={() => startInsert(selected)}>
              Infoga i dokumentet
            </Button>
            <span className={styles.insertNote} role="status" aria-live="polite">
              {writing && <Spinner size="extra-tiny" aria-hidden style={{ display: 'inline-flex', marginRight: tokens.spacingHorizontalXS }} />}
              {insertStatus}
            </span>
          </div>

          {insert.kind === 'confirm-errors' && (
            <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-text`}>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody className={styles.confirm}>
                  <MessageBarTitle id={`${id}-confirm-title`}>{`Budgeten har ${errorCount(ready.plan.errors)}`}</MessageBarTitle>
                  <span id={`${id}-confirm-text`}>
                    Avsnitten säger det och bygger på omräknade summor, men rätta helst arbetsboken först. Vill du infoga avsnitten ändå?
                  </span>
                  <div className={styles.actions}>
                    <Button appearance="primary" onClick={() => void checkEdited(insert.keys)}>Infoga ändå</Button>
                    <Button onClick={() => setInsert({ kind: 'idle' })}>Avbryt</Button>
                  </div>
                </MessageBarBody>
              </MessageBar>
            </div>
          )}

          {insert.kind === 'confirm-edited' && (
            <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-text`}>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody className={styles.confirm}>
                  <MessageBarTitle id={`${id}-confirm-title`}>
                    {insert.edited.length === 1 ? 'Ett avsnitt är ändrat för hand' : `${insert.edited.length} avsnitt är ändrade för hand`}
                  </MessageBarTitle>
                  <span id={`${id}-confirm-text`}>
                    {insert.edited.length === 1
                      ? 'Avsnittet har ändrats i dokumentet sedan Budgetkoll infogade det. Ska Budgetkoll skriva över ändringarna?'
                      : 'Avsnitten har ändrats i dokumentet sedan Budgetkoll infogade dem. Ska Budgetkoll skriva över ändringarna?'}
                  </span>
                  <ul className={styles.confirmList}>
                    {titles(sections, insert.edited).map((title) => <li key={title}>{title}</li>)}
                  </ul>
                  <div className={styles.actions}>
                    <Button appearance="primary" onClick={() => void write(insert.keys, insert.edited)}>Skriv över mina ändringar</Button>
                    <Button onClick={() => void write(insert.keys, [])}>Behåll mina ändringar</Button>
                    <Button onClick={() => setInsert({ kind: 'idle' })}>Avbryt</Button>
                  </div>
                </MessageBarBody>
              </MessageBar>
            </div>
          )}

          {insert.kind === 'error' && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>Avsnitten infogades inte</MessageBarTitle>
                {insert.text}
              </MessageBarBody>
            </MessageBar>
          )}

          <h3 className={styles.subheading}>Förhandsgranskning</h3>
          {selectedSections.length === 0 ? (
            <Text>Inga avsnitt är ikryssade.</Text>
          ) : (
            <SectionPreview sections={selectedSections} headingLevel={4} />
          )}
        </section>
      )}
    </main>
  );
}
