/**
 * The reader of the engine's batches (src-shared/marshal.ts) against what CPython 3.14's own
 * `marshal.dumps(value, 4)` writes (Pyodide's interpreter, as the engine runs it): every type a
 * batch holds, references to values written before, and what a hostile worker could send
 * instead.
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, test } from 'vitest';
import { MarshalError, readMarshal, writeMarshal } from '../../src-shared/marshal.ts';

let pyodide: PyodideAPI;

beforeAll(async () => {
  pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
}, 60_000);

/** What CPython's marshal writes for the value of the Python expression `source`. */
function dumps(source: string): Uint8Array {
  const proxy = pyodide.runPython(`import marshal\nmarshal.dumps(${source}, 4)`) as {
    toJs(): unknown;
    destroy(): void;
  };
  try {
    return proxy.toJs() as Uint8Array;
  } finally {
    proxy.destroy();
  }
}

/** The value of `source`, as CPython reads back the bytes `writeMarshal` wrote. */
function loads(bytes: Uint8Array): string {
  pyodide.globals.set('written', bytes);
  return String(pyodide.runPython('import marshal\nrepr(marshal.loads(written.to_bytes()))'));
}

describe('what CPython writes reads as the same value', () => {
  test.each<[string, unknown]>([
    ['None', null],
    ['True', true],
    ['False', false],
    ['0', 0],
    ['-7', -7],
    ['2**31 - 1', 2 ** 31 - 1],
    ['-2**31', -(2 ** 31)],
    ['2**31', 2 ** 31],
    ['2**53 - 1', Number.MAX_SAFE_INTEGER],
    ['-(2**53 - 1)', -Number.MAX_SAFE_INTEGER],
    ['0.25', 0.25],
    ['-1e300', -1e300],
    ['float("inf")', Infinity],
    ['""', ''],
    ['"stdout"', 'stdout'],
    ['"x" * 300', 'x'.repeat(300)],
    ['"Привет, мир"', 'Привет, мир'],
    ['"🐍 and … "', '🐍 and … '],
    ['"a lone " + chr(0xdcff) + " surrogate"', 'a lone \udcff surrogate'],
    ['chr(0xd83d)', '\ud83d'],
    ['[]', []],
    ['[1, [2, [3, None]], "a"]', [1, [2, [3, null]], 'a']],
    ['(1, "two")', [1, 'two']],
    ['tuple(range(300))', Array.from({ length: 300 }, (_, i) => i)],
    ['{"type": "ValueError", "message": "bad"}', { type: 'ValueError', message: 'bad' }],
    ['{}', {}],
  ])('%s', (source, value) => {
    expect(readMarshal(dumps(source))).toEqual(value);
  });

  test('a float that is not a number stays one', () => {
    expect(readMarshal(dumps('float("nan")'))).toBeNaN();
  });

  test('values written again are references to the first, read as the same value', () => {
    // Small ints, interned strings, and a list that is held elsewhere are written once.
    const bytes = dumps('[s := "stdout", 5, s, 5, inner := [1, 2], inner, 5]');
    expect(bytes.filter((byte) => byte === 0x72).length).toBeGreaterThanOrEqual(3);
    const value = readMarshal(bytes) as unknown[];
    expect(value).toEqual(['stdout', 5, 'stdout', 5, [1, 2], [1, 2], 5]);
    // A list written again is read as a copy of its own, as JSON would give it.
    expect(value[5]).not.toBe(value[4]);
  });

  test('a dict written again is its own copy, its lists too', () => {
    const value = readMarshal(
      dumps('[d := {"exc": {"type": "E"}, "ints": [1], "__proto__": [2]}, d]'),
    ) as Record<string, unknown>[];
    expect(value[1]).toEqual(value[0]);
    expect(value[1]).not.toBe(value[0]);
    expect(value[1]?.exc).not.toBe(value[0]?.exc);
    expect(value[1]?.ints).not.toBe(value[0]?.ints);
    expect(Object.getOwnPropertyDescriptor(value[1], '__proto__')?.value).toEqual([2]);
  });

  test('a key named __proto__ is the dict’s own, as JSON.parse makes it', () => {
    const value = readMarshal(dumps('{"__proto__": 1, "b": 2}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe(1);
  });

  test('what writeMarshal writes, CPython reads', () => {
    const value = [0, -1, 0.5, 'ü "quoted"', null, true, false, [1, 2], { a: 3 }, 2 ** 31];
    expect(loads(writeMarshal(value))).toBe(
      "[0, -1, 0.5, 'ü \"quoted\"', None, True, False, [1, 2], {'a': 3}, 2147483648.0]",
    );
    expect(readMarshal(writeMarshal(value))).toEqual(value);
  });
});

describe('what a batch cannot hold is refused', () => {
  test.each<[string, string, RegExp]>([
    [
      'a list that holds itself (a cycle)',
      '(l := [], l.append(l), l)[2]',
      /reference is to nothing/,
    ],
    ['a set', '{1, 2}', /type < is not one/],
    ['bytes', 'b"raw"', /type s is not one/],
    ['a complex number', '1j', /type y is not one/],
    ['a dict keyed by ints', '{1: 2}', /key that is not a string/],
    ['an integer past 60 bits', '2**64', /too large/],
    ['lists 65 deep', '(v := [], [v := [v] for _ in range(64)], v)[2]', /nest too deep/],
  ])('%s', (_name, source, reason) => {
    const bytes = dumps(source);
    expect(() => readMarshal(bytes)).toThrow(MarshalError);
    expect(() => readMarshal(bytes)).toThrow(reason);
  });

  test.each<[string, string]>([
    ['one long string', 's = "x" * 100_000\n[s] * 1000'],
    ['one long list', 'l = list(range(10_000))\n[l] * 1000'],
    ['lists of references to lists of references', 'l = [[0] * 100] * 100\n[l] * 100'],
  ])(
    'references that repeat %s a thousand times over (a bomb for the host to check)',
    (_name, source) => {
      const lines = source.split('\n');
      pyodide.runPython(lines.slice(0, -1).join('\n'));
      const bytes = dumps(lines.at(-1) ?? '');
      expect(bytes.length).toBeLessThan(200_000);
      expect(() => readMarshal(bytes)).toThrow(/references repeat too much/);
    },
  );

  test('references that repeat short strings and small ints, as a batch has them, are read', () => {
    const bytes = dumps('[s := "stdout", 5, "handle.run", 7] * 10_000');
    expect((readMarshal(bytes) as unknown[]).length).toBe(40_000);
  });

  test('lists 64 deep are read', () => {
    expect(() =>
      readMarshal(dumps('(v := [], [v := [v] for _ in range(63)], v)[2]')),
    ).not.toThrow();
  });

  test.each<[string, number[], RegExp]>([
    ['nothing', [], /ends early/],
    ['a list cut short', [0x5b, 2, 0, 0, 0, 0x69, 1], /ends early/],
    ['a length past the end', [0x5b, 0xff, 0xff, 0xff, 0x7f], /length is wrong/],
    ['a negative length', [0x75, 0xff, 0xff, 0xff, 0xff], /length is wrong/],
    ['bytes after the value', [0x4e, 0x4e], /bytes follow/],
    ['a reference to nothing written', [0x72, 0, 0, 0, 0], /reference is to nothing/],
    ['a digit of 16 bits', [0x6c, 1, 0, 0, 0, 0xff, 0xff], /wrong digit/],
    ['a string that is not UTF-8', [0x75, 2, 0, 0, 0, 0xc3, 0x28], /not UTF-8/],
    ['an overlong UTF-8 sequence', [0x75, 2, 0, 0, 0, 0xc0, 0xaf], /not UTF-8/],
  ])('%s', (_name, bytes, reason) => {
    expect(() => readMarshal(Uint8Array.from(bytes))).toThrow(reason);
  });
});
