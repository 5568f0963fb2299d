import { useId, useState, type ReactNode } from 'react';
import { Badge, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AnalysisSettings } from '../../core/analyze';
import { countText } from '../model/format';
import { usePaneLanguage } from '../model/language';
import { PANE_TEXT } from '../model/paneText';
import type { SettingsForm } from '../model/settings';
import type { FindingView, TableView, ViewModel } from '../model/viewModel';
import { EquityChart } from './EquityChart';
import { FindingsList } from './FindingsList';
import { SettingsPanel } from './SettingsPanel';
import { TablesList } from './TablesList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stale: { opacity: 0.6 },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  tabs: { flexWrap: 'wrap' },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
  chartBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL },
  chartHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export type ResultTab = 'findings' | 'tables' | 'equity' | 'settings';

export interface ResultViewProps {
  /** The workbook's name. */
  name: string;
  view: ViewModel;
  settingsForm: SettingsForm;
  onApplySettings: (form: SettingsForm, settings: AnalysisSettings) => void;
  /** A new analysis is on its way: the results shown are the previous ones. */
  busy?: boolean;
  /** What the host can do with the workbook (the browser: download a corrected copy). */
  actions?: ReactNode;
  /** Selects a finding's cell in the workbook (the Excel pane). */
  onSelectFinding?: (finding: FindingView) => void;
  /** Selects a table's range in the workbook (the Excel pane). */
  onSelectTable?: (table: TableView) => void;
}

/** One analysed workbook: a summary, then findings, tables, equity and settings as tabs. */
export function ResultView({ name, view, settingsForm, onApplySettings, busy = false, actions, onSelectFinding, onSelectTable }: ResultViewProps) {
  const styles = useStyles();
  const language = usePaneLanguage();
  const text = PANE_TEXT[language];
  const [tab, setTab] = useState<ResultTab>('findings');
  const withEquity = view.tables.filter((t) => t.equity.length > 0);
  const baseText = settingsForm.reserveBase === 'costs' ? text.baseCosts : text.baseAllocation;
  const id = useId();
  const panelProps = (value: ResultTab) => ({ role: 'tabpanel', id: `${id}-panel-${value}`, 'aria-labelledby': `${id}-tab-${value}`, className: styles.panel });
  const tabProps = (value: ResultTab) => ({ id: `${id}-tab-${value}`, value, 'aria-controls': tab === value ? `${id}-panel-${value}` : undefined });

  return (
    <section className={mergeClasses(styles.root, busy && styles.stale)} aria-busy={busy} aria-label={text.resultsFor(name)}>
      <div className={styles.summary}>
        <div className={styles.titleBlock}>
          <h2 className={styles.fileName}>{name}</h2>
          <div className={styles.badges}>
            <Badge appearance="outline" color="brand">{countText(view.tables.length, 'table', language)}</Badge>
            <Badge appearance={view.counts.error > 0 ? 'filled' : 'outline'} color={view.counts.error > 0 ? 'danger' : 'success'}>{countText(view.counts.error, 'error', language)}</Badge>
            <Badge appearance="tint" color="warning">{countText(view.counts.warning, 'warning', language)}</Badge>
            <Badge appearance="tint" color="informative">{countText(view.counts.info, 'info', language)}</Badge>
          </div>
        </div>
        {actions}
      </div>

      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as ResultTab)} aria-label={text.show}>
        <Tab {...tabProps('findings')}>{text.tabFindings} ({view.findings.length})</Tab>
        <Tab {...tabProps('tables')}>{text.tabTables} ({view.tables.length})</Tab>
        <Tab {...tabProps('equity')}>{text.tabEquity}</Tab>
        <Tab {...tabProps('settings')}>{text.tabSettings}</Tab>
      </TabList>

      {tab === 'findings' && (
        <div {...panelProps('findings')}>
          <FindingsList findings={view.findings} tables={view.tables} showSheet={view.manySheets} onSelect={onSelectFinding} />
        </div>
      )}
      {tab === 'tables' && (
        <div {...panelProps('tables')}>
          <TablesList tables={view.tables} onSelect={onSelectTable} />
        </div>
      )}
      {tab === 'equity' && (
        <div {...panelProps('equity')}>
          {withEquity.length === 0 && (
            <Text>{text.noEquity}</Text>
          )}
          {withEquity.map((t) => (
            <div key={t.id} className={styles.chartBlock}>
              <h3 className={styles.chartHeading}>{withEquity.length > 1 ? `${t.heading} (${t.sheet}!${t.range})` : t.heading}</h3>
              <EquityChart points={t.equity} unit={t.unit} baseText={baseText} />
            </div>
          ))}
        </div>
      )}
      {tab === 'settings' && (
        <div {...panelProps('settings')}>
          <SettingsPanel value={settingsForm} onApply={onApplySettings} busy={busy} />
        </div>
      )}
    </section>
  );
}
