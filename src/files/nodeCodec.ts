import * as zlib from 'zlib';
import type { ZipCodec } from './ooxml/codec';

// Node only: the command packs and unpacks the corrected copy's changed parts with zlib in one
// call each, where the web streams would go back and forth to zlib's thread pool per chunk.

export const nodeCodec: ZipCodec = {
  inflate: async (packed, size) => zlib.inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) }),
  deflate: async (data) => zlib.deflateRawSync(data),
};
