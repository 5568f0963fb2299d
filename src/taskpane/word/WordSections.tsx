import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, mergeClasses, tokens } from '@fluentui/react-components';
import type { Support } from '../../word/wordSupport';
import { NoteBar } from '../components/NoteBar';
import { titles } from './documentState';
import { InsertConfirmation } from './InsertConfirmation';
import { SectionChoice } from './SectionChoice';
import { SectionPreview } from './SectionPreview';
import { WordChanges } from './WordChanges';
import type { WordPaneState } from './useWordPane';
import { count, errorCount, formatMadeAt } from './wordPaneText';
import { useWordPaneStyles } from './wordPaneStyles';

/** What the note beside "Infoga i dokumentet" says: the insert under way, its question or result, or what it will do. */
function insertStatus({ insert, selected }: WordPaneState, support: Support): string {
  if (insert.kind === 'reading') return 'Läser dokumentets avsnitt…';
  if (insert.kind === 'writing') return 'Infogar avsnitten…';
  if (insert.kind === 'done') return insert.text;
  if (insert.kind === 'confirm-errors') return 'Bekräfta: budgeten har fel.';
  if (insert.kind === 'confirm-edited') return `Bekräfta: ${insert.edited.length === 1 ? 'ett avsnitt är ändrat' : `${insert.edited.length} avsnitt är ändrade`} för hand.`;
  if (!support.ok) return 'Avsnitten kan inte infogas i den här versionen av Word.';
  if (selected.length === 0) return 'Kryssa i minst ett avsnitt.';
  return `${count(selected.length, 'avsnitt', 'avsnitt')} infogas vid markören, eller uppdateras där de redan står.`;
}

export interface WordSectionsProps {
  pane: WordPaneState;
  support: Support;
}

/** The chosen workbook's sections: where they come from, which to insert, the questions before writing, the preview. */
export function WordSections({ pane, support }: WordSectionsProps) {
  const styles = useWordPaneStyles();
  const { ready, sections, selected, insert, doc } = pane;
  if (!ready || sections.length === 0) return null;
  const { plan, name } = ready;
  const writing = insert.kind === 'reading' || insert.kind === 'writing';
  const state = doc.kind === 'read' ? doc.state : null;
  const selectedSections = sections.filter((s) => selected.includes(s.key));
  const canInsert = support.ok && selected.length > 0 && !writing;
  return (
    <section className={mergeClasses(styles.result, writing && styles.stale)} aria-label={`Avsnitt ur ${name}`} aria-busy={writing}>
      <h2 className={styles.name}>{name}</h2>

      {plan.snapshot && (
        <Text>
          {plan.snapshot.outdated
            ? `Arbetsboken har ändrats sedan kontrollen i Excel ${formatMadeAt(plan.snapshot.madeAt)}: avsnitten bygger på siffrorna i filen, med inställningarna från Excel.`
            : `Avsnitten bygger på kontrollen som gjordes i Excel ${formatMadeAt(plan.snapshot.madeAt)}.`}
        </Text>
      )}

      {plan.errors > 0 && (
        <NoteBar intent="warning">
          {`Budgeten har ${errorCount(plan.errors)}. Avsnitten säger det och bygger på omräknade summor, men rätta helst arbetsboken först.`}
        </NoteBar>
      )}

      {state && state.changed.length > 0 && (
        <NoteBar intent="info" layout="multiline">
          <div>{`Ändrade sedan de infogades: ${titles(sections, state.changed).join(', ')}.`}</div>
          <div className={styles.messageActions}>
            <Button size="small" disabled={!support.ok || writing} onClick={() => pane.startInsert(state.changed)}>
              Uppdatera de ändrade avsnitten
            </Button>
          </div>
        </NoteBar>
      )}

      <SectionChoice sections={sections} selected={selected} state={state} disabled={writing} onToggle={pane.toggle} />

      <WordChanges key={pane.runId} pane={pane} disabled={writing} />

      <div className={styles.insert}>
        <Button appearance="primary" disabled={!canInsert} onClick={() => pane.startInsert(selected)}>
          Infoga i dokumentet
        </Button>
        <span className={styles.insertNote} role="status" aria-live="polite">
          {writing && <Spinner size="extra-tiny" aria-hidden style={{ display: 'inline-flex', marginRight: tokens.spacingHorizontalXS }} />}
          {insertStatus(pane, support)}
        </span>
      </div>

      <InsertConfirmation
        insert={insert}
        sections={sections}
        errors={plan.errors}
        onInsertAnyway={(keys) => void pane.checkEdited(keys)}
        onWrite={(keys, overwrite) => void pane.write(keys, overwrite)}
        onCancel={pane.cancel}
      />

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
  );
}
