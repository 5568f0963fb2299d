import { storedBytes, type ZipEntry } from './zipDirectory';

// Browser-safe: one small text entry of a zip (an .xlsx part), unpacked with the platform's own
// DecompressionStream – no zip library, so no `Function(...)` fallbacks in the pane's bundle.

/** Parts bigger than this are not Budgetkoll's (its snapshot is a few hundred kilobytes at most). */
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** The entry's text, or null when it is not stored plainly or deflated, too big, or damaged. */
export async function zipEntryText(data: Uint8Array, entry: ZipEntry): Promise<string | null> {
  if (entry.uncompressedSize > MAX_TEXT_BYTES) return null;
  const stored = storedBytes(data, entry);
  if (!stored) return null;
  try {
    if (entry.method === 0) return new TextDecoder('utf-8').decode(stored);
    if (entry.method !== 8 || typeof DecompressionStream === 'undefined') return null;
    const unpacked = new Blob([stored.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(unpacked).text();
  } catch {
    return null;
  }
}
