/**
 * Long work cut into slices, so that a page stays responsive while it reads a huge file or
 * indexes a long trace. The work is written once, as a generator that yields wherever it may
 * pause; `finishNow` runs it in one go (the command line, tests), `finishInSlices` gives the
 * event loop a turn whenever a slice has run for `sliceMs` (the pages).
 */

/** Work that yields where it may pause and returns its result at the end. */
export type SlicedWork<T> = Generator<void, T, void>;

/** A slice's length in the pages: well under a frame, so that input is never kept waiting. */
export const SLICE_MS = 12;

/** Runs the work to its end without pausing. */
export function finishNow<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the work, pausing for the event loop each time it has run `sliceMs`; `onPause` is told
 * at each pause (to show progress).
 */
export async function finishInSlices<T>(
  work: SlicedWork<T>,
  { sliceMs = SLICE_MS, onPause }: { sliceMs?: number; onPause?: () => void } = {},
): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      onPause?.();
      await nextTurn();
      started = performance.now();
    }
  }
}

/**
 * Resolves on the event loop's next turn, after input and rendering had their chance. A
 * message, unlike `setTimeout(0)`, is not held back 4 ms once timers nest.
 */
export function nextTurn(): Promise<void> {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
