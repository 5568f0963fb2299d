import { rangeToA1 } from './address';
import { toMoney } from './amount';
import type { Analysis } from './analyze';
import type { TableReport } from './report';
import type { DocSection } from './sections/types';
import { failure, ok, type Result } from './result';

// The Excel pane's analysis, stored in the workbook (a custom XML part) so that the Word pane,
// which reads the saved .xlsx, can build the plan's sections from the check as it was made in
// Excel, with the settings chosen there. A fingerprint of the tables' numbers tells whether the
// workbook still holds what was analysed.

export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_NAMESPACE = 'urn:budgetkoll:snapshot:1';

/** The settings as the pane's form holds them (text, so they round-trip exactly). */
export interface SnapshotSettings {
  reservePercent: string;
  reserveBase: 'allocation' | 'costs';
  openingEquity: string;
}

export interface AnalysisSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** ISO 8601. */
  madeAt: string;
  fingerprint: string;
  settings: SnapshotSettings;
  reports: TableReport[];
  sections: DocSection[];
  /** Error findings in the table the sections speak of. */
  errors: number;
}

/** FNV-1a, 32 bits: a change detector, not a security measure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The recognised tables' places, labels and numbers: equal whether the workbook was read by
 * Office.js in Excel or by the file reader from the saved file, and different once a number changes.
 */
export function analysisFingerprint(analysis: Analysis): string {
  const parts: string[] = [];
  for (const { table } of analysis.tables) {
    const { top, left, bottom, right } = table.range;
    parts.push(`${table.sheet}!${rangeToA1(top, left, bottom, right)}|${table.columns.map((c) => c.year).join(',')}`);
    for (const row of table.rows) parts.push(`${row.row}:${row.label}=${row.values.map((v) => (v === null ? '' : toMoney(v).toString())).join(';')}`);
  }
  return `${analysis.tables.length}-${fnv1a(parts.join('\n'))}`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The custom XML part's text: one element in Budgetkoll's namespace holding the JSON. */
export function snapshotToXml(snapshot: AnalysisSnapshot): string {
  return `<?xml version="1.0" encoding="UTF-8"?><budgetkoll xmlns="${SNAPSHOT_NAMESPACE}">${escapeXml(JSON.stringify(snapshot))}</budgetkoll>`;
}

const ELEMENT = /<(?:\w+:)?budgetkoll\b[^>]*xmlns(?::\w+)?="urn:budgetkoll:snapshot:1"[^>]*>([\s\S]*)<\/(?:\w+:)?budgetkoll>/;

/** Null when the XML is not Budgetkoll's; a reason when it is but cannot be used. */
export function snapshotFromXml(xml: string): Result<AnalysisSnapshot> | null {
  const match = ELEMENT.exec(xml);
  if (!match) return null;
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(match[1]));
  } catch {
    return failure('Excel-analysen som är sparad i arbetsboken är skadad');
  }
  const s = data as Partial<AnalysisSnapshot> | null;
  if (!s || typeof s !== 'object' || s.version !== SNAPSHOT_VERSION) {
    return failure('Excel-analysen i arbetsboken är gjord med en annan version av Budgetkoll');
  }
  const valid = typeof s.madeAt === 'string' && typeof s.fingerprint === 'string' && Array.isArray(s.reports)
    && Array.isArray(s.sections) && typeof s.errors === 'number' && typeof s.settings === 'object' && s.settings !== null;
  if (!valid) return failure('Excel-analysen som är sparad i arbetsboken är ofullständig');
  return ok(s as AnalysisSnapshot);
}
