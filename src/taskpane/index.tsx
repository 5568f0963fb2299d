import { createRoot } from 'react-dom/client';
import { FluentProvider, makeStaticStyles, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { hostFromSearch, loadOfficeJs } from './boot/host';
import { createFileSource } from './standalone/fileSource';
import { StandaloneApp } from './standalone/StandaloneApp';

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });
const useStyles = makeStyles({ provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 } });

function Root({ notice }: { notice?: string }) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <StandaloneApp files={createFileSource()} notice={notice} />
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  let notice: string | undefined;
  if (hostFromSearch(window.location.search) === 'office') {
    // The Excel data source is a later step; until then Office gets the file chooser too.
    const loaded = await loadOfficeJs();
    if (!loaded) notice = 'Office-biblioteket kunde inte laddas (saknas nätverket?). Välj arbetsboken som fil i stället; den läses här och skickas ingenstans.';
  }
  createRoot(element).render(<Root notice={notice} />);
}

void start();
