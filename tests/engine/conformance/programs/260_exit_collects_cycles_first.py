# Pins down: at exit, after atexit and the streams' flush, the garbage collector runs once
# while the interpreter is whole (PyGC_Collect), before the modules are torn down: a cycle's
# finalizer can still import, and a never-awaited coroutine in a cycle warns at <sys>:0.
import asyncio
import atexit
import sys


class Cycle:
    def __del__(self):
        import colorsys  # not imported before: it needs sys.meta_path

        print("cycle freed:", colorsys.__name__, sys.meta_path is None)


class Global:
    def __del__(self):
        print("global freed:", sys.meta_path is None)


async def never():
    pass


asyncio.run(asyncio.sleep(0))
kept = Global()
atexit.register(print, "atexit")
cycle = Cycle()
cycle.me = cycle
holder = [never()]
holder.append(holder)
del cycle, holder
print("end of program")
