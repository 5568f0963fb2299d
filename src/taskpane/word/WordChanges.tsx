import { useEffect, useId, useRef } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CHANGES_TITLE, type DocSection } from '../../core/sections/types';
import { ChangesThreshold } from '../compare/ChangesThreshold';
import { useChangesSection } from '../compare/useChangesSection';
import { compareFailed } from '../compare/compareStages';
import { useComparison } from '../compare/useComparison';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import type { ComparedVersions } from '../model/source';
import type { WordPaneState } from './useWordPane';
import { STAGE_TEXT } from './wordPaneText';

// The plan's optional section "Förändringar jämfört med föregående förslag" in Word: the user
// chooses the previous proposal's workbook, Budgetkoll compares the chosen workbook with it, and
// the section (changes at or above the threshold the user sets) joins the sections to insert.

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  lead: { color: tokens.colorNeutralForeground2 },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '1.5em' },
  done: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
});

const LABELS = {
  choose: 'Välj föregående förslag…',
  chooseAgain: 'Välj ett annat föregående förslag…',
  hint: 'eller släpp det föregående förslagets arbetsbok (.xlsx) här.',
  input: 'Välj föregående förslags arbetsbok (.xlsx)',
};

const changedLines = (c: ComparedVersions) => c.view.tables.reduce((n, t) => n + t.changed.length + t.added.length + t.removed.length, 0);

export function WordChanges({ pane, disabled }: { pane: WordPaneState; disabled: boolean }) {
  const styles = useStyles();
  const id = useId();
  const comparison = useComparison<ComparedVersions>(
    pane.compare ? (older, progress) => pane.compare!(older, (stage) => progress(STAGE_TEXT[stage])) : null,
    compareFailed,
  );
  const changes = useChangesSection();
  const { state, compared } = comparison;
  const section = changes.changes?.section ?? null;

  useEffect(() => changes.fromComparison(compared), [compared]);
  // The pane's sections follow the section: when it comes, at another threshold, when it goes.
  const given = useRef<DocSection | null>(null);
  useEffect(() => {
    if (given.current === section) return;
    given.current = section;
    pane.onChangesSection(section);
  }, [section]);

  if (!pane.compare) return null;
  return (
    <section className={styles.root} aria-labelledby={`${id}-heading`} aria-busy={state.kind === 'busy'}>
      <h3 id={`${id}-heading`} className={styles.heading}>{`${CHANGES_TITLE} (valfritt)`}</h3>
      {state.kind === 'idle' && (
        <Text className={styles.lead}>
          Välj arbetsboken med det föregående förslaget, till exempel den preliminära budgeten. Budgetkoll jämför och skriver ett avsnitt om ändringarna från den gräns du anger.
        </Text>
      )}
      <FilePicker onFile={(file) => void comparison.choose(file)} disabled={disabled || state.kind === 'busy'} compact={state.kind !== 'idle'} labels={LABELS} />
      <div className={styles.status} role="status" aria-live="polite">
        {state.kind === 'busy' && <Spinner size="tiny" aria-hidden />}
        {state.kind === 'busy' && <Text>{state.text || STAGE_TEXT['reading-older']}</Text>}
        {state.kind === 'done' && changes.changes && (
          <Text>{`Jämfört med ${state.compared.older}: ${changedLines(state.compared)} rader med ändrade belopp. Avsnittet finns bland avsnitten att infoga, med ändringar från ${changes.changes.threshold} ${state.compared.thresholdUnit}.`}</Text>
        )}
      </div>
      <div role="alert">{state.kind === 'error' && <ErrorBar title={state.title} text={state.text} />}</div>
      {state.kind === 'done' && changes.changes && (
        <div className={styles.done}>
          <ChangesThreshold compared={state.compared} value={changes.changes.threshold} disabled={disabled} onApply={changes.apply} />
          <Button onClick={comparison.close} disabled={disabled}>Ta bort avsnittet</Button>
        </div>
      )}
    </section>
  );
}
