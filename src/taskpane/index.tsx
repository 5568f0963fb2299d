import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, makeStaticStyles, makeStyles, tokens, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { hostFromSearch, officeLanguage, officeReady, officeUsesDarkTheme } from './boot/host';

// The page's first load is what every host needs: React, Fluent UI's provider and theme, and
// this boot. Each view comes in a chunk of its own, for the host the page finds itself in: the
// file chooser in a browser, the Excel pane in Excel, the Word pane in Word. Excel loads no
// Word code and no file chooser, and the other way round.

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

/** In a browser, or where Office's own pane cannot load: the file chooser. */
async function standalonePane(notice?: string): Promise<ReactNode> {
  const [{ StandaloneApp }, { createFileSource }] = await Promise.all([
    import(/* webpackChunkName: "standalone" */ './standalone/StandaloneApp'),
    import(/* webpackChunkName: "standalone" */ './standalone/fileSource'),
  ]);
  return <StandaloneApp files={createFileSource()} notice={notice} />;
}

/** In Word: the view that inserts the plan's sections, with its Word half. Null when it cannot load. */
async function wordPane(): Promise<ReactNode | null> {
  try {
    const [{ createOfficeWordPort }, { WordPane }, { createFileSource }] = await Promise.all([
      import(/* webpackChunkName: "word" */ './word/officeWordPort'),
      import(/* webpackChunkName: "word" */ './word/WordPane'),
      import(/* webpackChunkName: "word" */ './standalone/fileSource'),
    ]);
    return <WordPane files={createFileSource()} word={createOfficeWordPort()} />;
  } catch {
    return null;
  }
}

/** In Excel: the pane that checks the open workbook, with its Excel half and the engine. Null when it cannot load. */
async function excelPane(): Promise<ReactNode | null> {
  try {
    const [{ createOfficeExcelPort }, { ExcelPane }, { paneLanguage }] = await Promise.all([
      import(/* webpackChunkName: "excel" */ './excel/officeExcelPort'),
      import(/* webpackChunkName: "excel" */ './excel/ExcelPane'),
      import(/* webpackChunkName: "excel" */ './excel/strings'),
    ]);
    return <ExcelPane excel={createOfficeExcelPort()} language={paneLanguage(officeLanguage())} />;
  } catch {
    return null;
  }
}

/** What the page shows when not even the file chooser can load (the network went away mid-load). */
function unavailable(): ReactNode {
  return <p role="alert">Budgetkoll kunde inte laddas. Kontrollera nätverket och ladda om sidan.</p>;
}

async function start(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const root = createRoot(element);
  let notice: string | undefined;
  const inOffice = hostFromSearch(window.location.search) === 'office';
  // taskpane.html has loaded office.js in its head by now (or failed to); index.html has none.
  const app = inOffice || 'Office' in globalThis ? await officeReady() : null;
  if (inOffice && app === null) notice = 'Office-biblioteket kunde inte laddas (saknas nätverket?). Välj arbetsboken som fil i stället; den läses här och skickas ingenstans.';
  const theme = app !== null && officeUsesDarkTheme() ? webDarkTheme : webLightTheme;
  // Each application's pane, and what the file chooser says when that pane cannot load.
  const panes = {
    excel: { load: excelPane, fallback: 'Budgetkolls Excel-del kunde inte laddas – ladda om tillägget. Under tiden kan du välja arbetsboken som fil här.' },
    word: { load: wordPane, fallback: 'Budgetkolls Word-del kunde inte laddas – ladda om tillägget. Under tiden kan du ladda ned avsnitten som ett Word-dokument här.' },
  };
  const chosen = app === 'excel' || app === 'word' ? panes[app] : null;
  if (chosen) {
    const pane = await chosen.load();
    if (pane) {
      root.render(<Root theme={theme}>{pane}</Root>);
      return;
    }
    notice = chosen.fallback;
  }
  try {
    root.render(<Root>{await standalonePane(notice)}</Root>);
  } catch {
    root.render(<Root>{unavailable()}</Root>);
  }
}

void start();
