import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Badge, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/findings';
import { SEVERITY_ORDER, countText } from '../model/format';
import { usePaneLanguage } from '../model/language';
import { PANE_TEXT } from '../model/paneText';
import type { FindingView, TableView } from '../model/viewModel';

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  severities: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(4.5em, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}` },
  place: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  sheet: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface FindingsListProps {
  findings: FindingView[];
  tables: TableView[];
  /** Show the sheet beside each address (the workbook has tables on several sheets). */
  showSheet?: boolean;
  /** Enter or a click on a finding (the Excel pane selects its cell). */
  onSelect?: (finding: FindingView) => void;
}

const ALL = '';

/**
 * Findings grouped by severity, with filters by table and severity. The list
 * is one tab stop; the arrow keys, Home and End move between findings.
 */
export function FindingsList({ findings, tables, showSheet = false, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const language = usePaneLanguage();
  const text = PANE_TEXT[language];
  const id = useId();
  const [tableId, setTableId] = useState<string>(ALL);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLLIElement | null)[]>([]);

  const inTable = useMemo(() => findings.filter((f) => tableId === ALL || f.tableId === tableId), [findings, tableId]);
  const visible = useMemo(() => inTable.filter((f) => shown[f.severity]), [inTable, shown]);
  const groups = SEVERITY_ORDER.map((severity) => ({ severity, findings: visible.filter((f) => f.severity === severity) }))
    .filter((g) => g.findings.length > 0);
  const current = Math.min(active, Math.max(visible.length - 1, 0));

  const move = (to: number) => {
    const next = Math.max(0, Math.min(visible.length - 1, to));
    setActive(next);
    items.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index - 1),
      Home: () => move(0),
      End: () => move(visible.length - 1),
      Enter: () => onSelect?.(visible[index]),
      ' ': () => onSelect?.(visible[index]),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const tableName = (t: TableView) => (tables.length > 1 ? `${t.heading} (${t.sheet}!${t.range})` : t.heading);
  let index = -1;

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        {tables.length > 1 && (
          <Field label={text.table}>
            <Select value={tableId} onChange={(_e, data) => { setTableId(data.value); setActive(0); }}>
              <option value={ALL}>{text.allTables}</option>
              {tables.map((t) => <option key={t.id} value={t.id}>{tableName(t)}</option>)}
            </Select>
          </Field>
        )}
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{text.show}</legend>
          <div className={styles.severities}>
            {SEVERITY_ORDER.map((severity) => (
              <Checkbox
                key={severity}
                checked={shown[severity]}
                onChange={(_e, data) => { setShown({ ...shown, [severity]: data.checked === true }); setActive(0); }}
                label={`${text.severityHeading[severity]} (${inTable.filter((f) => f.severity === severity).length})`}
              />
            ))}
          </div>
        </fieldset>
      </div>

      {visible.length === 0 && (
        <Text className={styles.empty}>
          {findings.length === 0 ? text.noFindings : text.noFilteredFindings}
        </Text>
      )}

      {groups.map((group) => (
        <section key={group.severity} className={styles.group} aria-labelledby={`${id}-${group.severity}`}>
          <h3 id={`${id}-${group.severity}`} className={styles.heading}>
            {text.severityHeading[group.severity]} ({group.findings.length})
          </h3>
          <ul className={styles.list} aria-label={countText(group.findings.length, group.severity, language)}>
            {group.findings.map((f) => {
              index += 1;
              const at = index;
              const table = tables.find((t) => t.id === f.tableId);
              return (
                <li
                  key={f.id}
                  ref={(el) => { items.current[at] = el; }}
                  tabIndex={at === current ? 0 : -1}
                  className={`${styles.item} ${styles[f.severity]}`}
                  aria-label={`${text.findingIn(text.severityBadge[f.severity], `${showSheet ? `${f.sheet}!` : ''}${f.cell}`)}: ${f.message}`}
                  onKeyDown={(e) => onKeyDown(e, at)}
                  onFocus={() => setActive(at)}
                  onClick={() => onSelect?.(f)}
                  data-cell={f.cell}
                  data-severity={f.severity}
                >
                  <div className={styles.place}>
                    <span className={styles.cell}>{f.cell}</span>
                    {showSheet && <span className={styles.sheet}>{f.sheet}</span>}
                    <Badge size="small" appearance="tint" color={BADGE_COLOR[f.severity]}>{text.severityBadge[f.severity]}</Badge>
                  </div>
                  <div className={styles.body}>
                    <Text>{f.message}</Text>
                    {f.causedBy && <span className={styles.meta}>{text.causedBy(f.causedBy)}</span>}
                    {f.affects.length > 0 && <span className={styles.meta}>{text.affects(f.affects.join(', '))}</span>}
                    {tables.length > 1 && table && <span className={styles.meta}>{tableName(table)}</span>}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
