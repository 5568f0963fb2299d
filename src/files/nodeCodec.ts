import * as zlib from 'zlib';
import type { ZipCodec } from './ooxml/codec';

// Node only: the command packs and unpacks the corrected copy's changed parts with zlib in one
// call each, where the web streams would go back and forth to zlib's thread pool per chunk.

/** zlib's own CRC-32 (Node 20.15 and later). */
const zlibCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeCodec: ZipCodec = {
  inflate: async (packed, size) => zlib.inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) }),
  deflate: async (data) => zlib.deflateRawSync(data),
  ...(zlibCrc32 ? { crc32: (data: Uint8Array) => zlibCrc32(data) >>> 0 } : {}),
};
