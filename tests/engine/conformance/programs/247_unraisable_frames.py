# Unraisable exceptions (a generator that ignores GeneratorExit, a failing __del__) report the
# frame that was running when they happened: natively never one of asyncio's C Task.
import asyncio
import re
import sys


def hook(unraisable):
    # The header without addresses; the C hook prints the traceback and the exception.
    header = unraisable.err_msg or "Exception ignored in"
    if unraisable.object is not None:
        header += f": {unraisable.object!r}"
    print(re.sub(r" at 0x[0-9a-f]+", "", header), file=sys.stderr)
    sys.__unraisablehook__(type(unraisable)((unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback, None, None)))


sys.unraisablehook = hook


def gen():
    try:
        yield 1
    except GeneratorExit:
        yield 2


class Fails:
    def __del__(self):
        raise ValueError("in __del__")


def mark(text):
    print(text, file=sys.stderr, flush=True)


async def drops_generator():
    g = gen()
    next(g)
    # g is freed as this coroutine's frame is cleared, after it returns


async def drops_object():
    Fails()
    await asyncio.sleep(0)


async def main():
    await asyncio.create_task(drops_generator())
    mark("after the generator task")
    asyncio.create_task(drops_generator(), eager_start=True)
    mark("after the eager generator task")
    await drops_object()
    mark("after the failing __del__")


asyncio.run(main())
mark("end")
