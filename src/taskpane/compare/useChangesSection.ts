import { useState } from 'react';
import type { DocSection } from '../../core/sections/types';
import type { ComparedVersions } from '../model/source';

// The plan's section on the changes, as a pane holds it: built from a comparison at its default
// threshold when the comparison comes, rebuilt when the user applies another threshold.

export interface ChangesSection {
  /** The comparison it was built from. */
  compared: ComparedVersions;
  /** The threshold as the user wrote it (or the default). */
  threshold: string;
  section: DocSection;
}

export function useChangesSection() {
  const [changes, setChanges] = useState<ChangesSection | null>(null);

  /** A new comparison: its section at the threshold in use, or at the default where that is not a threshold in this comparison's unit. */
  const fromComparison = (compared: ComparedVersions | null) => {
    if (!compared) {
      setChanges(null);
      return;
    }
    const kept = changes && changes.compared.thresholdUnit === compared.thresholdUnit ? changes.threshold : compared.defaultThreshold;
    const built = compared.changesSection(kept);
    const threshold = built.ok ? kept : compared.defaultThreshold;
    const section = built.ok ? built : compared.changesSection(threshold);
    setChanges(section.ok ? { compared, threshold, section: section.value } : null);
  };

  const apply = (threshold: string, section: DocSection) => setChanges((current) => (current ? { ...current, threshold, section } : current));

  return { changes, fromComparison, apply };
}
