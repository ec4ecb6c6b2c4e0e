/**
 * A WOFF 1.0 font to the TrueType/OpenType file it wraps (W3C, "WOFF File Format 1.0", §4–5):
 * resvg reads only the latter, and the emoji font ships only as WOFF. Each table is stored
 * zlib-compressed, or as is when that is not smaller; the platform's DecompressionStream
 * inflates it, in Node and in a browser alike.
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function sfntFromWoff(woff: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < WOFF_HEADER || view.getUint32(0) !== WOFF_SIGNATURE) {
    throw new Error('not a WOFF 1.0 font');
  }
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  const tables: Table[] = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const entry = WOFF_HEADER + i * WOFF_ENTRY;
      const offset = view.getUint32(entry + 4);
      const stored = woff.subarray(offset, offset + view.getUint32(entry + 8));
      const length = view.getUint32(entry + 12);
      const data = stored.length < length ? await inflate(stored) : stored;
      if (data.length !== length) throw new Error('a WOFF table does not inflate to its size');
      return { tag: view.getUint32(entry), checksum: view.getUint32(entry + 16), data };
    }),
  );
  // The tables follow the directory in its order, each padded to four bytes.
  const padded = (n: number) => (n + 3) & ~3;
  const start = SFNT_HEADER + count * SFNT_ENTRY;
  const size = tables.reduce((sum, table) => sum + padded(table.data.length), start);
  const sfnt = new Uint8Array(size);
  const out = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  out.setUint32(0, flavor);
  out.setUint16(4, count);
  out.setUint16(6, power * SFNT_ENTRY); // searchRange
  out.setUint16(8, Math.log2(power)); // entrySelector
  out.setUint16(10, (count - power) * SFNT_ENTRY); // rangeShift
  let offset = start;
  tables.forEach((table, i) => {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    out.setUint32(entry, table.tag);
    out.setUint32(entry + 4, table.checksum);
    out.setUint32(entry + 8, offset);
    out.setUint32(entry + 12, table.data.length);
    sfnt.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
