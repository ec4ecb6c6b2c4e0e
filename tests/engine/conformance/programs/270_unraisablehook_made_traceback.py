# Pins down: an unraisable exception raised in C, with no traceback of its own, reaches the
# program's own sys.unraisablehook with one made from the frame the program sees running (here
# Handle._run, as the C Task runs a step without a frame), never from the engine's; and the
# hook set reads back as the program's function.
import asyncio
import sys
import traceback
import weakref

refs = []


def hook(unraisable):
    tb = unraisable.exc_traceback
    print(unraisable.exc_type.__name__, unraisable.exc_value)
    print("traceback:", [entry.name for entry in traceback.extract_tb(tb)])
    print("frame:", tb.tb_frame.f_code.co_name, tb.tb_next)
    print("same traceback:", unraisable.exc_value.__traceback__ is tb)


sys.unraisablehook = hook
print(sys.unraisablehook is hook, sys.__unraisablehook__ is not hook)


class Thing:
    pass


async def worker():
    thing = Thing()
    # Called with the reference when the object dies: int() of it raises TypeError in C.
    refs.append(weakref.ref(thing, int))


async def main():
    await asyncio.create_task(worker())
    await worker()


asyncio.run(main())
sys.unraisablehook = sys.__unraisablehook__
print(sys.unraisablehook is sys.__unraisablehook__)
