// Browser-safe. What a file is when it is no .xlsx workbook, in words the user can act on:
// the reason readWorkbookBytes gives instead of "damaged".

/** A zip that is not an .xlsx (by the names of its entries): the document it is, or null when it has a workbook part. */
export function zipDocumentKind(names: ReadonlySet<string>): string | null {
  if (names.has('xl/workbook.xml')) return null;
  if (names.has('xl/workbook.bin')) return 'filen är en binär Excel-arbetsbok (.xlsb) – spara den som Excel-arbetsbok (.xlsx) i Excel';
  if (names.has('word/document.xml')) return 'filen är ett Word-dokument, ingen Excel-arbetsbok – välj arbetsboken med budgeten';
  if (names.has('ppt/presentation.xml')) return 'filen är en PowerPoint-presentation, ingen Excel-arbetsbok – välj arbetsboken med budgeten';
  if (names.has('mimetype') && names.has('content.xml')) return 'filen är ett OpenDocument-dokument (.ods) – spara den som .xlsx';
  return 'filen är ett zip-arkiv men ingen Excel-arbetsbok (.xlsx)';
}

const SAVE_AS_XLSX = 'öppna den i Excel och spara som Excel-arbetsbok (.xlsx)';

/**
 * A file that is neither zip nor OLE but text an economy system calls "Excel": a web page
 * (HTML table), an XML spreadsheet 2003, a PDF of the budget. Null when it is none of these.
 */
export function textDocumentKind(data: Uint8Array): string | null {
  const head = headText(data);
  if (head.startsWith('%pdf')) return 'filen är en PDF – Budgetkoll läser budgeten ur Excel-arbetsboken (.xlsx), inte ur en PDF';
  if (head.startsWith('{\\rtf')) return `filen är ett RTF-dokument, ingen Excel-arbetsbok – ${SAVE_AS_XLSX}`;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') || head.includes('progid="excel.sheet"')) {
    if (!head.includes('<html')) return `filen är ett XML-kalkylblad (Excel 2003), ingen .xlsx-arbetsbok – ${SAVE_AS_XLSX}`;
  }
  if (/^(<!doctype html|<html|<table|<meta|<head|<body)/.test(head) || (head.startsWith('<') && head.includes('<table'))) {
    return `filen är en webbsida (HTML), ingen riktig Excel-arbetsbok – ${SAVE_AS_XLSX}`;
  }
  if (head.startsWith('<?xml')) return 'filen är en XML-fil, ingen Excel-arbetsbok (.xlsx)';
  return null;
}

/** The first 2 KB as lower-case text without a byte order mark or leading white space (UTF-8 or UTF-16). */
function headText(data: Uint8Array): string {
  const head = data.subarray(0, 2048);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  else text = new TextDecoder('utf-8').decode(head);
  return text.replace(/^\ufeff/, '').trimStart().toLowerCase();
}
