import { useMemo } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import { NoteBar } from '../components/NoteBar';
import { usePreventFileDrop } from '../components/usePreventFileDrop';
import type { FileSource } from '../model/source';
import type { WordDocumentPort } from './port';
import { useWordPane, type WordPaneState } from './useWordPane';
import { WordSections } from './WordSections';
import { count, errorCount, STAGE_TEXT } from './wordPaneText';
import { useWordPaneStyles } from './wordPaneStyles';

export interface WordPaneProps {
  /** Where the chosen workbook is read, checked and turned into sections (createFileSource() in Word, a fake in tests). */
  files: FileSource;
  /** The open document. */
  word: WordDocumentPort;
  /** A note above everything. */
  notice?: string;
}

/** The progress of reading the chosen workbook, and what came of it. */
function LoadStatus({ pane }: { pane: WordPaneState }) {
  const styles = useWordPaneStyles();
  const { load, ready, doc, insert } = pane;
  return (
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
  );
}

/**
 * The pane in Word: choose the budget workbook (Word cannot read the one open in Excel),
 * tick the sections, see them, and insert or update them in the document.
 */
export function WordPane({ files, word, notice }: WordPaneProps) {
  const styles = useWordPaneStyles();
  const support = useMemo(() => word.support(), [word]);
  const pane = useWordPane(files, word, support);
  usePreventFileDrop();
  const { load, doc, insert } = pane;
  const writing = insert.kind === 'reading' || insert.kind === 'writing';

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
        <NoteBar intent="warning">{notice}</NoteBar>
      )}

      {!support.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Avsnitten kan inte infogas</MessageBarTitle>
            {support.reason}
          </MessageBarBody>
        </MessageBar>
      )}

      <FilePicker onFile={(file) => void pane.onFile(file)} compact={load.kind !== 'idle'} disabled={writing} where="i Word" />

      <LoadStatus pane={pane} />

      <div role="alert">
        {load.kind === 'error' && <ErrorBar title={load.title} text={load.text} />}
        {doc.kind === 'error' && <ErrorBar title="Dokumentets avsnitt kunde inte läsas" text={doc.text} />}
      </div>

      <WordSections pane={pane} support={support} />
    </main>
  );
}
