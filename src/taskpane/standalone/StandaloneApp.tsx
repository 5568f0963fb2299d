import { lazy, Suspense } from 'react';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import { NoteBar } from '../components/NoteBar';
import { PAGE_RULES } from '../components/pageStyles';
import { ResultView } from '../components/ResultView';
import { usePreventFileDrop } from '../components/usePreventFileDrop';
import type { FileSource, Stage } from '../model/source';
import { saveFile } from './download';
import { DownloadAction } from './DownloadAction';
import { usePageComparison, type PageComparison as PageComparisonState } from './usePageComparison';
import { useStandalone, type Save, type StandaloneState } from './useStandalone';
import { COMPARE_STAGE_TEXT } from '../compare/compareStages';

/** The comparison with an earlier version: a chunk of its own, fetched with the first result. */
const PageComparison = lazy(() => import(/* webpackChunkName: "page-compare" */ './PageComparison').then((m) => ({ default: m.PageComparison })));

const STAGE_TEXT: Record<Stage, string> = {
  reading: 'Läser arbetsboken…',
  checking: 'Kontrollerar…',
  fixing: 'Rättar arbetsboken…',
  sections: 'Skriver avsnitten…',
  ...COMPARE_STAGE_TEXT,
};

const useStyles = makeStyles({
  ...PAGE_RULES,
  messages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  downloads: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface StandaloneAppProps {
  /** Where chosen files go to be read and checked (createFileSource() in the page, a fake in tests). */
  files: FileSource;
  /** A note above everything (Office could not load office.js). */
  notice?: string;
  /** Saves a file made here (the corrected workbook, the sections); the default downloads it from the page. */
  save?: Save;
}

/** The two files the page makes from the checked workbook, where its source can make them. */
function Downloads({ page, compared }: { page: StandaloneState; compared: PageComparisonState }) {
  const styles = useStyles();
  const { source, status, result, download, sectionsDownload } = page;
  const busy = status.kind === 'busy';
  const hasErrors = (result?.view.counts.error ?? 0) > 0;
  const changes = compared.changes.changes;
  if (!source?.corrected && !source?.sectionsDocument) return null;
  return (
    <div className={styles.downloads}>
      {source.corrected && (
        <DownloadAction
          label="Ladda ned rättad arbetsbok"
          appearance="primary"
          state={download}
          disabled={busy}
          idleText="En kopia där summorna är formler som räknar rätt; fynden markeras i cellerna och listas på bladet Budgetkoll."
          busyText={STAGE_TEXT.fixing}
          onClick={() => void page.onDownload()}
        />
      )}
      {source.sectionsDocument && (
        <DownloadAction
          label="Ladda ned planens avsnitt (.docx)"
          appearance="secondary"
          state={sectionsDownload}
          disabled={busy}
          idleText={changes
            ? `Verksamhetsplanens sex standardavsnitt och förändringarna jämfört med ${changes.compared.older} som Word-dokument, byggda på de omräknade summorna.`
            : 'Verksamhetsplanens sex standardavsnitt som Word-dokument, byggda på de omräknade summorna.'}
          busyText={STAGE_TEXT.sections}
          warning={hasErrors ? 'Budgeten har fel – avsnitten säger det, men rätta helst först.' : undefined}
          onClick={() => void page.onDownloadSections(changes ? [changes.section] : [])}
        />
      )}
    </div>
  );
}

/** The pane outside Office: choose or drop an .xlsx, see its findings, download a corrected copy. */
export function StandaloneApp({ files, notice, save = saveFile }: StandaloneAppProps) {
  const styles = useStyles();
  const page = useStandalone(files, save);
  const compared = usePageComparison(page, (stage) => STAGE_TEXT[stage]);
  usePreventFileDrop();
  const { source, status, result } = page;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Budgetkoll</h1>
        <Text className={styles.lead}>
          Kontrollerar budgettabellen i en Excel-arbetsbok: summor, följdfel, eget kapital och riktvärdet.
        </Text>
      </header>

      {notice && (
        <NoteBar intent="warning">{notice}</NoteBar>
      )}

      <FilePicker onFile={page.onFile} compact={source !== null} />

      <div className={styles.messages}>
        <div className={styles.status} role="status" aria-live="polite">
          {status.kind === 'busy' && <Spinner size="tiny" aria-hidden />}
          {status.kind === 'busy' && <Text>{STAGE_TEXT[status.stage]}</Text>}
          {status.kind === 'done' && <Text>{status.text}</Text>}
        </div>

        <div role="alert">
          {status.kind === 'error' && <ErrorBar title={status.title} text={status.text} />}
        </div>
      </div>

      {result && result.view.tables.length > 0 && source?.compare && (
        <Suspense fallback={null}>
          <PageComparison state={compared} disabled={status.kind === 'busy'} />
        </Suspense>
      )}

      {result && result.view.tables.length > 0 && (
        <ResultView
          name={result.name}
          view={result.view}
          settingsForm={result.form}
          onApplySettings={page.onApplySettings}
          busy={status.kind === 'busy'}
          actions={<Downloads page={page} compared={compared} />}
        />
      )}
    </main>
  );
}
