// The manifest for the server that hosts dist/:
//
//   npm run build
//   npm run manifest -- --url https://intranet.example/budgetkoll/
//
// writes dist/manifest.xml: manifest.xml with every https://localhost:3000/ replaced by the
// given address, which must be https and end with '/' (it is the folder that holds
// taskpane.html and assets/). Run it after the build: the build empties dist/ and copies the
// development manifest there. --in and --out choose other files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

export const DEV_BASE_URL = 'https://localhost:3000/';

const ROOT = path.resolve(__dirname, '..');

/** The base URL, normalised (`new URL`), or an error that says what is wrong with it. */
export function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`"${raw}" är ingen fullständig adress; ange t.ex. https://intranet.example/budgetkoll/`);
  }
  if (url.protocol !== 'https:') throw new Error(`Adressen måste börja med https:// (Office laddar bara tillägg över https): ${raw}`);
  if (url.username || url.password) throw new Error(`Adressen får inte innehålla användarnamn eller lösenord: ${raw}`);
  if (url.search || url.hash || /[?#]/.test(raw)) throw new Error(`Adressen får inte ha ? eller #, bara mappen som har taskpane.html: ${raw}`);
  if (!raw.endsWith('/') || !url.pathname.endsWith('/')) throw new Error(`Adressen måste sluta med / (mappen som har taskpane.html): ${raw}`);
  return url.href;
}

function xmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The manifest with every DEV_BASE_URL replaced by baseUrl (checked by checkBaseUrl). */
export function manifestForUrl(manifestXml: string, baseUrl: string): string {
  const base = checkBaseUrl(baseUrl);
  if (!manifestXml.includes(DEV_BASE_URL)) throw new Error(`Manifestet har ingen ${DEV_BASE_URL} att byta ut.`);
  const out = manifestXml.split(DEV_BASE_URL).join(xmlAttribute(base));
  const leftover = new URL(base).hostname !== 'localhost' && /localhost/i.test(out.replace(/<!--[\s\S]*?-->/g, ''));
  if (leftover) throw new Error('En localhost-adress finns kvar i manifestet.');
  return out;
}

interface Options { url: string; input: string; output: string }

export function parseArgs(argv: readonly string[]): Options {
  const options: Partial<Options> = {};
  const names: Record<string, keyof Options> = { '--url': 'url', '--in': 'input', '--out': 'output' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const key = names[flag];
    if (!key) throw new Error(`Okänt argument: ${argv[i]}. Använd: npm run manifest -- --url https://server/mapp/`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${flag} behöver ett värde.`);
    options[key] = value;
  }
  if (!options.url) throw new Error('Ange adressen där dist/ ligger: npm run manifest -- --url https://intranet.example/budgetkoll/');
  return { url: options.url, input: options.input ?? path.join(ROOT, 'manifest.xml'), output: options.output ?? path.join(ROOT, 'dist', 'manifest.xml') };
}

export function main(argv: readonly string[]): void {
  const options = parseArgs(argv);
  const base = checkBaseUrl(options.url);
  const distDefault = path.resolve(options.output) === path.join(ROOT, 'dist', 'manifest.xml');
  if (distDefault && !existsSync(path.join(ROOT, 'dist', 'taskpane.html'))) {
    throw new Error('dist/ är inte byggt: kör npm run build först och sedan npm run manifest.');
  }
  const xml = manifestForUrl(readFileSync(options.input, 'utf8'), base);
  mkdirSync(path.dirname(options.output), { recursive: true });
  writeFileSync(options.output, xml);
  console.log(`Skrev ${path.relative(process.cwd(), options.output) || options.output} för ${base}`);
  if (distDefault) console.log(`Lägg hela dist/ på servern så att ${base}taskpane.html och ${base}assets/ går att nå, och ge dist/manifest.xml till dem som installerar tillägget.`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
