import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p)) ?? null;

/**
 * Tests that need LibreOffice run for real in CI (CI=true fails without it)
 * and skip loudly on a developer machine that lacks it.
 */
export function requireLibreOffice(what: string, pkg = 'libreoffice-calc-nogui'): boolean {
  if (SOFFICE) return true;
  if (process.env.CI === 'true') throw new Error(`LibreOffice saknas i CI – ${what} måste köras (.ci/run installerar ${pkg}).`);
  console.warn(`\n*** HOPPAR ÖVER: ${what} – LibreOffice (soffice) finns inte på den här datorn. Installera ${pkg} för att köra testet. ***\n`);
  return false;
}

// A profile that makes Calc recalculate every formula of an .xlsx on load,
// so the values we read back are LibreOffice's own, not our cached ones.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function profileDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-lo-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return dir;
}

/** Converts documents headless (several in one start of LibreOffice); returns the files it wrote in outDir. */
export async function convert(file: string | string[], target: string, outDir: string): Promise<string[]> {
  const profile = profileDir();
  const files = typeof file === 'string' ? [file] : file;
  try {
    await promisify(execFile)(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...files], { timeout: 120_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return fs.readdirSync(outDir).map((f) => path.join(outDir, f));
}

/** Every sheet of a workbook as CSV rows, recalculated by LibreOffice (raw values, not as shown). */
export async function recalculatedSheets(file: string): Promise<Map<string, string[][]>> {
  return (await recalculatedWorkbooks([file])).get(file) ?? new Map();
}

/**
 * Several workbooks recalculated in one start of LibreOffice: each file's sheets as CSV rows (a
 * file LibreOffice could not open has none). Chart sheets have no cells and give no CSV.
 */
export async function recalculatedWorkbooks(files: string[]): Promise<Map<string, Map<string, string[][]>>> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-csv-'));
  const written = await convert(files, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', outDir);
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const base = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const csv of written.filter((w) => path.basename(w).startsWith(`${base}-`))) {
      const name = path.basename(csv, '.csv').slice(base.length + 1);
      sheets.set(name, fs.readFileSync(csv, 'utf8').split(/\r?\n/).filter((l) => l !== '').map(parseCsvLine));
    }
    result.set(file, sheets);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  return result;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * The workbook with the cached results of some formula cells set to 0, so that only a
 * recalculation can put the right numbers back (`cells`: sheet part → A1 addresses).
 */
export async function withoutCachedResults(bytes: Uint8Array, cells: Map<string, string[]>): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, refs] of cells) {
    let xml = await zip.file(part)!.async('string');
    for (const ref of refs) {
      const cell = new RegExp(`(<c r="${ref}"[^>]*>(?:(?!</c>).)*?<v>)[^<]*(</v>)`);
      if (!cell.test(xml)) throw new Error(`${part}: no cached result in ${ref}`);
      xml = xml.replace(cell, '$10$2');
    }
    zip.file(part, xml);
  }
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
