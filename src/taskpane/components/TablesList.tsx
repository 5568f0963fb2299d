import { useId } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { countText, formatNumber } from '../model/format';
import { usePaneLanguage } from '../model/language';
import { PANE_TEXT } from '../model/paneText';
import { kindName, roleName, type TableView } from '../model/viewModel';
import { useTableStyles } from './tableStyles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, listStyleType: 'none', margin: 0, padding: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} 0` },
  rowNumber: { width: '4em' },
  // A long label (`Strategisk arbetsmarknadssamordning`) breaks rather than widening a 320 px pane.
  label: { overflowWrap: 'anywhere', hyphens: 'auto' },
});

export interface TablesListProps {
  tables: TableView[];
  /** Selects the table's range in the workbook (the Excel pane). */
  onSelect?: (table: TableView) => void;
}

/** The budget tables Budgetkoll recognised: where they are, their years and unit, and how each row was read. */
export function TablesList({ tables, onSelect }: TablesListProps) {
  const styles = useStyles();
  const t = useTableStyles();
  const id = useId();
  const language = usePaneLanguage();
  const text = PANE_TEXT[language];
  if (tables.length === 0) {
    return <Text>{text.noTables}</Text>;
  }
  return (
    <ul className={styles.root}>
      {tables.map((table, i) => (
        <li key={table.id}>
          <section className={styles.card} aria-labelledby={`${id}-${i}`}>
            <h3 id={`${id}-${i}`} className={styles.heading}>{table.heading}</h3>
            <dl className={styles.facts}>
              <dt className={styles.term}>{text.sheet}</dt><dd className={styles.definition}>{table.sheet}</dd>
              <dt className={styles.term}>{text.range}</dt><dd className={styles.definition}>{table.range}</dd>
              <dt className={styles.term}>{text.unit}</dt><dd className={styles.definition}>{table.unit}</dd>
              <dt className={styles.term}>{text.years}</dt>
              <dd className={styles.definition}>{table.columns.map((c) => `${c.header} (${c.cell}, ${kindName(c.kind, language)})`).join(' · ')}</dd>
            </dl>
            <div className={styles.badges}>
              <Badge appearance={table.counts.error > 0 ? 'filled' : 'outline'} color={table.counts.error > 0 ? 'danger' : 'success'}>{countText(table.counts.error, 'error', language)}</Badge>
              <Badge appearance="tint" color="warning">{countText(table.counts.warning, 'warning', language)}</Badge>
              <Badge appearance="tint" color="informative">{countText(table.counts.info, 'info', language)}</Badge>
            </div>
            {onSelect && (
              <div>
                <Button size="small" onClick={() => onSelect(table)} aria-label={text.selectIn(`${table.sheet}!${table.range}`)}>
                  {text.selectInExcel}
                </Button>
              </div>
            )}
            <details>
              <summary className={styles.summary}>{text.rowsRead(formatNumber(table.rows.length))}</summary>
              <table className={t.table} aria-label={text.rowsOf(table.heading)}>
                <thead>
                  <tr>
                    <th scope="col" className={mergeClasses(t.th, t.number, styles.rowNumber)}>{text.row}</th>
                    <th scope="col" className={t.th}>{text.label}</th>
                    <th scope="col" className={t.th}>{text.readAs}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r) => (
                    <tr key={r.row}>
                      <td className={mergeClasses(t.td, t.number)}>{r.row}</td>
                      <td className={mergeClasses(t.td, styles.label, r.role !== 'line' && r.role !== 'group' && t.strong)}>{r.label}</td>
                      <td className={t.td}>{roleName(r.role, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </li>
      ))}
    </ul>
  );
}
