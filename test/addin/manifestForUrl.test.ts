import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkBaseUrl, DEV_BASE_URL, manifestForUrl, parseArgs } from '../../scripts/manifest-for-url';
import { expectAddinManifest } from './expectAddinManifest';
import { readManifest, ROOT } from './manifestXml';

// `npm run manifest -- --url https://intranet.example/budgetkoll/`: the manifest for the
// server that hosts dist/, every https://localhost:3000/ replaced by that address.

const MANIFEST = path.join(ROOT, 'manifest.xml');
const BASE = 'https://intranet.example/budgetkoll/';

describe('checkBaseUrl', () => {
  it('takes an https address of a folder, normalised', () => {
    expect(checkBaseUrl(BASE)).toBe(BASE);
    expect(checkBaseUrl('https://Intranet.Example:8443/a/b/')).toBe('https://intranet.example:8443/a/b/');
    expect(checkBaseUrl('https://addins.example/')).toBe('https://addins.example/');
  });

  it.each([
    ['http://intranet.example/budgetkoll/', /https/],
    ['https://intranet.example/budgetkoll', /sluta med \//],
    ['https://intranet.example/budgetkoll/taskpane.html', /sluta med \//],
    ['https://intranet.example/budgetkoll/?x=1', /\?/],
    ['https://intranet.example/budgetkoll/#a', /#/],
    ['https://user:pw@intranet.example/budgetkoll/', /lösenord/],
    ['intranet.example/budgetkoll/', /fullständig/],
    ['', /fullständig/],
  ])('refuses %j', (url, message) => {
    expect(() => checkBaseUrl(url)).toThrow(message);
  });
});

describe('manifestForUrl', () => {
  const xml = readFileSync(MANIFEST, 'utf8');

  it('replaces every https://localhost:3000/ and nothing else', () => {
    const out = manifestForUrl(xml, BASE);
    expect(out).not.toMatch(/localhost/);
    expect(out.split(BASE).length).toBe(xml.split(DEV_BASE_URL).length);
    expect(out.split(BASE).join(DEV_BASE_URL)).toBe(xml);
  });

  it('escapes what XML needs escaped', () => {
    expect(manifestForUrl(xml, "https://intranet.example/a&b'c/")).toContain('DefaultValue="https://intranet.example/a&amp;b&apos;c/taskpane.html"');
  });

  it('refuses a bad address and a manifest without localhost', () => {
    expect(() => manifestForUrl(xml, 'http://intranet.example/')).toThrow(/https/);
    expect(() => manifestForUrl('<OfficeApp/>', BASE)).toThrow(/localhost:3000/);
  });
});

describe('parseArgs', () => {
  it('reads --url, --in and --out, with or without =', () => {
    expect(parseArgs(['--url', BASE])).toEqual({ url: BASE, input: MANIFEST, output: path.join(ROOT, 'dist', 'manifest.xml') });
    expect(parseArgs([`--url=${BASE}`, '--in=a.xml', '--out', 'b.xml'])).toEqual({ url: BASE, input: 'a.xml', output: 'b.xml' });
  });

  it('asks for the address', () => {
    expect(() => parseArgs([])).toThrow(/--url/);
    expect(() => parseArgs(['--url'])).toThrow(/värde/);
    expect(() => parseArgs([BASE])).toThrow(/Okänt argument/);
  });
});

describe('npm run manifest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'budgetkoll-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(ROOT, 'scripts/manifest-for-url.ts'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('writes a manifest for the server that office-addin-manifest reads as the add-in, at that address', () => {
    const out = path.join(dir, 'manifest.xml');
    expect(run('--url', BASE, '--out', out)).toMatch(/Skrev .*manifest\.xml för https:\/\/intranet\.example\/budgetkoll\//);
    const manifest = readManifest(out);
    expectAddinManifest(manifest, BASE, path.join(ROOT, 'assets'));
    expect(manifest.info.id).toBe(readManifest(MANIFEST).info.id);
  });

  it('exits 1 with the reason, and writes nothing, for an http address', () => {
    const out = path.join(dir, 'refused.xml');
    writeFileSync(out, 'before');
    let failure: { status?: number; stderr?: string } = {};
    try {
      run('--url', 'http://intranet.example/budgetkoll/', '--out', out);
    } catch (err) {
      failure = err as { status?: number; stderr?: string };
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toMatch(/https/);
    expect(readFileSync(out, 'utf8')).toBe('before');
  });
});
