import type { Stage } from '../model/source';

// The comparison's words that a pane needs before the comparison's own chunk: its progress and the
// title of a failure (the page's first script stays small; compareText.ts holds the rest).

/** What the panes say while comparing. */
export const COMPARE_STAGE_TEXT: Record<Extract<Stage, 'reading-older' | 'comparing'>, string> = {
  'reading-older': 'Läser den tidigare versionen…',
  comparing: 'Jämför versionerna…',
};

/** The title over why a version could not be compared. */
export const compareFailed = (name: string) => `${name} kunde inte jämföras`;
