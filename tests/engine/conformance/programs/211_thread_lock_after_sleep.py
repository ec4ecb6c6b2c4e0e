# Pins down: a to_thread worker that sleeps before taking a lock finds it taken by the loop, which came first on the clock, and waits for its release; a lock a worker holds while it sleeps keeps the loop out until then.
import asyncio
import threading
import time

start = time.monotonic()


def now():
    return round(time.monotonic() - start, 1)


lock = threading.Lock()


def worker():
    time.sleep(0.2)
    print("worker wants the lock at", now())
    with lock:
        print("worker has the lock at", now())
    return "worker done at", now()


held = threading.Lock()


def holder():
    with held:
        time.sleep(0.3)


async def main():
    global start
    job = asyncio.create_task(asyncio.to_thread(worker))
    await asyncio.sleep(0.1)
    lock.acquire()
    print("loop has the lock at", now())
    await asyncio.sleep(0.3)
    lock.release()
    print("loop released it at", now())
    print(*await job)

    start = time.monotonic()
    thread_job = asyncio.create_task(asyncio.to_thread(holder))
    await asyncio.sleep(0.1)
    print("timed acquire:", held.acquire(timeout=0.1), now())
    print("blocking acquire:", held.acquire(), now())
    held.release()
    await thread_job


asyncio.run(main())
