import { useEffect, useRef, useState } from 'react';
import type { AnalysisSettings } from '../../core/analyze';
import type { Language } from '../../core/messages';
import type { Result } from '../../core/result';
import { sentence } from '../model/format';
import { DEFAULT_FORM, settingsFromForm, type SettingsForm } from '../model/settings';
import { buildViewModel, type FindingView, type TableView, type ViewModel } from '../model/viewModel';
import type { ExcelWorkbookPort, FixPreview, StepDone, WorkbookSummary } from './port';
import { excelPaneStrings } from './strings';

// The Excel pane's state: the workbook as found when the pane opened (its stored settings, what
// Ångra can put back), the last analysis, and the status of the analysis and of a step. A later
// analysis overtakes an earlier one's results (run).

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; fraction: number | null }
  | { kind: 'done'; text: string }
  | { kind: 'error'; title: string; text: string };

export interface Analysed {
  view: ViewModel;
  fixes: FixPreview;
  marks: number;
  notStored: string | null;
}

export function useExcelPane(excel: ExcelWorkbookPort, language: Language) {
  const s = excelPaneStrings(language);
  const [summary, setSummary] = useState<WorkbookSummary | null>(null);
  const [form, setForm] = useState<SettingsForm>(DEFAULT_FORM);
  const [settings, setSettings] = useState<AnalysisSettings>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<Analysed | null>(null);
  const [action, setAction] = useState<Status>({ kind: 'idle' });
  const run = useRef(0);

  // The workbook when the pane opens, with the settings an earlier analysis stored in it.
  useEffect(() => {
    let live = true;
    void excel.inspect().then(async (outcome) => {
      if (!live || !outcome.ok) return;
      setSummary(outcome.value);
      const stored = outcome.value.settings;
      if (stored) {
        const parsed = await settingsFromForm(stored);
        if (live && parsed.ok) {
          setForm(stored);
          setSettings(parsed.value);
        }
      }
    });
    return () => {
      live = false;
    };
  }, [excel]);

  async function analyze(nextSettings = settings, nextForm = form, after?: string) {
    const id = ++run.current;
    setStatus({ kind: 'busy', text: s.reading, fraction: null });
    const outcome = await excel.analyze(nextSettings, nextForm, language, (fraction) => {
      if (id === run.current) setStatus({ kind: 'busy', text: fraction < 1 ? s.progress(Math.round(fraction * 100)) : s.checking, fraction });
    });
    if (id !== run.current) return;
    if (!outcome.ok) {
      setStatus({ kind: 'error', title: s.analyzeFailed, text: sentence(outcome.reason) });
      return;
    }
    const view = buildViewModel(outcome.value.reports);
    setResult({ view, fixes: outcome.value.fixes, marks: outcome.value.marks, notStored: outcome.value.notStored });
    const text = view.tables.length === 0 ? s.noTables : s.done(view.tables.length, view.counts.error, view.counts.warning);
    setStatus({ kind: 'done', text: after ? `${after} ${text}` : text });
  }

  /** One of Budgetkoll's steps (mark, check sheet, fix, undo), then the workbook as it is now where cells changed. */
  async function act(work: () => Promise<Result<StepDone>>) {
    setAction({ kind: 'busy', text: s.working, fraction: null });
    const outcome = await work();
    if (!outcome.ok) {
      setAction({ kind: 'error', title: s.actionFailed, text: sentence(outcome.reason) });
      return;
    }
    const text = s.stepDone(outcome.value);
    const undoSteps = outcome.value.kind === 'undo' ? outcome.value.remainingSteps : (summary?.undoSteps ?? 0) + 1;
    setSummary((current) => (current ? { ...current, undoSteps } : current));
    setAction({ kind: 'done', text });
    // Fixed or undone cells: what is shown must be the workbook as it is now.
    if (outcome.value.kind === 'fixes' || outcome.value.kind === 'undo') await analyze();
  }

  const onApplySettings = (nextForm: SettingsForm, nextSettings: AnalysisSettings) => {
    setForm(nextForm);
    setSettings(nextSettings);
    void analyze(nextSettings, nextForm);
  };

  const select = (sheet: string, address: string) => {
    void excel.select(sheet, address).then((outcome) => {
      if (!outcome.ok) setAction({ kind: 'error', title: s.actionFailed, text: sentence(outcome.reason) });
    });
  };
  const onSelectFinding = (f: FindingView) => select(f.sheet, f.cell);
  const onSelectTable = (table: TableView) => select(table.sheet, table.range);

  const busy = status.kind === 'busy' || action.kind === 'busy';
  return { summary, form, settings, status, result, action, busy, analyze, act, onApplySettings, onSelectFinding, onSelectTable, select };
}

export type ExcelPaneState = ReturnType<typeof useExcelPane>;
