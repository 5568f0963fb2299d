import { useEffect, useRef } from 'react';
import { compareFailed } from '../compare/compareStages';
import { useChangesSection } from '../compare/useChangesSection';
import { useComparison } from '../compare/useComparison';
import type { ComparedVersions, Stage } from '../model/source';
import type { StandaloneState } from './useStandalone';

// The page's comparison of the checked workbook with an earlier version: made with the settings of
// the check, made again when they change, gone when another workbook is chosen; and the plan's
// section of the changes that the sections' download then includes.

export function usePageComparison(page: StandaloneState, stageText: (stage: Stage) => string) {
  const { source, settings } = page;
  const comparison = useComparison<ComparedVersions>(
    source?.compare ? (older, progress) => source.compare!(older, settings, (stage) => progress(stageText(stage))) : null,
    compareFailed,
  );
  const changes = useChangesSection();
  const compared = comparison.compared;

  // Another workbook: the comparison was of the one before.
  const shownSource = useRef(source);
  useEffect(() => {
    if (shownSource.current !== source) comparison.close();
    shownSource.current = source;
  }, [source]);

  // Other settings: the same earlier version compared again with them.
  const shownSettings = useRef(settings);
  useEffect(() => {
    if (shownSettings.current !== settings) void comparison.again();
    shownSettings.current = settings;
  }, [settings]);

  useEffect(() => changes.fromComparison(compared), [compared]);

  return { comparison, changes };
}

export type PageComparison = ReturnType<typeof usePageComparison>;
