import { useMemo, useRef, useState } from 'react';
import { inPlanOrder, type DocSection } from '../../core/sections/types';
import type { ExistingControl, SectionKey } from '../../word/renderPlan';
import type { Support } from '../../word/wordSupport';
import type { AnalysisSettings } from '../../core/analyze';
import { sentence } from '../model/format';
import type { AnalysisSource, FileSource, PickedFile, PlanSections, Stage } from '../model/source';
import { documentState, type DocumentState } from './documentState';
import type { WordDocumentPort } from './port';
import { writtenText } from './wordPaneText';

// The Word pane's steps as state: the chosen workbook's sections (load), what the document holds
// of them (doc), the sections ticked, and an insert on its way (insert: a question to the user,
// reading the document, writing, done). A later file overtakes an earlier one's results (run).
// The optional section on the changes since the previous proposal joins the workbook's sections
// when the user compares it with that proposal (WordChanges.tsx), in its place in the plan.

export type Load =
  | { kind: 'idle' }
  | { kind: 'busy'; stage: Stage; name: string }
  | { kind: 'error'; title: string; text: string }
  | { kind: 'ready'; name: string; plan: PlanSections };

export type Doc =
  | { kind: 'none' }
  | { kind: 'reading' }
  | { kind: 'read'; controls: ExistingControl[]; state: DocumentState }
  | { kind: 'error'; text: string };

export type Insert =
  | { kind: 'idle' }
  | { kind: 'confirm-errors'; keys: SectionKey[] }
  | { kind: 'reading' }
  | { kind: 'confirm-edited'; keys: SectionKey[]; edited: SectionKey[] }
  | { kind: 'writing' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** The engine's defaults; one object, so that the engine can reuse its analysis. */
const SETTINGS: AnalysisSettings = {};

export function useWordPane(files: FileSource, word: WordDocumentPort, support: Support) {
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [doc, setDoc] = useState<Doc>({ kind: 'none' });
  const [selected, setSelected] = useState<SectionKey[]>([]);
  const [insert, setInsert] = useState<Insert>({ kind: 'idle' });
  const [changes, setChanges] = useState<DocSection | null>(null);
  const run = useRef(0);
  const source = useRef<AnalysisSource | null>(null);
  const ready = load.kind === 'ready' ? load : null;
  const sections = useMemo(() => (ready ? inPlanOrder(changes ? [...ready.plan.sections, changes] : ready.plan.sections) : []), [ready, changes]);

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

  /** Step 0: the chosen workbook's sections, and what the document holds of them. */
  async function onFile(file: PickedFile) {
    const runId = ++run.current;
    const opened = files.open(file);
    source.current = opened;
    setInsert({ kind: 'idle' });
    setDoc({ kind: 'none' });
    setChanges(null);
    setLoad({ kind: 'busy', stage: 'reading', name: opened.name });
    if (!opened.sections) {
      setLoad({ kind: 'error', title: `${opened.name} kunde inte läsas`, text: 'Budgetkoll kan inte bygga avsnitten ur den här källan.' });
      return;
    }
    const outcome = await opened.sections(SETTINGS, (stage) => {
      if (runId === run.current) setLoad({ kind: 'busy', stage, name: opened.name });
    });
    if (runId !== run.current) return;
    if (!outcome.ok) {
      setLoad({ kind: 'error', title: `${opened.name} kunde inte läsas`, text: sentence(outcome.reason) });
      return;
    }
    const plan = outcome.value;
    setLoad({ kind: 'ready', name: opened.name, plan });
    setSelected(plan.sections.map((s) => s.key));
    if (plan.sections.length > 0 && support.ok) await readDocument(plan.sections, runId);
  }

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
    const outcome = await word.write(sections.filter((s) => keys.includes(s.key)), { overwriteEdited: overwrite });
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

  const cancel = () => setInsert({ kind: 'idle' });

  /**
   * The section on the changes, built (or rebuilt at another threshold), or gone (null): ticked
   * when it comes, and what the document holds of it read from the controls already read.
   */
  const onChangesSection = (section: DocSection | null) => {
    if (!ready) return;
    const next = inPlanOrder(section ? [...ready.plan.sections, section] : ready.plan.sections);
    setChanges(section);
    setSelected((keys) => next.map((s) => s.key).filter((k) => keys.includes(k) || (k === 'forandringar' && !changes)));
    setDoc((current) => (current.kind === 'read' ? { ...current, state: documentState(next, current.controls) } : current));
    if (insert.kind !== 'idle' && insert.kind !== 'writing' && insert.kind !== 'reading') setInsert({ kind: 'idle' });
  };

  /** The chosen workbook compared with an earlier version, with the settings its sections use; null before a workbook is read. */
  const compare = ready && source.current?.compare
    ? (older: PickedFile, onStage: (stage: Stage) => void) => source.current!.compare!(older, SETTINGS, onStage)
    : null;

  return { load, doc, selected, insert, ready, sections, onFile, startInsert, checkEdited, write, toggle, cancel, compare, onChangesSection, runId: run.current };
}

export type WordPaneState = ReturnType<typeof useWordPane>;
