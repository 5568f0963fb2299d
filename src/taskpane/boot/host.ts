// Where the pane runs. Office opens taskpane.html with `_host_Info` in the query string; that
// page loads office.js in its head, as Microsoft documents, before the pane's own script runs.
// Anywhere else (index.html in a plain browser, or Office without a network) the pane runs
// standalone.

export type Host = 'office' | 'browser';

/** The Office application the pane is open in. */
export type OfficeApp = 'word' | 'excel' | 'other';

export function hostFromSearch(search: string): Host {
  const params = new URLSearchParams(search);
  for (const key of params.keys()) if (key.toLowerCase() === '_host_info') return 'office';
  return 'browser';
}

interface OfficeInfo {
  host?: unknown;
}

interface OfficeGlobal {
  onReady(): Promise<OfficeInfo | undefined>;
  context?: { host?: unknown };
  HostType?: { Word?: unknown; Excel?: unknown };
}

/** Word, Excel or another application: by Office.onReady's info, else Office.context.host. */
export function officeApp(office: OfficeGlobal, info?: OfficeInfo): OfficeApp {
  const host = info?.host ?? office.context?.host;
  if (host === undefined || host === null) return 'other';
  // Office.HostType.Word is 'Word' and Office.HostType.Excel 'Excel'.
  if (host === (office.HostType?.Word ?? 'Word')) return 'word';
  if (host === (office.HostType?.Excel ?? 'Excel')) return 'excel';
  return 'other';
}

/**
 * Office.onReady of the office.js the page's head loaded: the application, or null when office.js
 * did not load (no network, blocked) or does not answer in time ("If the Office JavaScript API
 * library files are blocked …, Office.onReady will never resolve", Initialize your Office Add-in).
 * Outside Office it answers with no host: 'other'.
 */
export function officeReady(office: OfficeGlobal | undefined = officeOnPage(), timeoutMs = 15_000): Promise<OfficeApp | null> {
  if (!office) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const finish = (app: OfficeApp | null) => {
      clearTimeout(timer);
      resolve(app);
    };
    office.onReady().then((info) => finish(officeApp(office, info)), () => finish(null));
  });
}

function officeOnPage(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

interface OfficeDisplay {
  context?: { displayLanguage?: unknown; officeTheme?: { bodyBackgroundColor?: unknown } };
}

const officeDisplay = (): OfficeDisplay | undefined => (globalThis as { Office?: OfficeDisplay }).Office;

/** Office's display language ('sv-SE', 'en-US', …), once office.js is ready. */
export function officeLanguage(office: OfficeDisplay | undefined = officeDisplay()): string | undefined {
  const language = office?.context?.displayLanguage;
  return typeof language === 'string' ? language : undefined;
}

/** Whether Office shows a dark theme: its task-pane background is dark. */
export function officeUsesDarkTheme(office: OfficeDisplay | undefined = officeDisplay()): boolean {
  const color = office?.context?.officeTheme?.bodyBackgroundColor;
  if (typeof color !== 'string') return false;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  // Relative luminance, roughly: below the middle is a dark theme.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
