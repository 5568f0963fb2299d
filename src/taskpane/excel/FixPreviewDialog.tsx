import { Fragment, useId } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTableStyles } from '../components/tableStyles';
import type { FixPreview, FixPreviewCell, FixPreviewTable } from './port';
import type { ExcelPaneStrings } from './strings';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  // The row's name, then its cell and formula: the only column that wraps.
  name: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, verticalAlign: 'top' },
  changedName: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorPaletteDarkOrangeBorder2}` },
  what: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  formulaLine: { display: 'block', color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  cellRef: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  replaces: { display: 'block', color: tokens.colorNeutralForeground3 },
  value: { verticalAlign: 'top' },
  after: { fontWeight: tokens.fontWeightSemibold },
  difference: { display: 'block', color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

/** `=SUMMA(E15;E17;E19:E31;E33)` may break after a separator in a narrow pane, never inside a reference. */
function Formula({ text }: { text: string }) {
  // Each separator stays with the part before it (no lookbehind: older Safari, as Office on a Mac has, lacks it).
  const parts = text.split(/([;,])/).reduce<string[]>((out, piece, i) => (i % 2 === 1 ? [...out.slice(0, -1), out[out.length - 1] + piece] : [...out, piece]), []).filter(Boolean);
  return <>{parts.map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>)}</>;
}

function CellRows({ cells, strings: s, changed }: { cells: readonly FixPreviewCell[]; strings: ExcelPaneStrings; changed: boolean }) {
  const styles = useStyles();
  const t = useTableStyles();
  const number = mergeClasses(t.td, t.number, styles.value);
  return (
    <tbody>
      {cells.map((c) => (
        <tr key={c.cell} data-cell={c.cell}>
          <th scope="row" className={mergeClasses(t.td, styles.name, changed && styles.changedName)}>
            <span className={styles.what}>{c.what || c.cell}</span>
            <span className={styles.formulaLine}>
              <span className={styles.cellRef}>{c.cell}</span>{' '}
              <code className={styles.mono}><Formula text={c.formula} /></code>
            </span>
            {c.replaces && <span className={styles.replaces}>{s.previewReplaces(c.replaces)}</span>}
          </th>
          <td className={number}>{c.before}</td>
          <td className={mergeClasses(number, changed && styles.after)}>
            {c.after}
            {c.difference && <span className={styles.difference}>{c.difference}</span>}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

function CellTable({ cells, strings: s, changed, labelledBy }: { cells: readonly FixPreviewCell[]; strings: ExcelPaneStrings; changed: boolean; labelledBy: string }) {
  const t = useTableStyles();
  return (
    <table className={t.table} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col" className={t.th}>{s.previewCell}</th>
          <th scope="col" className={mergeClasses(t.th, t.number)}>{s.previewBefore}</th>
          <th scope="col" className={mergeClasses(t.th, t.number)}>{s.previewAfter}</th>
        </tr>
      </thead>
      <CellRows cells={cells} strings={s} changed={changed} />
    </table>
  );
}

/** One table's fixes: the cells whose value changes, marked; then, folded, those that only become formulas. */
function TableFixes({ table, strings: s }: { table: FixPreviewTable; strings: ExcelPaneStrings }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.group} aria-labelledby={`${id}-heading`}>
      <div>
        <h3 id={`${id}-heading`} className={styles.heading}>{table.heading}</h3>
        <Text className={styles.where}>{s.previewWhere(table.range ? `${table.sheet}!${table.range}` : table.sheet, table.unit)}</Text>
      </div>
      {table.changed.length > 0 && (
        <>
          <h4 id={`${id}-changed`} className={styles.subheading}>{s.previewChanged(table.changed.length)}</h4>
          <CellTable cells={table.changed} strings={s} changed labelledBy={`${id}-changed`} />
        </>
      )}
      {table.sameValue.length > 0 && (
        <details>
          <summary id={`${id}-same`} className={styles.summary}>{s.previewSameValue(table.sameValue.length)}</summary>
          <CellTable cells={table.sameValue} strings={s} changed={false} labelledBy={`${id}-same`} />
        </details>
      )}
    </section>
  );
}

export interface FixPreviewDialogProps {
  open: boolean;
  fixes: FixPreview;
  strings: ExcelPaneStrings;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
}

/** "Rätta summor" asks first: every cell it will change, by table, what it holds and what it will hold. */
export function FixPreviewDialog({ open, fixes, strings: s, onOpenChange, onConfirm }: FixPreviewDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{s.previewTitle}</DialogTitle>
          {/* The list scrolls in a short pane: a tab stop of its own lets the keyboard scroll it. */}
          <DialogContent className={styles.content} tabIndex={0} role="region" aria-label={s.previewCells}>
            <Text block>{s.previewLead(fixes.cells)}</Text>
            {fixes.tables.map((table) => <TableFixes key={`${table.sheet}!${table.range}`} table={table} strings={s} />)}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onOpenChange(false)}>{s.cancel}</Button>
            <Button appearance="primary" onClick={onConfirm}>{s.confirmFix(fixes.cells)}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
