import { lazy, Suspense, useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import { usePaneLanguage } from '../model/language';
import type { Compared } from '../model/source';
import { compareText } from './compareText';
import type { Comparison } from './useComparison';

// "Jämför med en tidigare version": choose (or drop) the earlier .xlsx, see the progress, then the
// comparison — its view loaded only then, in a chunk of its own. The page and the Excel pane show
// it the same way; the Excel pane adds its cell selection and its sheet.

const ComparisonView = lazy(() => import(/* webpackChunkName: "compare-view" */ './ComparisonView').then((m) => ({ default: m.ComparisonView })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  lead: { color: tokens.colorNeutralForeground2 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  busyLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  resultHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  resultTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CompareSectionProps<C extends Compared> {
  comparison: Comparison<C>;
  disabled?: boolean;
  /** Selects a changed cell in the open workbook (the Excel pane). */
  onSelectCell?: (sheet: string, cell: string) => void;
  /** What the host does with a comparison (the Excel pane: write it as a sheet; the page: the plan's section). */
  actions?: (compared: C) => ReactNode;
}

export function CompareSection<C extends Compared>({ comparison, disabled = false, onSelectCell, actions }: CompareSectionProps<C>) {
  const styles = useStyles();
  const id = useId();
  const text = compareText(usePaneLanguage());
  const { state } = comparison;
  const busy = state.kind === 'busy';
  const resultRef = useRef<HTMLHeadingElement>(null);
  // The result takes the focus when it comes, so that it is read out and the keyboard is there.
  useEffect(() => {
    if (state.kind === 'done') resultRef.current?.focus();
  }, [state]);
  const labels = { choose: text.choose, chooseAgain: text.chooseAnother, hint: text.dropHint, input: text.inputLabel };
  const tables = state.kind === 'done' ? state.compared.view.tables.length : 0;
  const changedLines = state.kind === 'done' ? state.compared.view.tables.reduce((n, t) => n + t.changed.length + t.added.length + t.removed.length, 0) : 0;

  return (
    <section className={styles.root} aria-labelledby={`${id}-heading`} aria-busy={busy}>
      <h2 id={`${id}-heading`} className={styles.heading}>{text.heading}</h2>
      {state.kind === 'idle' && <Text className={styles.lead}>{text.lead}</Text>}
      <FilePicker onFile={(file) => void comparison.choose(file)} disabled={disabled || busy} compact={state.kind !== 'idle'} labels={labels} />

      <div className={styles.status} role="status" aria-live="polite">
        {state.kind === 'busy' && (
          <>
            {state.fraction !== null ? <ProgressBar value={state.fraction} aria-label={state.text} /> : null}
            <span className={styles.busyLine}>
              <Spinner size="tiny" aria-hidden />
              <Text>{state.text || text.readingOlder}</Text>
            </span>
          </>
        )}
        {state.kind === 'done' && <Text>{text.done(state.compared.older, tables, changedLines)}</Text>}
      </div>
      <div role="alert">
        {state.kind === 'error' && <ErrorBar title={state.title} text={state.text} />}
      </div>

      {state.kind === 'done' && (
        <>
          <div className={styles.resultHead}>
            <h3 ref={resultRef} tabIndex={-1} className={styles.resultTitle}>{text.result(state.compared.older)}</h3>
            <Button size="small" onClick={comparison.close}>{text.close}</Button>
          </div>
          {actions && <div className={styles.actions}>{actions(state.compared)}</div>}
          <Suspense fallback={<Spinner size="tiny" label={text.comparing} />}>
            <ComparisonView view={state.compared.view} onSelectCell={onSelectCell} headingLevel={4} />
          </Suspense>
        </>
      )}
    </section>
  );
}
