import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../../core/messages';
import { CompareSection } from '../compare/CompareSection';
import { compareText } from '../compare/compareText';
import { useComparison } from '../compare/useComparison';
import type { Compared } from '../model/source';
import type { ExcelWorkbookPort } from './port';
import type { ExcelPaneStrings } from './strings';
import type { ExcelPaneState } from './useExcelPane';

const useStyles = makeStyles({
  sheet: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  note: { flex: '1 1 14em', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface ExcelComparisonProps {
  excel: ExcelWorkbookPort;
  pane: ExcelPaneState;
  strings: ExcelPaneStrings;
  language: Language;
}

/**
 * "Jämför med en tidigare version" in Excel: the open workbook against a chosen .xlsx, each changed
 * cell selectable in Excel, and the comparison written as a sheet of its own (undone by Ångra).
 */
export function ExcelComparison({ excel, pane, strings: s, language }: ExcelComparisonProps) {
  const styles = useStyles();
  const text = compareText(language);
  const comparison = useComparison<Compared>(
    (older, progress) => excel.compare(older, pane.settings, language, (stage, fraction) => {
      if (stage === 'reading') progress(fraction !== undefined && fraction < 1 ? s.progress(Math.round(fraction * 100)) : s.reading, fraction);
      else progress(stage === 'comparing' ? text.comparing : text.readingOlder);
    }),
    text.failed,
  );
  const canWrite = excel.capabilities().write.ok && !pane.summary?.readOnly;
  return (
    <CompareSection
      comparison={comparison}
      disabled={pane.busy}
      onSelectCell={pane.select}
      actions={() => (
        <div className={styles.sheet}>
          <Button onClick={() => void pane.act(() => excel.addComparisonSheet())} disabled={pane.busy || !canWrite}>{text.writeSheet}</Button>
          <Text className={styles.note}>{text.writeSheetNote}</Text>
          {/* Before an analysis the pane's steps (and their Ångra) are not shown: the sheet's Ångra is here. */}
          {!pane.result && (pane.summary?.undoSteps ?? 0) > 0 && (
            <Button onClick={() => void pane.act(() => excel.undo())} disabled={pane.busy || !canWrite}>{s.undo}</Button>
          )}
        </div>
      )}
    />
  );
}
