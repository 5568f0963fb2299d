import { useId } from 'react';
import { Checkbox, mergeClasses } from '@fluentui/react-components';
import type { DocSection } from '../../core/sections/types';
import type { SectionKey } from '../../word/renderPlan';
import { STATE_TEXT, type DocumentState } from './documentState';
import { useWordPaneStyles } from './wordPaneStyles';

export interface SectionChoiceProps {
  sections: readonly DocSection[];
  selected: readonly SectionKey[];
  /** What the document holds of each section, once read. */
  state: DocumentState | null;
  disabled: boolean;
  onToggle: (key: SectionKey, on: boolean) => void;
}

/** The sections to insert: a checkbox each, with what the document holds of it. */
export function SectionChoice({ sections, selected, state, disabled, onToggle }: SectionChoiceProps) {
  const styles = useWordPaneStyles();
  const id = useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Avsnitt att infoga</legend>
      {sections.map((section) => {
        const sectionState = state?.states[section.key];
        const hintId = `${id}-${section.key}-state`;
        return (
          <div key={section.key} className={styles.option}>
            <Checkbox
              label={section.title}
              checked={selected.includes(section.key)}
              disabled={disabled}
              aria-describedby={sectionState ? hintId : undefined}
              onChange={(_e, data) => onToggle(section.key, data.checked === true)}
            />
            {sectionState && (
              <span id={hintId} className={mergeClasses(styles.optionState, (sectionState === 'changed' || sectionState === 'edited') && styles.optionStateAttention)}>
                {STATE_TEXT[sectionState]}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
