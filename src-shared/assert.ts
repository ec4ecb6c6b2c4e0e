/**
 * Runtime assertions for what the types cannot say. Where a value must exist, the code says so
 * with `assertExists(value, 'why')`, which fails with that reason, rather than with an `as T`
 * cast (or the banned non-null `!`), which fails later and far away, or not at all.
 */

/** The value, which must be neither null nor undefined; `why` says why it must exist. */
export function assertExists<T>(value: T | null | undefined, why: string): T {
  if (value === null || value === undefined) {
    throw new Error(`${why} (found ${value === null ? 'null' : 'undefined'})`);
  }
  return value;
}

/** Whether `value` is one of `values`: a check that narrows, where a cast would only claim. */
export function isOneOf<T>(values: readonly T[], value: unknown): value is T {
  return values.some((candidate) => Object.is(candidate, value));
}

/** Raised in exhaustive switches (over event kinds, outcomes, commands) by a value none handled. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
