import { useRef, useState } from 'react';
import type { Result } from '../../core/result';
import { sentence } from '../model/format';
import type { Compared, PickedFile } from '../model/source';

// The comparison with an earlier version, as the page and the Excel pane hold it: the file chosen,
// the progress of reading and comparing, and the result or why there is none. A later choice (or
// closing the comparison) overtakes an earlier one's result.

/** What the pane says while it works: the text, and how far it is (0…1) where it knows. */
export type Progress = (text: string, fraction?: number) => void;

/** Compares the workbook with the earlier version chosen. Never throws: a failure is a Swedish reason. */
export type CompareWith<C extends Compared> = (older: PickedFile, progress: Progress) => Promise<Result<C>>;

export type ComparisonState<C extends Compared> =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string; text: string; fraction: number | null }
  | { kind: 'error'; title: string; text: string }
  | { kind: 'done'; compared: C };

export function useComparison<C extends Compared>(compare: CompareWith<C> | null, failedTitle: (name: string) => string) {
  const [state, setState] = useState<ComparisonState<C>>({ kind: 'idle' });
  const run = useRef(0);
  const last = useRef<PickedFile | null>(null);

  async function choose(older: PickedFile) {
    if (!compare) return;
    const id = ++run.current;
    last.current = older;
    setState({ kind: 'busy', name: older.name, text: '', fraction: null });
    const outcome = await compare(older, (text, fraction) => {
      if (id === run.current) setState({ kind: 'busy', name: older.name, text, fraction: fraction ?? null });
    });
    if (id !== run.current) return;
    setState(outcome.ok ? { kind: 'done', compared: outcome.value } : { kind: 'error', title: failedTitle(older.name), text: sentence(outcome.reason) });
  }

  /** The same earlier version again (the workbook or the settings changed); nothing when none was chosen. */
  const again = () => (last.current && state.kind !== 'idle' ? choose(last.current) : Promise.resolve());

  const close = () => {
    run.current++;
    last.current = null;
    setState({ kind: 'idle' });
  };

  return { state, choose, again, close, compared: state.kind === 'done' ? state.compared : null };
}

export type Comparison<C extends Compared> = ReturnType<typeof useComparison<C>>;
