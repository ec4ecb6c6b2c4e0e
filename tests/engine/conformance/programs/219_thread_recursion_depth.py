# Pins down: code in a thread reaches RecursionError at the depth it does natively, wherever the
# thread was started from (each thread has a stack of its own).
import asyncio
import concurrent.futures
import threading


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def nested(levels):
    return nested(levels - 1) if levels else depth()


found = []
thread = threading.Thread(target=lambda: found.append(depth()))
thread.start()
thread.join()
print("thread", found, "main", depth())
with concurrent.futures.ThreadPoolExecutor(2) as pool:
    print("pool", pool.submit(depth).result(), pool.submit(depth).result(), pool.submit(nested, 50).result())


async def main():
    print("to_thread", await asyncio.to_thread(depth))

    def start_deep(levels):
        if levels:
            return start_deep(levels - 1)
        result = []
        inner = threading.Thread(target=lambda: result.append(depth()))
        inner.start()
        inner.join()
        return result

    print("thread started 100 frames deep", start_deep(100))
    print("task", depth())


asyncio.run(main())
