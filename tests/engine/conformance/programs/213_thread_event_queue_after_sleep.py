# Pins down: a worker that sleeps and then waits for an Event or a queue.Queue item the loop gave earlier finds it at once, at its own time.
import asyncio
import queue
import threading
import time

start = time.monotonic()


def now():
    return round(time.monotonic() - start, 1)


def wait_event(event):
    time.sleep(0.3)
    print("event seen:", event.wait(1), "at", now())
    return now()


def take(items):
    time.sleep(0.3)
    got = [items.get(timeout=1) for _ in range(2)]
    print("queue gave", got, "at", now())
    return now()


async def main():
    event = threading.Event()
    job = asyncio.create_task(asyncio.to_thread(wait_event, event))
    await asyncio.sleep(0.1)
    event.set()
    print("event set at", now())
    print("worker done at", await job)

    items = queue.Queue()
    job = asyncio.create_task(asyncio.to_thread(take, items))
    for i in range(2):
        await asyncio.sleep(0.1)
        items.put(i)
        print("put", i, "at", now())
    print("worker done at", await job)


asyncio.run(main())
