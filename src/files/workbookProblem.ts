import { textDocumentKind } from './fileKinds';
import { DEFAULT_LIMITS, fileSizeProblem, zipProblem, type ReadLimits } from './limits';

// Browser-safe. Why bytes are not read as a workbook at all — another kind of file, beyond the
// limits — and the reasons a reader gives when it cannot read one: the same Swedish words from
// every reader (readGrid.ts, and readXlsx.ts for the corrected copy).

/** The reasons when the bytes cannot be read as a workbook, or no worksheet can be read from them. */
export const DAMAGED = 'filen är skadad eller ingen giltig Excel-arbetsbok (.xlsx)';
export const NO_WORKSHEET = 'arbetsboken har inget kalkylblad som går att läsa – filen kan vara skadad';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Why the bytes are not handed to a reader at all (no .xlsx, beyond the limits), or null.
 * `unpacked` is the same zip in a form zipProblem reads faster (storedZip.ts), when there is one.
 */
export async function workbookProblem(data: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_LIMITS, unpacked: Uint8Array = data): Promise<string | null> {
  return formatProblem(data, extensionOf(fileName)) ?? fileSizeProblem(data.length, limits) ?? await zipProblem(unpacked, limits);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

function formatProblem(data: Uint8Array, extension: string): string | null {
  if (data.length === 0) return 'filen är tom';
  if (startsWith(data, OLE)) {
    // Encrypted .xlsx files are OLE containers holding an EncryptionInfo stream.
    return contains(data, utf16le('EncryptionInfo'))
      ? 'arbetsboken är lösenordsskyddad (krypterad) – spara en kopia utan lösenord'
      : 'filen är i det äldre Excel-formatet (.xls) – spara den som .xlsx i Excel';
  }
  if (!startsWith(data, ZIP)) {
    const kind = textDocumentKind(data);
    if (kind) return kind;
    if (extension === '.csv' || extension === '.txt') return 'en CSV- eller textfil är ingen arbetsbok – öppna den i Excel och spara som .xlsx';
    return 'filen är ingen Excel-arbetsbok (.xlsx)';
  }
  // The mimetype entry is the zip's first file, stored uncompressed.
  if (contains(data.subarray(0, 200), ascii('application/vnd.oasis.opendocument'))) {
    return 'filen är ett OpenDocument-kalkylblad (.ods) – spara den som .xlsx';
  }
  return null;
}
