import { useRef, useState } from 'react';
import type { AnalysisSettings } from '../../core/analyze';
import type { Result } from '../../core/result';
import type { DocSection } from '../../core/sections/types';
import { countText, sentence } from '../model/format';
import { DEFAULT_FORM, type SettingsForm } from '../model/settings';
import type { AnalysisSource, FileSource, PickedFile, Stage } from '../model/source';
import { buildViewModel, type ViewModel } from '../model/viewModel';

// The page's state: the chosen workbook, its check (made with the settings shown), and the two
// downloads made from it. A later file or setting overtakes an earlier run's results (run); a
// download finished after another file was chosen is saved without a word about it.

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; stage: Stage }
  | { kind: 'done'; text: string }
  | { kind: 'error'; title: string; text: string };

export type Download = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export interface Checked {
  name: string;
  view: ViewModel;
  /** The settings the result was made with. */
  form: SettingsForm;
}

/** Saves a file made here (the corrected workbook, the sections). */
export type Save = (fileName: string, bytes: Uint8Array, type?: string) => void;

function doneText(name: string, view: ViewModel): string {
  if (view.tables.length === 0) return `Klart: ingen budgettabell hittades i ${name}. Budgetkoll letar efter en tabell med årskolumner (till exempel 2024 eller Budget 2025) och rader med belopp.`;
  const { error, warning, info } = view.counts;
  return `Klart: ${name} – ${countText(view.tables.length, 'table')}, ${countText(error, 'error')}, ${countText(warning, 'warning')}, ${countText(info, 'info')}.`;
}

interface Made {
  fileName: string;
  bytes: Uint8Array;
  type?: string;
}

export function useStandalone(files: FileSource, save: Save) {
  const [source, setSource] = useState<AnalysisSource | null>(null);
  const [form, setForm] = useState<SettingsForm>(DEFAULT_FORM);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<Checked | null>(null);
  const [download, setDownload] = useState<Download>({ kind: 'idle' });
  const [sectionsDownload, setSectionsDownload] = useState<Download>({ kind: 'idle' });
  const run = useRef(0);
  const current = useRef<AnalysisSource | null>(null);
  // Empty settings are the engine's defaults, which DEFAULT_FORM shows.
  const [settings, setSettings] = useState<AnalysisSettings>({});

  async function analyze(next: AnalysisSource, nextSettings: AnalysisSettings, nextForm: SettingsForm, fresh: boolean) {
    const id = ++run.current;
    if (fresh) {
      setResult(null);
      setDownload({ kind: 'idle' });
      setSectionsDownload({ kind: 'idle' });
    }
    setStatus({ kind: 'busy', stage: 'reading' });
    const outcome = await next.analyze(nextSettings, (stage) => {
      if (id === run.current) setStatus({ kind: 'busy', stage });
    });
    // A later file or setting overtook this run.
    if (id !== run.current) return;
    if (!outcome.ok) {
      setResult(null);
      setStatus({ kind: 'error', title: `${next.name} kunde inte läsas`, text: sentence(outcome.reason) });
      return;
    }
    const view = buildViewModel(outcome.value);
    setResult({ name: next.name, view, form: nextForm });
    setDownload({ kind: 'idle' });
    setSectionsDownload({ kind: 'idle' });
    setStatus({ kind: 'done', text: doneText(next.name, view) });
  }

  const onFile = (file: PickedFile) => {
    const next = files.open(file);
    current.current = next;
    setSource(next);
    void analyze(next, settings, form, true);
  };

  const onApplySettings = (nextForm: SettingsForm, nextSettings: AnalysisSettings) => {
    setForm(nextForm);
    setSettings(nextSettings);
    if (source) void analyze(source, nextSettings, nextForm, false);
  };

  /** Makes a file from the current source and saves it; `done` is what the page says then. */
  async function make<T extends Made>(set: (d: Download) => void, work: (from: AnalysisSource) => Promise<Result<T>> | undefined, failed: string, done: (made: T) => string) {
    const from = source;
    const pending = from && work(from);
    if (!from || !pending) return;
    set({ kind: 'busy' });
    const outcome = await pending;
    // Another file was chosen meanwhile: its result shows no word about this one.
    if (current.current !== from) {
      if (outcome.ok) save(outcome.value.fileName, outcome.value.bytes, outcome.value.type);
      return;
    }
    if (!outcome.ok) {
      set({ kind: 'error', text: `${failed}: ${sentence(outcome.reason)}` });
      return;
    }
    save(outcome.value.fileName, outcome.value.bytes, outcome.value.type);
    set({ kind: 'done', text: done(outcome.value) });
  }

  const onDownload = () => make(setDownload, (from) => from.corrected?.(settings, () => undefined), 'Den rättade arbetsboken kunde inte skapas',
    ({ fileName, fillOnlyNote }) => `${fileName} är sparad i webbläsarens hämtade filer. Originalet är oförändrat.${fillOnlyNote ? ` ${fillOnlyNote}` : ''}`);

  /** `extra`: sections beside the standard ones (the changes since an earlier version). */
  const onDownloadSections = (extra: readonly DocSection[] = []) => make(setSectionsDownload, (from) => from.sectionsDocument?.(settings, () => undefined, extra), 'Avsnitten kunde inte skapas',
    ({ fileName }) => `${fileName} är sparad i webbläsarens hämtade filer.`);

  return { source, settings, status, result, download, sectionsDownload, onFile, onApplySettings, onDownload, onDownloadSections };
}

export type StandaloneState = ReturnType<typeof useStandalone>;
