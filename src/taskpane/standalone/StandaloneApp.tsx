import { useEffect, useRef, useState } from 'react';
import { ErrorBar } from '../components/ErrorBar';
import { PAGE_RULES } from '../components/pageStyles';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisSettings } from '../../core/analyze';
import { FilePicker } from '../components/FilePicker';
import { ResultView } from '../components/ResultView';
import { countText, sentence } from '../model/format';
import { DEFAULT_FORM, type SettingsForm } from '../model/settings';
import type { AnalysisSource, FileSource, PickedFile, Stage } from '../model/source';
import { buildViewModel, type ViewModel } from '../model/viewModel';
import { saveFile } from './download';

const STAGE_TEXT: Record<Stage, string> = {
  reading: 'Läser arbetsboken…',
  checking: 'Kontrollerar…',
  fixing: 'Rättar arbetsboken…',
  sections: 'Skriver avsnitten…',
};

const useStyles = makeStyles({
  ...PAGE_RULES,
  messages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  downloads: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  download: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  downloadNote: { flex: '1 1 16em', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  downloadWarning: { flexBasis: '100%', color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  downloadError: { flexBasis: '100%' },
});

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; stage: Stage }
  | { kind: 'done'; text: string }
  | { kind: 'error'; title: string; text: string };

type Download = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

interface Result {
  name: string;
  view: ViewModel;
  /** The settings the result was made with. */
  form: SettingsForm;
}

export interface StandaloneAppProps {
  /** Where chosen files go to be read and checked (createFileSource() in the page, a fake in tests). */
  files: FileSource;
  /** A note above everything (Office could not load office.js). */
  notice?: string;
  /** Saves a file made here (the corrected workbook, the sections); the default downloads it from the page. */
  save?: (fileName: string, bytes: Uint8Array, type?: string) => void;
}

function doneText(name: string, view: ViewModel): string {
  if (view.tables.length === 0) return `Klart: ingen budgettabell hittades i ${name}. Budgetkoll letar efter en tabell med årskolumner (till exempel 2024 eller Budget 2025) och rader med belopp.`;
  const { error, warning, info } = view.counts;
  return `Klart: ${name} – ${countText(view.tables.length, 'table')}, ${countText(error, 'error')}, ${countText(warning, 'warning')}, ${countText(info, 'info')}.`;
}

/** The pane outside Office: choose or drop an .xlsx, see its findings, download a corrected copy. */
export function StandaloneApp({ files, notice, save = saveFile }: StandaloneAppProps) {
  const styles = useStyles();
  const [source, setSource] = useState<AnalysisSource | null>(null);
  const [form, setForm] = useState<SettingsForm>(DEFAULT_FORM);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<Result | null>(null);
  const [download, setDownload] = useState<Download>({ kind: 'idle' });
  const [sectionsDownload, setSectionsDownload] = useState<Download>({ kind: 'idle' });
  const run = useRef(0);
  const current = useRef<AnalysisSource | null>(null);
  // Empty settings are the engine's defaults, which DEFAULT_FORM shows.
  const [settings, setSettings] = useState<AnalysisSettings>({});

  // A file dropped beside the zone must not make the browser leave the pane to show it.
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

  const onDownload = async () => {
    const from = source;
    if (!from?.corrected) return;
    setDownload({ kind: 'busy' });
    const outcome = await from.corrected(settings, () => undefined);
    // Another file was chosen meanwhile: its result shows no word about this one.
    if (current.current !== from) {
      if (outcome.ok) save(outcome.value.fileName, outcome.value.bytes);
      return;
    }
    if (!outcome.ok) {
      setDownload({ kind: 'error', text: `Den rättade arbetsboken kunde inte skapas: ${sentence(outcome.reason)}` });
      return;
    }
    save(outcome.value.fileName, outcome.value.bytes);
    const { fileName, fillOnlyNote } = outcome.value;
    setDownload({ kind: 'done', text: `${fileName} är sparad i webbläsarens hämtade filer. Originalet är oförändrat.${fillOnlyNote ? ` ${fillOnlyNote}` : ''}` });
  };

  const onDownloadSections = async () => {
    const from = source;
    if (!from?.sectionsDocument) return;
    setSectionsDownload({ kind: 'busy' });
    const outcome = await from.sectionsDocument(settings, () => undefined);
    if (current.current !== from) {
      if (outcome.ok) save(outcome.value.fileName, outcome.value.bytes, outcome.value.type);
      return;
    }
    if (!outcome.ok) {
      setSectionsDownload({ kind: 'error', text: `Avsnitten kunde inte skapas: ${sentence(outcome.reason)}` });
      return;
    }
    save(outcome.value.fileName, outcome.value.bytes, outcome.value.type);
    setSectionsDownload({ kind: 'done', text: `${outcome.value.fileName} är sparad i webbläsarens hämtade filer.` });
  };

  const busy = status.kind === 'busy';
  const hasErrors = (result?.view.counts.error ?? 0) > 0;
  const correctedAction = source?.corrected && (
    <div className={styles.download}>
      <Button appearance="primary" onClick={() => void onDownload()} disabled={busy || download.kind === 'busy'}>
        Ladda ned rättad arbetsbok
      </Button>
      <span className={styles.downloadNote} role="status" aria-live="polite">
        {download.kind === 'busy' && STAGE_TEXT.fixing}
        {download.kind === 'done' && download.text}
        {download.kind === 'idle' && 'En kopia där summorna är formler som räknar rätt; fynden markeras i cellerna och listas på bladet Budgetkoll.'}
      </span>
      {download.kind === 'error' && (
        <MessageBar className={styles.downloadError} intent="error" role="alert">
          <MessageBarBody>{download.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
  const sectionsAction = source?.sectionsDocument && (
    <div className={styles.download}>
      <Button appearance="secondary" onClick={() => void onDownloadSections()} disabled={busy || sectionsDownload.kind === 'busy'}>
        Ladda ned planens avsnitt (.docx)
      </Button>
      <span className={styles.downloadNote} role="status" aria-live="polite">
        {sectionsDownload.kind === 'busy' && STAGE_TEXT.sections}
        {sectionsDownload.kind === 'done' && sectionsDownload.text}
        {sectionsDownload.kind === 'idle' && 'Verksamhetsplanens sex standardavsnitt som Word-dokument, byggda på de omräknade summorna.'}
      </span>
      {hasErrors && <span className={styles.downloadWarning}>Budgeten har fel – avsnitten säger det, men rätta helst först.</span>}
      {sectionsDownload.kind === 'error' && (
        <MessageBar className={styles.downloadError} intent="error" role="alert">
          <MessageBarBody>{sectionsDownload.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
  const actions = correctedAction || sectionsAction ? (
    <div className={styles.downloads}>
      {correctedAction}
      {sectionsAction}
    </div>
  ) : undefined;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Budgetkoll</h1>
        <Text className={styles.lead}>
          Kontrollerar budgettabellen i en Excel-arbetsbok: summor, följdfel, eget kapital och riktvärdet.
        </Text>
      </header>

      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <FilePicker onFile={onFile} compact={source !== null} />

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

      {result && result.view.tables.length > 0 && (
        <ResultView
          name={result.name}
          view={result.view}
          settingsForm={result.form}
          onApplySettings={onApplySettings}
          busy={busy}
          actions={actions}
        />
      )}
    </main>
  );
}
