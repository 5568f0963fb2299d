import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { ROOT } from './manifestXml';

// The help page the manifest's SupportUrl names (dist/hjalp.html, from src/taskpane/hjalp.html):
// in Swedish, text only, every message the pane gives a user who is stuck explained.

const SOURCE = path.join(ROOT, 'src/taskpane/hjalp.html');
const BUILT = path.join(ROOT, 'dist/hjalp.html');

describe('the help page', () => {
  const html = readFileSync(SOURCE, 'utf8');
  const textOf = (page: string) => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  const text = textOf(html);

  it('is a Swedish page with no script, loading nothing from another origin', () => {
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).not.toMatch(/<script\b|\son[a-z]+=/i);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).not.toMatch(/script-src|https?:/);
    expect([...html.matchAll(/\s(?:src|href)="([^"#]+)"/g)].map((m) => m[1])).toEqual(['assets/icon.svg']);
  });

  it('walks through Excel, Word and the browser page, and explains the messages a stuck user sees', () => {
    for (const heading of ['Kontrollera budgeten i Excel', 'Infoga planens avsnitt i Word', 'Utan Office, i webbläsaren', 'Vad meddelandena betyder', 'Vart arbetsboken tar vägen']) {
      expect({ heading, found: new RegExp(`<h2 id="[a-z]+">${heading}</h2>`).test(html) }).toEqual({ heading, found: true });
    }
    for (const button of ['Analysera arbetsboken', 'Markera i bladet', 'Skapa kontrollblad', 'Rätta summor', 'Ångra Budgetkolls ändringar', 'Infoga i dokumentet', 'Jämför med en tidigare version', 'Skriv jämförelsen som ett blad', 'Förändringar jämfört med föregående förslag', 'Ta bort avsnittet']) {
      expect({ button, found: text.includes(button) }).toEqual({ button, found: true });
    }
    for (const message of ['skrivskyddad', 'är skyddat', 'Arbetsbokens struktur är skyddad', 'har en kommentar och fick bara färg', 'har ändrats sedan analysen', 'finns inte längre', 'Office-biblioteket kunde inte laddas']) {
      expect({ message, found: text.includes(message) }).toEqual({ message, found: true });
    }
    // Each link of the table of contents leads to a section of the page.
    for (const [, id] of html.matchAll(/href="#([a-z]+)"/g)) expect({ id, found: html.includes(`id="${id}"`) }).toEqual({ id, found: true });
  });

  it('is served from dist/ beside the pane, as built', () => {
    if (!existsSync(BUILT)) {
      if (process.env.CI === 'true') throw new Error('dist/ is not built: npm test builds it before jest.');
      console.warn('\n*** SKIPPING the built help page check: dist/ is not built (npm run build). ***\n');
      return;
    }
    // The build minifies it: the same policy, the same text.
    const built = readFileSync(BUILT, 'utf8');
    expect(built).toMatch(/<meta http-equiv="?Content-Security-Policy"? content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'">/);
    expect(built).not.toMatch(/<script\b/i);
    expect(textOf(built)).toBe(text);
  });
});
