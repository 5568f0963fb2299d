import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, makeStaticStyles, makeStyles, tokens, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { hostFromSearch, loadOfficeJs, officeLanguage, officeUsesDarkTheme } from './boot/host';
import { paneLanguage } from './excel/strings';
import { createFileSource } from './standalone/fileSource';
import { StandaloneApp } from './standalone/StandaloneApp';
import { WordPane } from './word/WordPane';

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });
const useStyles = makeStyles({ provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 } });

function Root({ children, theme = webLightTheme }: { children: ReactNode; theme?: Theme }) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      {children}
    </FluentProvider>
  );
}

/**
 * In Word: the view that inserts the plan's sections. Its Word half (the port and the Word
 * adapter) loads only there; the view itself is in the first load, where it shares Fluent UI
 * (as a chunk of its own it would make the first load larger, not smaller). Null when the
 * Word half cannot load.
 */
async function wordPane(): Promise<ReactNode | null> {
  try {
    const { createOfficeWordPort } = await import(/* webpackChunkName: "word" */ './word/officeWordPort');
    return <WordPane files={createFileSource()} word={createOfficeWordPort()} />;
  } catch {
    return null;
  }
}

/**
 * In Excel: the pane that checks the open workbook. Its Excel half (the port, the Excel adapter
 * and the engine) loads only there. Null when it cannot load.
 */
async function excelPane(): Promise<ReactNode | null> {
  try {
    // The view too: it is the only one with a dialog and a progress bar, which the first load need not carry.
    const [{ createOfficeExcelPort }, { ExcelPane }] = await Promise.all([
      import(/* webpackChunkName: "excel" */ './excel/officeExcelPort'),
      import(/* webpackChunkName: "excel" */ './excel/ExcelPane'),
    ]);
    return <ExcelPane excel={createOfficeExcelPort()} language={paneLanguage(officeLanguage())} />;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  let notice: string | undefined;
  if (hostFromSearch(window.location.search) === 'office') {
    const app = await loadOfficeJs();
    if (app === null) notice = 'Office-biblioteket kunde inte laddas (saknas nätverket?). Välj arbetsboken som fil i stället; den läses här och skickas ingenstans.';
    const theme = officeUsesDarkTheme() ? webDarkTheme : webLightTheme;
    // Each application's pane, and what the file chooser says when that pane cannot load.
    const panes = {
      excel: { load: excelPane, fallback: 'Budgetkolls Excel-del kunde inte laddas – ladda om tillägget. Under tiden kan du välja arbetsboken som fil här.' },
      word: { load: wordPane, fallback: 'Budgetkolls Word-del kunde inte laddas – ladda om tillägget. Under tiden kan du ladda ned avsnitten som ett Word-dokument här.' },
    };
    const chosen = app === 'excel' || app === 'word' ? panes[app] : null;
    if (chosen) {
      const pane = await chosen.load();
      if (pane) {
        createRoot(element).render(<Root theme={theme}>{pane}</Root>);
        return;
      }
      notice = chosen.fallback;
    }
  }
  createRoot(element).render(<Root><StandaloneApp files={createFileSource()} notice={notice} /></Root>);
}

void start();
