// Browser-safe. How the patcher unpacks the parts it changes and packs them again: injected, so
// that the same code runs in the command (Node's zlib, nodeCodec.ts) and in the page (the
// platform's DecompressionStream and CompressionStream, here).

export interface ZipCodec {
  /** Raw deflate data unpacked; `size` is what the zip says they unpack to. */
  inflate(packed: Uint8Array, size: number): Promise<Uint8Array>;
  /** Raw deflate data, or null: the entry is then stored as it is. */
  deflate(data: Uint8Array): Promise<Uint8Array | null>;
  /** The zip's CRC-32 of the data, where the platform computes it faster than zipPackage.ts does. */
  crc32?(data: Uint8Array): number;
}

type Transform = new (format: 'deflate-raw') => TransformStream<Uint8Array, Uint8Array>;


/**
 * The platform's streams (every browser the pane supports; Node 18 and later too). Without
 * CompressionStream the changed parts are stored uncompressed: a larger file, the same workbook.
 */
export const webCodec: ZipCodec = {
  async inflate(packed, size) {
    const Inflate = (globalThis as { DecompressionStream?: Transform }).DecompressionStream;
    if (!Inflate) throw new Error('DecompressionStream saknas');
    // Read a chunk at a time and stop past the stated size: a part that unpacks to more is damaged (or a bomb).
    const reader = new Blob([packed.slice()]).stream().pipeThrough(new Inflate('deflate-raw')).getReader();
    const out = new Uint8Array(size);
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > size) {
        await reader.cancel().catch(() => undefined);
        throw new Error('the part unpacks to more than the zip says');
      }
      out.set(value, length);
      length += value.length;
    }
    return out.subarray(0, length);
  },
  async deflate(data) {
    const Deflate = (globalThis as { CompressionStream?: Transform }).CompressionStream;
    if (!Deflate) return null;
    const stream = new Blob([data.slice()]).stream().pipeThrough(new Deflate('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
};
