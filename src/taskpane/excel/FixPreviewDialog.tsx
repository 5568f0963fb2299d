import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTableStyles } from '../components/tableStyles';
import type { FixPreview } from './port';
import type { ExcelPaneStrings } from './strings';

const useStyles = makeStyles({
  previewList: { maxHeight: '50vh', overflowY: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export interface FixPreviewDialogProps {
  open: boolean;
  fixes: readonly FixPreview[];
  strings: ExcelPaneStrings;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
}

/** "Rätta summor" asks first: every cell it will change, what it holds and what it will hold. */
export function FixPreviewDialog({ open, fixes, strings: s, onOpenChange, onConfirm }: FixPreviewDialogProps) {
  const styles = useStyles();
  const t = useTableStyles();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{s.previewTitle}</DialogTitle>
          <DialogContent>
            <Text block>{s.previewLead(fixes.length)}</Text>
            <div className={styles.previewList}>
              <table className={t.table} aria-label={s.previewTitle}>
                <thead>
                  <tr>
                    <th scope="col" className={t.th}>{s.previewCell}</th>
                    <th scope="col" className={t.th}>{s.previewBefore}</th>
                    <th scope="col" className={t.th}>{s.previewAfter}</th>
                  </tr>
                </thead>
                <tbody>
                  {fixes.map((f) => (
                    <tr key={f.cell}>
                      <td className={t.td}>{f.cell}</td>
                      <td className={`${t.td} ${styles.mono}`}>{f.before}</td>
                      <td className={`${t.td} ${styles.mono}`}>{f.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onOpenChange(false)}>{s.cancel}</Button>
            <Button appearance="primary" onClick={onConfirm}>{s.confirmFix(fixes.length)}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
