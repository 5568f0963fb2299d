import { existsSync } from 'fs';
import * as path from 'path';
import { getOfficeAppsForManifestHosts, OfficeApp } from 'office-addin-manifest/lib/officeApp';
import { allUrls, element, iconUrls, type Manifest, readPng, resources, ribbonButtons } from './manifestXml';

// What every manifest of the add-in is, whatever its base URL: manifest.xml (https://localhost:3000/)
// and the one `npm run manifest` writes for the server that hosts dist/.

/** The checks that hold for every manifest of the add-in, whatever its base URL. */
export function expectAddinManifest(manifest: Manifest, base: string, assetsDir: string): void {
  const { info, app } = manifest;

  expect(info.officeAppType).toBe('TaskPaneApp');
  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(info.hosts?.slice().sort()).toEqual(['Document', 'Workbook']);
  expect(getOfficeAppsForManifestHosts(info.hosts).sort()).toEqual([OfficeApp.Excel, OfficeApp.Word].sort());
  expect(info.permissions).toBe('ReadWriteDocument');
  // No requirement sets in the base manifest: the pane checks the host's API when it starts.
  expect(element(app, 'Requirements')).toBeUndefined();

  // Swedish by default, English for en-us.
  expect(info.defaultLocale).toBe('sv-SE');
  expect(info.displayName).toBe('Budgetkoll');
  expect(info.description).toMatch(/budget.*Excel.*Word/);
  expect(info.description).toMatch(/[åäö]/i);
  const override = (name: string) => element(app, name, 'Override');
  for (const name of ['DisplayName', 'Description']) {
    expect({ name, locale: override(name)?.$?.Locale }).toEqual({ name, locale: 'en-us' });
  }
  expect(override('DisplayName').$.Value).toMatch(/budget check/i);
  expect(override('Description').$.Value).toMatch(/^Checks .*budget.*Excel.*Word/);
  for (const [id, s] of resources(app).strings) {
    expect({ id, english: s.overrides.get('en-us') !== undefined && s.overrides.get('en-us') !== s.text }).toEqual({ id, english: true });
  }

  // The pane, and every other URL, under the base: https, one origin, one folder.
  expect(info.defaultSettings?.sourceLocation).toBe(`${base}taskpane.html`);
  // Help for the add-in (shown by Office where the add-in is listed): the help page beside the pane.
  expect(info.supportUrl).toBe(`${base}hjalp.html`);
  expect(info.appDomains ?? []).toEqual([]);
  const origin = new URL(base).origin;
  const urls = allUrls(app);
  expect(urls.length).toBeGreaterThanOrEqual(7);
  for (const { where, url } of urls) {
    const parsed = new URL(url);
    expect({ where, protocol: parsed.protocol, origin: parsed.origin, underBase: url.startsWith(base) }).toEqual({ where, protocol: 'https:', origin, underBase: true });
  }

  // A ribbon button on the Home tab of each host that shows the task pane.
  const buttons = ribbonButtons(app);
  for (const host of ['Workbook', 'Document']) {
    const button = buttons.find((b) => b.host === host);
    expect(button).toMatchObject({ host, tab: 'TabHome', action: 'ShowTaskpane', url: `${base}taskpane.html`, label: 'Budgetkoll' });
    expect(button?.tooltip).toMatch(/[åäö]/i);
    expect(button?.icons.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 16, 32, 32, 80, 80]);
  }
  expect(buttons.map((b) => b.id)).toEqual([...new Set(buttons.map((b) => b.id))]);

  // Every icon a PNG in assets/ of the size the manifest asks for.
  const icons = iconUrls(manifest);
  expect(icons.length).toBe(2 + 2 * 6);
  for (const { where, url, size } of icons) {
    expect({ where, inAssets: url.startsWith(`${base}assets/`) }).toEqual({ where, inAssets: true });
    const file = path.join(assetsDir, decodeURIComponent(url.slice(`${base}assets/`.length)));
    expect({ where, file, exists: existsSync(file) }).toEqual({ where, file, exists: true });
    const png = readPng(file);
    expect({ where, width: png.width, height: png.height }).toEqual({ where, width: size, height: size });
  }
}
