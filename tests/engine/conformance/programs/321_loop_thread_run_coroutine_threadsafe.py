# Pins down: a loop's run_forever in a daemon thread, handed coroutines by the main thread with
# run_coroutine_threadsafe and waited on with future.result(), again and again, then stopped.
import asyncio
import threading
import time

loop = asyncio.new_event_loop()
t = threading.Thread(target=loop.run_forever, daemon=True)
t.start()


async def work(n, delay):
    await asyncio.sleep(delay)
    print("work", n, "in", threading.current_thread().name)
    return n * 2


start = time.monotonic()
print(asyncio.run_coroutine_threadsafe(work(21, 0.1), loop).result(timeout=5))
print(asyncio.run_coroutine_threadsafe(work(1, 0), loop).result())
futures = [asyncio.run_coroutine_threadsafe(work(n, 0.1 * n), loop) for n in (3, 2, 1)]
print([f.result() for f in futures])
expected = 0.4
print("at least", expected, "s:", time.monotonic() - start >= expected)
time.sleep(0.2)
print(asyncio.run_coroutine_threadsafe(work(5, 0.1), loop).result())
expected = 0.7
print("at least", expected, "s:", time.monotonic() - start >= expected)
loop.call_soon_threadsafe(loop.stop)
t.join()
print("running:", loop.is_running(), "alive:", t.is_alive())
loop.close()
