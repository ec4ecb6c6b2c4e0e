# Pins down: a pool worker takes its next work item at its own time, so the program sees queued
# futures pending, can cancel them, and shutdown(cancel_futures=True) cancels what is queued.
import concurrent.futures as cf
import time


def job(n):
    time.sleep(0.2)
    return n


start = time.monotonic()
pool = cf.ThreadPoolExecutor(max_workers=1)
futures = [pool.submit(job, n) for n in range(4)]
print(futures[0].result(), round(time.monotonic() - start, 1), [f.done() for f in futures])
print("cancel queued:", futures[3].cancel())
print(futures[2].result(), round(time.monotonic() - start, 1))
pool.shutdown()
print([f.cancelled() for f in futures], round(time.monotonic() - start, 1))

pool = cf.ThreadPoolExecutor(max_workers=1)
futures = [pool.submit(job, n) for n in range(4)]
time.sleep(0.05)
pool.shutdown(cancel_futures=True)
print([f.cancelled() for f in futures], round(time.monotonic() - start, 1))
