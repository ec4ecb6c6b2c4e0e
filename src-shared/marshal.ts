/**
 * Reads and writes the values a trace batch holds (None, booleans, integers, floats, strings,
 * lists, tuples and dicts with string keys) in the format of CPython's `marshal` module,
 * version 4 (Python/marshal.c), which the engine writes its batches in: `marshal.dumps` is
 * C, and writes an int in a tenth of the time json's encoder takes. Only those types are
 * read; anything else is refused, as are a reference to a list not yet read (a cycle) and
 * references that would read far more than the bytes hold (see `Reader.weight`). A list or
 * dict referred to again is read as a copy, so that no two values share one, as with JSON.
 *
 * Each value is a type byte, its high bit (`FLAG_REF`) set when later values may refer back
 * to it by its number (`TYPE_REF`), then its data, little-endian.
 */

export class MarshalError extends Error {
  override name = 'MarshalError';
}

const FLAG_REF = 0x80;
/** Lists, tuples and dicts deeper than this are refused (a batch's values nest three deep). */
const MAX_DEPTH = 64;
/**
 * How much more than its bytes a batch may read, through references (see `Reader.weight`). An
 * honest batch reads less than its bytes: its references, five bytes each, are to small ints
 * and short strings.
 */
const MAX_EXPANSION = 4;
/** The 15-bit digits of the largest `TYPE_LONG` read: 60 bits, past every safe integer. */
const MAX_LONG_DIGITS = 4;

const T = {
  NULL: 0x30, // '0', ends a dict
  NONE: 0x4e, // 'N'
  FALSE: 0x46, // 'F'
  TRUE: 0x54, // 'T'
  INT: 0x69, // 'i', 32 bits
  LONG: 0x6c, // 'l', 15-bit digits
  BINARY_FLOAT: 0x67, // 'g'
  UNICODE: 0x75, // 'u', UTF-8 with surrogates passed
  INTERNED: 0x74, // 't'
  ASCII: 0x61, // 'a'
  ASCII_INTERNED: 0x41, // 'A'
  SHORT_ASCII: 0x7a, // 'z', a one-byte length
  SHORT_ASCII_INTERNED: 0x5a, // 'Z'
  LIST: 0x5b, // '['
  TUPLE: 0x28, // '('
  SMALL_TUPLE: 0x29, // ')', a one-byte length
  DICT: 0x7b, // '{'
  REF: 0x72, // 'r'
} as const;

/** Made at first use: the engine's realm, which loads this module, installs its own later. */
let utf8: TextDecoder | null = null;
/** Stands in the reference table for a list or dict still being read. */
const UNFINISHED = Symbol('unfinished');

/** The value `bytes` holds, all of it. */
export function readMarshal(bytes: Uint8Array): unknown {
  const reader = new Reader(bytes);
  const value = reader.read(0);
  if (reader.at !== bytes.length) throw new MarshalError('bytes follow the value');
  return value;
}

/** Reads one value after another; a class, so that V8 keeps its state in fields it optimises. */
class Reader {
  at = 0;
  /** The values written with `FLAG_REF`, in order: a reference is an index into them. */
  private readonly refs: unknown[] = [];
  /** The weight of each of `refs`, as counted in `weight`. */
  private readonly weights: number[] = [];
  /**
   * The weight of what was read: each value counts one, a string its length too, and a
   * reference the weight of what it refers to. Without references it is at most the bytes'
   * length; references could make it far more (a list of a million references to one long
   * list, or string, would have the host check a million copies), so it has a limit.
   */
  private weight = 0;
  private readonly maxWeight: number;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.maxWeight = MAX_EXPANSION * bytes.length + 4096;
  }

  read(depth: number): unknown {
    const bytes = this.bytes;
    if (this.at >= bytes.length) throw new MarshalError('it ends early');
    const code = bytes[this.at++] as number;
    this.weight++;
    if (code & FLAG_REF) {
      // Numbered before its contents are read, as marshal does; a reference to it is refused
      // until it is complete.
      const slot = this.refs.push(UNFINISHED) - 1;
      const before = this.weight;
      const value = this.readType(code & ~FLAG_REF, depth);
      this.refs[slot] = value;
      this.weights[slot] = this.weight - before + 1;
      return value;
    }
    return this.readType(code, depth);
  }

  private readType(type: number, depth: number): unknown {
    switch (type) {
      case T.INT:
        return this.i32();
      case T.SHORT_ASCII:
      case T.SHORT_ASCII_INTERNED:
        return this.ascii(this.u8());
      case T.REF: {
        const index = this.i32();
        const value = index >= 0 && index < this.refs.length ? this.refs[index] : UNFINISHED;
        if (value === UNFINISHED) throw new MarshalError('a reference is to nothing read');
        this.weight += (this.weights[index] as number) - 1;
        if (this.weight > this.maxWeight) throw new MarshalError('references repeat too much');
        // A list or dict is read again as a copy: every value read is its own, as JSON's are.
        return typeof value === 'object' && value !== null ? copyOf(value) : value;
      }
      case T.NONE:
        return null;
      case T.FALSE:
        return false;
      case T.TRUE:
        return true;
      case T.BINARY_FLOAT: {
        this.need(8);
        const value = this.view.getFloat64(this.at, true);
        this.at += 8;
        return value;
      }
      case T.LONG:
        return this.long();
      case T.UNICODE:
      case T.INTERNED:
        return this.unicode(this.size(this.i32()));
      case T.ASCII:
      case T.ASCII_INTERNED:
        return this.ascii(this.size(this.i32()));
      case T.LIST:
      case T.TUPLE:
      case T.SMALL_TUPLE: {
        if (depth >= MAX_DEPTH) throw new MarshalError('lists nest too deep');
        const length = this.size(type === T.SMALL_TUPLE ? this.u8() : this.i32());
        const list: unknown[] = new Array<unknown>(length);
        for (let i = 0; i < length; i++) list[i] = this.read(depth + 1);
        return list;
      }
      case T.DICT:
        return this.dict(depth);
      default:
        throw new MarshalError(`type ${String.fromCharCode(type)} is not one a batch holds`);
    }
  }

  private need(count: number): void {
    if (this.at + count > this.bytes.length) throw new MarshalError('it ends early');
  }

  private u8(): number {
    this.need(1);
    return this.bytes[this.at++] as number;
  }

  private i32(): number {
    this.need(4);
    const value = this.view.getInt32(this.at, true);
    this.at += 4;
    return value;
  }

  /** A length, which cannot be more than the bytes left (every item takes one at least). */
  private size(value: number): number {
    if (value < 0 || value > this.bytes.length - this.at) {
      throw new MarshalError('a length is wrong');
    }
    return value;
  }

  private long(): number {
    const count = this.i32();
    const digits = Math.abs(count);
    if (digits > MAX_LONG_DIGITS) throw new MarshalError('an integer is too large');
    let value = 0;
    for (let i = 0, scale = 1; i < digits; i++, scale *= 0x8000) {
      this.need(2);
      const digit = this.view.getUint16(this.at, true);
      this.at += 2;
      if (digit > 0x7fff) throw new MarshalError('an integer has a wrong digit');
      value += digit * scale;
    }
    return count < 0 ? -value : value;
  }

  /** An ASCII string, each byte its character (read as Latin-1, as CPython does). */
  private ascii(length: number): string {
    this.need(length);
    this.weight += length;
    const bytes = this.bytes;
    const start = this.at;
    const end = (this.at = start + length);
    if (length <= 16) {
      let text = '';
      for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
      return text;
    }
    let text = '';
    for (let i = start; i < end; i += 4096) {
      text += String.fromCharCode(...bytes.subarray(i, Math.min(i + 4096, end)));
    }
    return text;
  }

  private unicode(length: number): string {
    this.weight += length;
    const chunk = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    try {
      utf8 ??= new TextDecoder('utf-8', { fatal: true });
      return utf8.decode(chunk);
    } catch {
      return decodeSurrogates(chunk);
    }
  }

  private dict(depth: number): Record<string, unknown> {
    if (depth >= MAX_DEPTH) throw new MarshalError('lists nest too deep');
    const dict: Record<string, unknown> = {};
    for (;;) {
      this.need(1);
      if (this.bytes[this.at] === T.NULL) {
        this.at++;
        return dict;
      }
      const key = this.read(depth + 1);
      if (typeof key !== 'string') throw new MarshalError('a dict has a key that is not a string');
      setOwn(dict, key, this.read(depth + 1));
    }
  }
}

/** As JSON.parse would: an own property, even one named `__proto__`. */
function setOwn(dict: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(dict, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else dict[key] = value;
}

/** A list or dict read, and the lists and dicts in it, copied. */
function copyOf(value: object): unknown {
  if (Array.isArray(value)) {
    return value.map((item: unknown) =>
      typeof item === 'object' && item !== null ? copyOf(item) : item,
    );
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(copy, key, typeof item === 'object' && item !== null ? copyOf(item) : item);
  }
  return copy;
}

/**
 * UTF-8 that may hold surrogates, one by one (what Python's `surrogatepass` writes for a
 * string with a lone surrogate, which a JavaScript string can hold too).
 */
function decodeSurrogates(bytes: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] as number;
    const width =
      lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    if (width === 0 || i + width > bytes.length) throw new MarshalError('a string is not UTF-8');
    let point = width === 1 ? lead : lead & (0xff >> (width + 1));
    for (let k = 1; k < width; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) throw new MarshalError('a string is not UTF-8');
      point = (point << 6) | (next & 0x3f);
    }
    const least = [0, 0, 0x80, 0x800, 0x10000][width] as number;
    if (point < least || point > 0x10ffff) throw new MarshalError('a string is not UTF-8');
    if (point >= 0x10000) units.push(0xd7c0 + (point >> 10), 0xdc00 + (point & 0x3ff));
    else units.push(point);
    i += width;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 4096) {
    text += String.fromCharCode(...units.slice(i, i + 4096));
  }
  return text;
}

/** `value` in the same format, without references (for tests, and hosts that forward one). */
export function writeMarshal(value: unknown): Uint8Array {
  const out: number[] = [];
  const int32 = (n: number): void => {
    out.push(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  };
  const encoder = new TextEncoder();
  const write = (item: unknown): void => {
    if (item === null || item === undefined) out.push(T.NONE);
    else if (item === true) out.push(T.TRUE);
    else if (item === false) out.push(T.FALSE);
    else if (typeof item === 'number' && Number.isInteger(item) && item === (item | 0)) {
      out.push(T.INT);
      int32(item);
    } else if (typeof item === 'number') {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, item, true);
      out.push(T.BINARY_FLOAT, ...bytes);
    } else if (typeof item === 'string') {
      const bytes = encoder.encode(item);
      out.push(T.UNICODE);
      int32(bytes.length);
      for (const byte of bytes) out.push(byte);
    } else if (Array.isArray(item)) {
      out.push(T.LIST);
      int32(item.length);
      for (const element of item) write(element);
    } else if (typeof item === 'object') {
      out.push(T.DICT);
      for (const [key, element] of Object.entries(item)) {
        write(key);
        write(element);
      }
      out.push(T.NULL);
    } else throw new MarshalError(`a ${typeof item} has no place in a batch`);
  };
  write(value);
  return Uint8Array.from(out);
}
