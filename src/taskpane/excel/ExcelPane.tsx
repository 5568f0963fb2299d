import { useEffect, useRef, useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
  MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import type { AnalysisSettings } from '../../core/analyze';
import type { Language } from '../../core/messages';
import type { Result } from '../../core/result';
import { ErrorBar } from '../components/ErrorBar';
import { PAGE_RULES } from '../components/pageStyles';
import { ResultView } from '../components/ResultView';
import { useTableStyles } from '../components/tableStyles';
import { sentence } from '../model/format';
import { PaneLanguageProvider } from '../model/language';
import { DEFAULT_FORM, settingsFromForm, type SettingsForm } from '../model/settings';
import { buildViewModel, type FindingView, type TableView, type ViewModel } from '../model/viewModel';
import type { ExcelWorkbookPort, FixPreview, StepDone, WorkbookSummary } from './port';
import { excelPaneStrings } from './strings';

const useStyles = makeStyles({
  ...PAGE_RULES,
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minHeight: '1.5em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  previewList: { maxHeight: '50vh', overflowY: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; fraction: number | null }
  | { kind: 'done'; text: string }
  | { kind: 'error'; title: string; text: string };

interface Analysed {
  view: ViewModel;
  fixes: FixPreview[];
  marks: number;
  notStored: string | null;
}

export interface ExcelPaneProps {
  excel: ExcelWorkbookPort;
  language?: Language;
}

/** The pane in Excel: analyse the open workbook, see what is wrong, mark it, fix it, undo it. */
export function ExcelPane({ excel, language = 'sv' }: ExcelPaneProps) {
  const styles = useStyles();
  const t = useTableStyles();
  const s = excelPaneStrings(language);
  const caps = excel.capabilities();
  const [summary, setSummary] = useState<WorkbookSummary | null>(null);
  const [form, setForm] = useState<SettingsForm>(DEFAULT_FORM);
  const [settings, setSettings] = useState<AnalysisSettings>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<Analysed | null>(null);
  const [action, setAction] = useState<Status>({ kind: 'idle' });
  const [preview, setPreview] = useState(false);
  const run = useRef(0);

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
  const canWrite = caps.write.ok && !summary?.readOnly;
  const fixCount = result?.fixes.length ?? 0;
  const actions = result && (
    <div className={styles.actions}>
      <Button onClick={() => void act(() => excel.mark())} disabled={busy || !canWrite || result.marks === 0}>{s.mark}</Button>
      <Button onClick={() => void act(() => excel.addCheckSheet())} disabled={busy || !canWrite}>{s.checkSheet}</Button>
      <Button appearance="primary" onClick={() => setPreview(true)} disabled={busy || !canWrite || fixCount === 0} title={fixCount === 0 ? s.nothingToFix : undefined}>
        {s.fix(fixCount)}
      </Button>
      <Button onClick={() => void act(() => excel.undo())} disabled={busy || !canWrite || (summary?.undoSteps ?? 0) === 0}>{s.undo}</Button>
    </div>
  );

  return (
    <PaneLanguageProvider value={language}>
      <main className={styles.page}>
        <header className={styles.header}>
          <h1 className={styles.title}>Budgetkoll</h1>
          <Text className={styles.lead}>{s.lead}</Text>
        </header>

        {!caps.analyze.ok && <ErrorBar title={s.analyzeFailed} text={caps.analyze.reason} />}
        {caps.analyze.ok && !caps.write.ok && (
          <MessageBar intent="warning"><MessageBarBody>{caps.write.reason}</MessageBarBody></MessageBar>
        )}
        {summary?.readOnly && <MessageBar intent="warning"><MessageBarBody>{s.readOnly}</MessageBarBody></MessageBar>}
        {summary && summary.protectedSheets.length > 0 && (
          <MessageBar intent="info"><MessageBarBody>{s.protectedSheets(summary.protectedSheets)}</MessageBarBody></MessageBar>
        )}

        <div>
          <Button appearance="primary" size="large" onClick={() => void analyze()} disabled={busy || !caps.analyze.ok}>
            {result ? s.reanalyze : s.analyze}
          </Button>
        </div>

        <div className={styles.status} role="status" aria-live="polite">
          {status.kind === 'busy' && <ProgressBar value={status.fraction ?? undefined} aria-label={status.text} />}
          {status.kind === 'busy' && <Text>{status.text}</Text>}
          {status.kind === 'done' && <Text>{status.text}</Text>}
          {action.kind === 'busy' && <Text>{action.text}</Text>}
          {action.kind === 'done' && <Text>{action.text}</Text>}
        </div>
        <div role="alert">
          {status.kind === 'error' && <ErrorBar title={status.title} text={status.text} />}
          {action.kind === 'error' && <ErrorBar title={action.title} text={action.text} />}
          {result?.notStored && <MessageBar intent="warning"><MessageBarBody>{s.notStored(result.notStored)}</MessageBarBody></MessageBar>}
        </div>

        {result && result.view.tables.length > 0 && (
          <ResultView
            name={s.workbook}
            view={result.view}
            settingsForm={form}
            onApplySettings={onApplySettings}
            busy={busy}
            actions={actions}
            onSelectFinding={onSelectFinding}
            onSelectTable={onSelectTable}
          />
        )}

        <Dialog open={preview} onOpenChange={(_e, data) => setPreview(data.open)}>
          <DialogSurface aria-describedby={undefined}>
            <DialogBody>
              <DialogTitle>{s.previewTitle}</DialogTitle>
              <DialogContent>
                <Text block>{s.previewLead(fixCount)}</Text>
                <div className={styles.previewList}>
                  <table className={t.table} aria-label={s.previewTitle}>
                    <thead>
                      <tr>
                        <th scope="col" className={t.th}>{s.previewCell}</th>
                        <th scope="col" className={t.th}>{s.previewBefore}</th>
                        <th scope="col" className={t.th}>{s.previewAfter}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result?.fixes.map((f) => (
                        <tr key={f.cell}>
                          <td className={t.td}>{f.cell}</td>
                          <td className={`${t.td} ${styles.mono}`}>{f.before}</td>
                          <td className={`${t.td} ${styles.mono}`}>{f.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setPreview(false)}>{s.cancel}</Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setPreview(false);
                    void act(() => excel.fix());
                  }}
                >
                  {s.confirmFix(fixCount)}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </main>
    </PaneLanguageProvider>
  );
}
