import { execFile } from 'child_process';
import * as fs from 'fs';
import { promisify } from 'util';

// Reading back the PDFs LibreOffice writes: poppler-utils' pdftotext and pdftoppm.

const tool = (name: string) => ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin'].map((dir) => `${dir}/${name}`).find((p) => fs.existsSync(p)) ?? null;
export const PDFTOTEXT = tool('pdftotext');
export const PDFTOPPM = tool('pdftoppm');

/** Like requireLibreOffice: with CI=true a missing pdftotext fails the test, on a developer machine it says so loudly. */
export function requirePdfToText(what: string): boolean {
  if (PDFTOTEXT) return true;
  if (process.env.CI === 'true') throw new Error(`pdftotext saknas i CI – ${what} måste köras (.ci/run installerar poppler-utils).`);
  console.warn(`\n*** ${what}: pdftotext finns inte på den här datorn – kontrollerar bara att PDF:en har sidor. Installera poppler-utils för att läsa texten. ***\n`);
  return false;
}

/** The text of each page, laid out as on the page (columns of a table stay on one line). */
export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(PDFTOTEXT!, ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

/** Whitespace (no-break spaces included) as single spaces: what a reader sees. */
export const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** How many pages the PDF has, from its page objects: enough to know it is not empty without poppler. */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** The titles of the PDF's outline (its bookmarks pane), in order: LibreOffice writes one per heading. */
export function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const titles: string[] = [];
  for (const m of text.matchAll(/\/Title\s*<([0-9A-Fa-f]+)>/g)) {
    const rest = text.slice(m.index! + m[0].length, text.indexOf('>>', m.index! + m[0].length));
    if (!rest.includes('/Parent')) continue; // the document's own title, not an outline entry
    titles.push(decodeUtf16be(m[1]));
  }
  return titles;
}

function decodeUtf16be(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  const swapped = Buffer.alloc(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return swapped.toString('utf16le').replace(/^\ufeff/, '');
}

/** Page images for a person to look at (test-artifacts/), when pdftoppm is there. */
export async function renderPages(file: string, prefix: string, resolution = 60): Promise<boolean> {
  if (!PDFTOPPM) return false;
  await promisify(execFile)(PDFTOPPM, ['-png', '-r', String(resolution), file, prefix]);
  return true;
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every word with its box, in points (pdftotext -bbox): where LibreOffice actually put it. */
export async function pdfWords(file: string): Promise<PdfWord[]> {
  const { stdout } = await promisify(execFile)(PDFTOTEXT!, ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  stdout.split(/<page\b/).slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
    }
  });
  return words;
}

/** The words grouped into lines (same page, same baseline), each left to right. */
export function pdfLines(words: PdfWord[]): PdfWord[][] {
  const lines = new Map<string, PdfWord[]>();
  for (const w of words) {
    const key = `${w.page}:${w.yMin.toFixed(1)}`;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  return [...lines.values()].map((line) => line.sort((a, b) => a.xMin - b.xMin));
}
