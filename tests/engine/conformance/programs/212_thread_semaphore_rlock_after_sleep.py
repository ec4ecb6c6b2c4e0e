# Pins down: a worker that sleeps before taking a Semaphore or an RLock the loop took in the meantime waits for the loop to give it back.
import asyncio
import threading
import time

start = time.monotonic()


def now():
    return round(time.monotonic() - start, 1)


def worker(name, guard):
    time.sleep(0.2)
    with guard:
        print(name, "taken by the worker at", now())


async def share(name, guard, acquire):
    job = asyncio.create_task(asyncio.to_thread(worker, name, guard))
    await asyncio.sleep(0.1)
    acquire()
    print(name, "taken by the loop at", now())
    await asyncio.sleep(0.3)
    guard.release()
    print(name, "given back by the loop at", now())
    await job


async def main():
    semaphore = threading.Semaphore(1)
    await share("semaphore", semaphore, semaphore.acquire)
    rlock = threading.RLock()
    await share("rlock", rlock, rlock.acquire)
    bounded = threading.BoundedSemaphore(1)
    await share("bounded", bounded, lambda: bounded.acquire(timeout=1))


asyncio.run(main())
