# Pins down: ThreadPoolExecutor.map in plain sync code: results in order, time in parallel.
import concurrent.futures
import time


def fetch(n):
    time.sleep(0.3)
    return n * n


start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(fetch, range(6))))
print("took", round(time.perf_counter() - start, 1))
