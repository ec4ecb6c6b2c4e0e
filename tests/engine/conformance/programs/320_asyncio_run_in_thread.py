# Pins down: an event loop run in a thread (asyncio.run, run_until_complete, and asyncio.run
# through to_thread) waits for its timers on the thread's clock, while the main thread waits.
import asyncio
import threading
import time


async def inner(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done in {threading.current_thread().name}"


def own_loop():
    loop = asyncio.new_event_loop()
    print(loop.run_until_complete(inner("run_until_complete", 0.2)))
    loop.close()


delay = 0.1
start = time.monotonic()
t = threading.Thread(target=lambda: print(asyncio.run(inner("asyncio.run", 0.1))), name="runner")
t.start()
t.join()
print("joined after at least", delay, "s:", time.monotonic() - start >= delay)

delay = 0.2
start = time.monotonic()
t = threading.Thread(target=own_loop, name="owner")
t.start()
t.join()
print("joined after at least", delay, "s:", time.monotonic() - start >= delay)


async def main():
    start = asyncio.get_running_loop().time()
    print(await asyncio.to_thread(asyncio.run, inner("to_thread", 0.3)))
    print("awaited after at least 0.3 s:", asyncio.get_running_loop().time() - start >= 0.3)


asyncio.run(main())
