import type { Page } from 'playwright-core';
import { canRun, useBrowser } from './browserHarness';
import { PANE_WIDTH, expectAccessible, expectFitsAt320, expectFocusTrapped, expectFocusVisible, tabTo } from './paneChecks';

// The pane checks fail where a pane would fail a person: each is shown a small page with the fault
// it looks for (and a page without it, which passes). One browser for the file, one page per case.

const harness = useBrowser();

async function withPage(html: string, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await harness.browser().newContext({ viewport: { width: PANE_WIDTH, height: 600 } });
  try {
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="sv"><head><title>Prov</title></head><body style="margin:0;font:14px sans-serif"><main>${html}</main></body></html>`);
    await check(page);
  } finally {
    await context.close();
  }
}

const WIDE_TABLE = `<table><tr>${Array.from({ length: 12 }, (_, i) => `<td>${2020 + i}:&nbsp;12&nbsp;930</td>`).join('')}</tr></table>`;

describe('the pane checks', () => {
  it('pass a pane that fits 320 px, keeps its numbers whole and scrolls a wide table in a named box of its own', async () => {
    if (!canRun('the pane checks')) return;
    await withPage(`<h1>Budget</h1><p style="width:60px">Summa 12&nbsp;930 tkr</p><div role="region" aria-label="Tabell" tabindex="0" style="overflow-x:auto">${WIDE_TABLE}</div>`, async (page) => {
      await expectFitsAt320(page, 'pane-checks-good');
      await expectAccessible(page, 'pane-checks-good');
    });
  });

  it('find a number broken across lines, a page wider than the pane, and a wide table scrolling in an unnamed box', async () => {
    if (!canRun('the pane checks')) return;
    await withPage('<p style="width:40px">12 930</p><div style="width:400px">bred</div>', async (page) => {
      const failure = expectFitsAt320(page, 'pane-checks-bad-layout');
      await expect(failure).rejects.toThrow(/broken-number: “12 930”/);
      await expect(failure).rejects.toThrow(/page-scrolls: the page is 400 px wide/);
      await expect(failure).rejects.toThrow(/sticks-out: <div> bred/);
    });
    await withPage(`<div style="overflow-x:auto">${WIDE_TABLE}</div>`, async (page) => {
      await expect(expectFitsAt320(page, 'pane-checks-bad-box')).rejects.toThrow(/scroll-box: <div>/);
    });
  });

  it('find axe-core’s WCAG violations: an image without a text, a button without a name, too little contrast', async () => {
    if (!canRun('the pane checks')) return;
    await withPage('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><button></button><p style="color:#aaa;background:#fff">Blek text</p>', async (page) => {
      const failure = expectAccessible(page, 'pane-checks-axe');
      await expect(failure).rejects.toThrow(/image-alt \(violates/);
      await expect(failure).rejects.toThrow(/button-name \(violates/);
      await expect(failure).rejects.toThrow(/color-contrast \(violates/);
    });
  });

  it('find a focus nobody sees, and a dialog the focus leaves', async () => {
    if (!canRun('the pane checks')) return;
    await withPage('<button style="outline:none;border:0;background:none">Osynlig</button><div role="dialog" aria-label="Fråga"><button>Ja</button></div><button>Efter</button>', async (page) => {
      await tabTo(page, page.getByRole('button', { name: 'Osynlig' }));
      await expect(expectFocusVisible(page)).rejects.toThrow(/cannot be seen/);
      await tabTo(page, page.getByRole('button', { name: 'Ja' }));
      await expect(expectFocusTrapped(page, page.getByRole('dialog'))).rejects.toThrow(/took the focus out of the dialog/);
    });
  });
});
