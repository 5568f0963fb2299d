// Browser-safe. The XML inside some cells of a worksheet (`<c r="B7" …>`…`</c>`), found by their
// addresses in one walk over the sheet's cells: for the few values SheetJS does not keep as the
// file has them (sheetjsGrid.ts). Cells without an address are not found (SheetJS's value stands).

const ADDRESS = /\sr\s*=\s*["']([^"']*)["']/;

/** The inner XML of each wanted cell found ('' for `<c …/>`), by address. */
export function cellMarkup(xml: string, wanted: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  const prefix = cellPrefix(xml);
  if (prefix === null) return found;
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  for (let at = xml.indexOf(open); at >= 0 && found.size < wanted.size; at = xml.indexOf(open, at + 1)) {
    const after = xml.charCodeAt(at + open.length);
    // `<c r=…>` and `<c>`, not `<col>`, `<cfRule>` or `<controls>`.
    if (after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue;
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    const address = ADDRESS.exec(xml.slice(at, tagEnd))?.[1];
    if (address === undefined || !wanted.has(address)) continue;
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      found.set(address, '');
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    found.set(address, xml.slice(tagEnd + 1, end < 0 ? xml.length : end));
  }
  return found;
}

/** The namespace prefix of the sheet's cells ('' or 'x:'): sheetData's; null when the sheet has no sheetData. */
function cellPrefix(xml: string): string | null {
  const data = /<(\w+:)?sheetData[\s/>]/.exec(xml);
  return data ? data[1] ?? '' : null;
}
