# Pins down: a program's own sys.unraisablehook is given the exception's traceback, and the
# stack above it, as natively: traceback and inspect show the program's frames and asyncio's,
# none of the engine's.
import asyncio
import gc
import inspect
import sys
import traceback


def hook(unraisable):
    frame = unraisable.exc_traceback.tb_frame
    print(unraisable.exc_type.__name__, unraisable.exc_value)
    print("traceback:", [entry.name for entry in traceback.extract_tb(unraisable.exc_traceback)])
    print("stack:", [entry.name for entry in traceback.extract_stack(frame)])
    print("outer:", [info.function for info in inspect.getouterframes(frame)])
    print("walk:", [each.f_code.co_name for each, _ in traceback.walk_stack(frame)])
    print("context:", repr(unraisable.exc_value.__context__))


sys.unraisablehook = hook


class Noisy:
    def __del__(self):
        raise ValueError("raised in __del__")


async def worker():
    try:
        raise KeyError("being handled")
    except KeyError:
        noisy = Noisy()
        del noisy


async def main():
    await asyncio.create_task(worker())
    cycle = [Noisy()]
    cycle.append(cycle)
    del cycle
    gc.collect()


asyncio.run(main())
