# Pins down: a failed task's exception, and the frames of its traceback, are freed the moment
# the program lets go of the task after awaiting it or calling result(), as with the C Task
# (no frame of asyncio's keeps the future in a reference cycle), not at a later collection.
import asyncio

class Tracked:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)

async def failing(name):
    obj = Tracked(name)
    raise ValueError(name)

async def failing_later(name):
    obj = Tracked(name)
    await asyncio.sleep(0)
    raise ValueError(name)

async def main():
    t = asyncio.create_task(failing("done-before-await"))
    await asyncio.sleep(0)
    try:
        await t
    except ValueError:
        print("caught 1")
    del t
    print("after del 1")
    t = asyncio.create_task(failing("result-call"))
    await asyncio.sleep(0)
    try:
        t.result()
    except ValueError:
        print("caught 2")
    del t
    print("after del 2")
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(KeyError("k"))
    try:
        fut.result()
    except KeyError:
        print("caught 3")
    del fut
    print("after del 3")
    t = asyncio.create_task(failing("exception-call"))
    await asyncio.sleep(0)
    e = t.exception()
    print("got", type(e).__name__)
    del t, e
    print("after del 4")
    t = asyncio.create_task(failing_later("thrown-in"))
    try:
        await t
    except ValueError:
        print("caught 5")
    del t
    print("after del 5")
    await asyncio.sleep(0)
    print("end main")

asyncio.run(main())
print("after run")
