// Where the pane runs. Office opens the task pane's URL with `_host_Info` in
// the query string; only then is office.js loaded. Anywhere else (a browser,
// or Office without a network) the pane runs standalone and requests nothing
// from another origin.

export type Host = 'office' | 'browser';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function hostFromSearch(search: string): Host {
  const params = new URLSearchParams(search);
  for (const key of params.keys()) if (key.toLowerCase() === '_host_info') return 'office';
  return 'browser';
}

interface OfficeGlobal {
  onReady(): Promise<unknown>;
}

/** Adds office.js to the page and waits for Office.onReady; false when it cannot load in time. */
export function loadOfficeJs(timeoutMs = 15_000): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    const script = document.createElement('script');
    script.src = OFFICE_JS_URL;
    script.async = true;
    script.onerror = () => finish(false);
    script.onload = () => {
      const office = (window as unknown as { Office?: OfficeGlobal }).Office;
      if (!office) return finish(false);
      office.onReady().then(() => finish(true), () => finish(false));
    };
    document.head.appendChild(script);
  });
}
