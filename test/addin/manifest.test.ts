import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { expectAddinManifest } from './expectAddinManifest';
import { readManifest, resources, ROOT } from './manifestXml';

// manifest.xml: one task-pane add-in for Excel and Word, in Swedish with English overrides,
// everything under the one origin that serves taskpane.html (https://localhost:3000/ here; the
// server's address in the manifest `npm run manifest` writes: manifestForUrl.test.ts).

const MANIFEST = path.join(ROOT, 'manifest.xml');
const DEV_BASE = 'https://localhost:3000/';

describe('manifest.xml', () => {
  const manifest = readManifest(MANIFEST);

  it('is one task-pane add-in for Excel and Word: Swedish with English overrides, https://localhost:3000/ only, PNG icons of the right sizes, a ribbon button in each', () => {
    expectAddinManifest(manifest, DEV_BASE, path.join(ROOT, 'assets'));
  });

  it('names each resource it uses, and uses each one it names', () => {
    const { app } = manifest;
    const res = resources(app);
    const text = readFileSync(MANIFEST, 'utf8');
    const used = new Set([...text.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]));
    const named = new Set([...res.images.keys(), ...res.urls.keys(), ...res.strings.keys()]);
    expect([...used].sort()).toEqual([...named].sort());
    for (const id of named) expect({ id, length: id.length <= 32 }).toEqual({ id, length: true });
  });

  it('is copied to dist/ with the icons by the build', () => {
    const dist = path.join(ROOT, 'dist');
    if (!existsSync(path.join(dist, 'taskpane.html'))) {
      if (process.env.CI === 'true') throw new Error('dist/ is not built: npm test builds it before jest.');
      console.warn('\n*** SKIPPING the dist/ manifest check: dist/ is not built (npm run build). ***\n');
      return;
    }
    // dist/manifest.xml is the development one after `npm run build`, or the server's after `npm run manifest`.
    const built = readManifest(path.join(dist, 'manifest.xml'));
    const base = built.info.defaultSettings?.sourceLocation?.replace(/taskpane\.html$/, '') ?? '';
    expect(base).toMatch(/^https:\/\/.*\/$/);
    expectAddinManifest(built, base, path.join(dist, 'assets'));
    // Every page the manifest names is served from dist/: the pane and its help page.
    for (const page of ['taskpane.html', 'hjalp.html']) expect({ page, built: existsSync(path.join(dist, page)) }).toEqual({ page, built: true });
    if (base === DEV_BASE) expect(readFileSync(path.join(dist, 'manifest.xml'))).toEqual(readFileSync(MANIFEST));
  });
});
