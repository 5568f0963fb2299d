import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChangesThreshold } from '../compare/ChangesThreshold';
import { CompareSection } from '../compare/CompareSection';
import { CHANGES_TITLE } from '../../core/sections/types';
import type { PageComparison as PageComparisonState } from './usePageComparison';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The page's comparison with an earlier version, and the threshold of the plan's section it makes. */
export function PageComparison({ state, disabled }: { state: PageComparisonState; disabled: boolean }) {
  const styles = useStyles();
  const { comparison, changes } = state;
  return (
    <CompareSection
      comparison={comparison}
      disabled={disabled}
      actions={(compared) => changes.changes && (
        <>
          <Text className={styles.note}>
            {`Avsnittet ”${CHANGES_TITLE}” kommer med när du laddar ned planens avsnitt, med ändringarna från ${changes.changes.threshold} ${compared.thresholdUnit}.`}
          </Text>
          <ChangesThreshold compared={compared} value={changes.changes.threshold} disabled={disabled} onApply={changes.apply} />
        </>
      )}
    />
  );
}
