import { useId, type ReactNode } from 'react';
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { bySharedYear, isStale, sharedYears, type YearColumn } from '../../core/compare/diffLayout';
import type { ChangeReport, TableDiffReport, TotalReport } from '../../core/compare/diffReport';
import type { DiffTableView, DiffView } from '../../core/compare/diffView';
import { formerLabel } from '../../core/compare/labelKey';
import type { FindingReport } from '../../core/report';
import { useTableStyles } from '../components/tableStyles';
import { formatDecimal, keepAmountsTogether } from '../model/format';
import { usePaneLanguage } from '../model/language';
import { compareText, type CompareText } from './compareText';

// Two versions of a budget side by side, as the command's `diff` tells it: per table the changed
// lines with each year's old → new amount and the difference, the added and removed lines, the
// totals whose recomputed value changed, equity at each year's end and the findings fixed, new and
// remaining. Wide tables scroll inside their own box; in Excel each changed cell is a button that
// selects it.

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  table: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  scroll: {
    overflowX: 'auto',
    minWidth: 0,
    maxWidth: '100%',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // The changes' own table: as wide as its years need, the labels kept in view while it scrolls.
  grid: { width: 'auto', maxWidth: 'none' },
  rowHeader: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '7em',
    maxWidth: '10em',
    // A long label breaks between words, and inside one only where it cannot fit (arbetsmarknadssamordning).
    overflowWrap: 'break-word',
  },
  former: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  change: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', whiteSpace: 'nowrap' },
  difference: { color: tokens.colorNeutralForeground2 },
  stated: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase100 },
  select: {
    display: 'block',
    width: '100%',
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'transparent',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selectLabel: { textAlign: 'left', overflowWrap: 'break-word' },
  findingList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  finding: { display: 'grid', gridTemplateColumns: 'minmax(4.5em, max-content) 1fr', columnGap: tokens.spacingHorizontalS },
  findingPlace: { display: 'flex', flexDirection: 'column', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  findingCell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

export interface ComparisonViewProps {
  view: DiffView;
  /** Selects a changed cell of the new version (the Excel pane: the open workbook). */
  onSelectCell?: (sheet: string, cell: string) => void;
  /** The HTML level of each table's heading (its parts' are one more). */
  headingLevel?: 2 | 3 | 4;
}

const amount = (text: string) => formatDecimal(text);
const signed = (text: string) => (text.startsWith('-') || text === '0' ? amount(text) : `+${amount(text)}`);

/** `1 600 → 2 000`, and the difference; a line of one version only: its amount. */
function changeParts(c: ChangeReport): { amounts: string; difference: string | null } {
  if (c.old === null) return { amounts: amount(c.new!), difference: null };
  if (c.new === null) return { amounts: amount(c.old), difference: null };
  return { amounts: `${amount(c.old)} → ${amount(c.new)}`, difference: signed(c.difference) };
}

export function ComparisonView({ view, onSelectCell, headingLevel = 3 }: ComparisonViewProps) {
  const styles = useStyles();
  const text = compareText(usePaneLanguage());
  if (view.tables.length === 0) return <Text>{text.noTables}</Text>;
  return (
    <div className={styles.root}>
      {view.tables.map((t, i) => <TableChanges key={i} view={t} text={text} onSelectCell={onSelectCell} headingLevel={headingLevel} />)}
    </div>
  );
}

interface TableChangesProps {
  view: DiffTableView;
  text: CompareText;
  onSelectCell?: (sheet: string, cell: string) => void;
  headingLevel: 2 | 3 | 4;
}

function tableHeading(t: TableDiffReport): { title: string; place: string } {
  const shown = (t.new ?? t.old)!;
  const place = t.old && t.new
    ? (t.old.sheet === t.new.sheet ? `${t.new.sheet}, ${t.old.range} → ${t.new.range}` : `${t.old.sheet}!${t.old.range} → ${t.new.sheet}!${t.new.range}`)
    : `${shown.sheet}!${shown.range}`;
  return { title: shown.title ?? shown.sheet, place };
}

/** One compared table: its place and years, then each kind of change. */
function TableChanges({ view, text, onSelectCell, headingLevel }: TableChangesProps) {
  const styles = useStyles();
  const id = useId();
  const t = view.table;
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const level = (headingLevel + 1) as 3 | 4 | 5;
  const { title, place } = tableHeading(t);
  const columns = sharedYears(t);
  const years = t.columns.map((c) => (c.old === null || c.new === null || c.old === c.new ? (c.new ?? c.old) : `${c.old} → ${c.new}`)).join(', ');
  const select = onSelectCell && t.new ? (cell: string) => onSelectCell(t.new!.sheet, cell) : undefined;
  const grid = (what: string, rows: GridRow[]) => (
    <ChangesGrid caption={text.scrollRegion(what, title)} columns={columns} rows={rows} text={text} onSelect={select} />
  );
  const lineRows = (lines: typeof view.changed) => lines.map((l) => ({ label: l.label, former: formerLabel(l), changes: l.changes }));
  const anyChange = view.changed.length + view.added.length + view.removed.length + view.totals.length > 0;
  return (
    <section className={styles.table} aria-labelledby={`${id}-heading`}>
      <H id={`${id}-heading`} className={styles.heading}>{title}</H>
      <Text className={styles.meta}>{`${place} · ${text.unit(t.unit)} · ${text.years}: ${years}`}</Text>
      {(!t.old || !t.new) && <Text>{text.onlyIn(t.old ? 'old' : 'new')}</Text>}
      {t.old && t.new && <Text>{text.counts({ ...t.counts, totals: view.totals.length })}</Text>}
      {t.old && t.new && !anyChange && <Text>{text.noChanges(t.lines.length)}</Text>}
      <Block level={level} when={view.changed.length > 0} title={text.changed(view.changed.length)}>{grid(text.changed(view.changed.length), lineRows(view.changed))}</Block>
      <Block level={level} when={view.added.length > 0} title={text.added(view.added.length)}>{grid(text.added(view.added.length), lineRows(view.added))}</Block>
      <Block level={level} when={view.removed.length > 0} title={text.removed(view.removed.length)}>{grid(text.removed(view.removed.length), lineRows(view.removed))}</Block>
      <Block level={level} when={view.totals.length > 0} title={text.totals(view.totals.length)}>
        <Text className={styles.meta}>{text.totalsNote}</Text>
        {grid(text.totals(view.totals.length), view.totals.map((group) => ({ label: group[0].label, former: formerLabel(group[0]), changes: group, total: true })))}
      </Block>
      <Block level={level} when={t.equity.length > 0 && !!t.old && !!t.new} title={text.equity}><EquityChanges table={t} caption={text.scrollRegion(text.equity, title)} text={text} /></Block>
      <Findings table={t} text={text} level={level} />
    </section>
  );
}

function Block({ level, when, title, children }: { level: 3 | 4 | 5; when: boolean; title: string; children: ReactNode }) {
  const styles = useStyles();
  if (!when) return null;
  const H = `h${level}` as 'h3' | 'h4' | 'h5';
  return (
    <>
      <H className={styles.subheading}>{title}</H>
      {children}
    </>
  );
}

interface GridRow {
  label: string;
  former: string | null;
  changes: ChangeReport[];
  /** A total: what the table states beside its recomputed value, where that differs. */
  total?: boolean;
}

interface ChangesGridProps {
  caption: string;
  columns: YearColumn[];
  rows: GridRow[];
  text: CompareText;
  onSelect?: (cell: string) => void;
}

/** Rows of changes under the years, in a box of their own that scrolls sideways when the pane is narrow. */
function ChangesGrid({ caption, columns, rows, text, onSelect }: ChangesGridProps) {
  const styles = useStyles();
  const t = useTableStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <table className={mergeClasses(t.table, styles.grid)}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(t.th, styles.rowHeader)}>{text.line}</th>
            {columns.map((c, i) => <th key={i} scope="col" className={mergeClasses(t.th, t.number)}>{c.header}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th scope="row" className={mergeClasses(t.td, styles.rowHeader)}>
                <RowLabel row={row} text={text} onSelect={onSelect} />
              </th>
              {bySharedYear(columns, row.changes).map((change, c) => (
                <td key={c} className={mergeClasses(t.td, t.number)}>
                  {change && <ChangeCell change={change} label={row.label} year={columns[c].header} total={row.total} text={text} onSelect={onSelect} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row's label; in Excel a button that selects the row's changed cells (of the open workbook) together. */
function RowLabel({ row, text, onSelect }: { row: GridRow; text: CompareText; onSelect?: (cells: string) => void }) {
  const styles = useStyles();
  const label = (
    <>
      {row.label}
      {row.former && <span className={styles.former}>{`(${text.formerly(row.former)})`}</span>}
    </>
  );
  const cells = row.changes.map((c) => c.newCell).filter((c): c is string => c !== null);
  if (!onSelect || cells.length === 0) return label;
  const address = cells.join(', ');
  return (
    <button type="button" className={mergeClasses(styles.select, styles.selectLabel)} data-cells={address} aria-label={text.selectLine(row.label, address)} onClick={() => onSelect(address)}>
      {label}
    </button>
  );
}

interface ChangeCellProps {
  change: ChangeReport;
  label: string;
  year: string;
  total?: boolean;
  text: CompareText;
  onSelect?: (cell: string) => void;
}

/** One year's change; where the cell is in the open workbook, a button that selects it. */
function ChangeCell({ change, label, year, total, text, onSelect }: ChangeCellProps) {
  const styles = useStyles();
  const { amounts, difference } = changeParts(change);
  const note = total ? statedText(change as TotalReport, text) : null;
  const content = (
    <span className={styles.change}>
      <span>{amounts}</span>
      {difference && <span className={styles.difference}>{`(${difference})`}</span>}
      {note && <span className={styles.stated}>{`(${note})`}</span>}
    </span>
  );
  const cell = change.newCell;
  if (!onSelect || !cell) return content;
  const spoken = [amounts, difference && `(${difference})`, note && `(${note})`].filter(Boolean).join(' ');
  return (
    <button type="button" className={styles.select} data-cell={cell} aria-label={text.selectChange(label, year, spoken, cell)} onClick={() => onSelect(cell)}>
      {content}
    </button>
  );
}

/** What a stale total states, where that is not its recomputed value. */
function statedText(total: TotalReport, text: CompareText): string | null {
  if (!isStale(total)) return null;
  const stated = (s: string | null) => (s === null ? text.nothingStated : amount(s));
  return total.oldStated === total.newStated ? text.statedBoth(stated(total.newStated)) : text.stated(stated(total.oldStated), stated(total.newStated));
}

/** Closing equity per year, old and new: narrow enough for the pane, a row per year. */
function EquityChanges({ table, caption, text }: { table: TableDiffReport; caption: string; text: CompareText }) {
  const styles = useStyles();
  const t = useTableStyles();
  const value = (v: string | null) => (v === null ? '–' : amount(v));
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <table className={t.table}>
        <thead>
          <tr>
            <th scope="col" className={t.th}>{text.year}</th>
            <th scope="col" className={mergeClasses(t.th, t.number)}>{text.before}</th>
            <th scope="col" className={mergeClasses(t.th, t.number)}>{text.after}</th>
            <th scope="col" className={mergeClasses(t.th, t.number)}>{text.difference}</th>
          </tr>
        </thead>
        <tbody>
          {table.equity.map((e) => (
            <tr key={e.year}>
              <th scope="row" className={mergeClasses(t.td, styles.rowHeader)}>{e.year}</th>
              <td className={mergeClasses(t.td, t.number)}>{value(e.old)}</td>
              <td className={mergeClasses(t.td, t.number)}>{value(e.new)}</td>
              <td className={mergeClasses(t.td, t.number)}>{e.difference === null ? '–' : signed(e.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The findings fixed, new and remaining: where each is and what it says. */
function Findings({ table, text, level }: { table: TableDiffReport; text: CompareText; level: 3 | 4 | 5 }) {
  const styles = useStyles();
  const { fixed, new: added, remaining } = table.findings;
  const list = (title: string, findings: FindingReport[]) => (
    <Block level={level} when={findings.length > 0} title={title}>
      <ul className={styles.findingList} aria-label={title}>
        {findings.map((f, i) => (
          <li key={i} className={styles.finding}>
            <span className={styles.findingPlace}>
              <span className={styles.findingCell}>{f.cell}</span>
              <span>{text.severity[f.severity]}</span>
            </span>
            <Text>{keepAmountsTogether(f.message)}</Text>
          </li>
        ))}
      </ul>
    </Block>
  );
  if (fixed.length + added.length + remaining.length === 0) return <Text className={styles.meta}>{text.noFindings}</Text>;
  return (
    <>
      {list(`${text.findings}: ${text.fixed(fixed.length)}`, fixed)}
      {list(`${text.findings}: ${text.newFindings(added.length)}`, added)}
      {list(`${text.findings}: ${text.remaining(remaining.length)}`, remaining)}
    </>
  );
}
