import { useEffect, useId, useRef } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { DocSection } from '../../core/sections/types';
import type { SectionKey } from '../../word/renderPlan';
import { titles } from './documentState';
import type { Insert } from './useWordPane';
import { errorCount } from './wordPaneText';
import { useWordPaneStyles } from './wordPaneStyles';

export interface InsertConfirmationProps {
  insert: Insert;
  sections: readonly DocSection[];
  /** Error findings in the budget the sections speak of. */
  errors: number;
  /** Insert despite the errors: on to the document's hand-edited sections. */
  onInsertAnyway: (keys: SectionKey[]) => void;
  onWrite: (keys: SectionKey[], overwrite: SectionKey[]) => void;
  onCancel: () => void;
}

/**
 * The pane's two questions before it writes: a budget with errors, and sections edited by hand.
 * A question takes the focus, so that it is read out and answered from the keyboard. The message
 * bar is the question's group, named by its title (its own id: the group is focused by it).
 */
export function InsertConfirmation({ insert, sections, errors, onInsertAnyway, onWrite, onCancel }: InsertConfirmationProps) {
  const styles = useWordPaneStyles();
  const id = useId();
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (insert.kind === 'confirm-errors' || insert.kind === 'confirm-edited') confirmRef.current?.focus();
  }, [insert.kind]);

  if (insert.kind === 'confirm-errors') {
    return (
      <MessageBar ref={confirmRef} tabIndex={-1} aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-text`} intent="warning" layout="multiline">
        <MessageBarBody className={styles.confirm}>
          <MessageBarTitle id={`${id}-confirm-title`}>{`Budgeten har ${errorCount(errors)}`}</MessageBarTitle>
          <span id={`${id}-confirm-text`}>
            Avsnitten säger det och bygger på omräknade summor, men rätta helst arbetsboken först. Vill du infoga avsnitten ändå?
          </span>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => onInsertAnyway(insert.keys)}>Infoga ändå</Button>
            <Button onClick={onCancel}>Avbryt</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (insert.kind !== 'confirm-edited') return null;
  const one = insert.edited.length === 1;
  return (
    <MessageBar ref={confirmRef} tabIndex={-1} aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-text`} intent="warning" layout="multiline">
      <MessageBarBody className={styles.confirm}>
        <MessageBarTitle id={`${id}-confirm-title`}>
          {one ? 'Ett avsnitt är ändrat för hand' : `${insert.edited.length} avsnitt är ändrade för hand`}
        </MessageBarTitle>
        <span id={`${id}-confirm-text`}>
          {one
            ? 'Avsnittet har ändrats i dokumentet sedan Budgetkoll infogade det. Ska Budgetkoll skriva över ändringarna?'
            : 'Avsnitten har ändrats i dokumentet sedan Budgetkoll infogade dem. Ska Budgetkoll skriva över ändringarna?'}
        </span>
        <ul className={styles.confirmList}>
          {titles(sections, insert.edited).map((title) => <li key={title}>{title}</li>)}
        </ul>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => onWrite(insert.keys, insert.edited)}>Skriv över mina ändringar</Button>
          <Button onClick={() => onWrite(insert.keys, [])}>Behåll mina ändringar</Button>
          <Button onClick={onCancel}>Avbryt</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
