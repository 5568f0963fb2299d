import { useState } from 'react';
import { Button, ProgressBar, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import type { Language } from '../../core/messages';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { PAGE_RULES } from '../components/pageStyles';
import { ResultView } from '../components/ResultView';
import { PaneLanguageProvider } from '../model/language';
import { ExcelComparison } from './ExcelComparison';
import { FixPreviewDialog } from './FixPreviewDialog';
import type { ExcelWorkbookPort, FixPreview } from './port';
import { excelPaneStrings, type ExcelPaneStrings } from './strings';
import { useExcelPane, type ExcelPaneState } from './useExcelPane';

const useStyles = makeStyles({
  ...PAGE_RULES,
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minHeight: '1.5em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const NO_FIXES: FixPreview = { cells: 0, tables: [] };

export interface ExcelPaneProps {
  excel: ExcelWorkbookPort;
  language?: Language;
}

interface StepsProps {
  excel: ExcelWorkbookPort;
  pane: ExcelPaneState;
  strings: ExcelPaneStrings;
  onPreview: () => void;
}

/** Budgetkoll's steps in the workbook: mark, add the check sheet, fix (after a preview), undo. */
function Steps({ excel, pane, strings: s, onPreview }: StepsProps) {
  const styles = useStyles();
  // The preview opens without a DialogTrigger: this tells Fluent where the focus returns when it closes.
  const restoreFocusHere = useRestoreFocusTarget();
  const { result, summary, busy, act } = pane;
  if (!result) return null;
  const canWrite = excel.capabilities().write.ok && !summary?.readOnly;
  const fixCount = result.fixes.cells;
  return (
    <div className={styles.actions}>
      <Button onClick={() => void act(() => excel.mark())} disabled={busy || !canWrite || result.marks === 0}>{s.mark}</Button>
      <Button onClick={() => void act(() => excel.addCheckSheet())} disabled={busy || !canWrite}>{s.checkSheet}</Button>
      <Button {...restoreFocusHere} appearance="primary" onClick={onPreview} disabled={busy || !canWrite || fixCount === 0} title={fixCount === 0 ? s.nothingToFix : undefined}>
        {s.fix(fixCount)}
      </Button>
      <Button onClick={() => void act(() => excel.undo())} disabled={busy || !canWrite || (summary?.undoSteps ?? 0) === 0}>{s.undo}</Button>
    </div>
  );
}

/** What the workbook allows: no analysis in an old Excel, no writes in a read-only workbook, protected sheets left alone. */
function Capabilities({ excel, pane, strings: s }: Omit<StepsProps, 'onPreview'>) {
  const caps = excel.capabilities();
  const { summary } = pane;
  return (
    <>
      {!caps.analyze.ok && <ErrorBar title={s.analyzeFailed} text={caps.analyze.reason} />}
      {caps.analyze.ok && !caps.write.ok && (
        <NoteBar intent="warning">{caps.write.reason}</NoteBar>
      )}
      {summary?.readOnly && <NoteBar intent="warning">{s.readOnly}</NoteBar>}
      {summary && summary.protectedSheets.length > 0 && (
        <NoteBar intent="info">{s.protectedSheets(summary.protectedSheets)}</NoteBar>
      )}
    </>
  );
}

/** The pane in Excel: analyse the open workbook, see what is wrong, mark it, fix it, undo it. */
export function ExcelPane({ excel, language = 'sv' }: ExcelPaneProps) {
  const styles = useStyles();
  const s = excelPaneStrings(language);
  const pane = useExcelPane(excel, language);
  const [preview, setPreview] = useState(false);
  const { status, action, result, busy } = pane;

  return (
    <PaneLanguageProvider value={language}>
      <main className={styles.page}>
        <header className={styles.header}>
          <h1 className={styles.title}>Budgetkoll</h1>
          <Text className={styles.lead}>{s.lead}</Text>
        </header>

        <Capabilities excel={excel} pane={pane} strings={s} />

        <div>
          <Button appearance="primary" size="large" onClick={() => void pane.analyze()} disabled={busy || !excel.capabilities().analyze.ok}>
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
          {result?.notStored && <NoteBar intent="warning">{s.notStored(result.notStored)}</NoteBar>}
        </div>

        {excel.capabilities().analyze.ok && <ExcelComparison excel={excel} pane={pane} strings={s} language={language} />}

        {result && result.view.tables.length > 0 && (
          <ResultView
            name={s.workbook}
            view={result.view}
            settingsForm={pane.form}
            onApplySettings={pane.onApplySettings}
            busy={busy}
            actions={<Steps excel={excel} pane={pane} strings={s} onPreview={() => setPreview(true)} />}
            onSelectFinding={pane.onSelectFinding}
            onSelectTable={pane.onSelectTable}
          />
        )}

        <FixPreviewDialog
          open={preview}
          fixes={result?.fixes ?? NO_FIXES}
          strings={s}
          onOpenChange={setPreview}
          onConfirm={() => {
            setPreview(false);
            void pane.act(() => excel.fix());
          }}
        />
      </main>
    </PaneLanguageProvider>
  );
}
