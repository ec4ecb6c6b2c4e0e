# Pins down: concurrent.futures.wait and as_completed order threads by when they finish.
import concurrent.futures
import time


def job(name, seconds):
    time.sleep(seconds)
    return name


with concurrent.futures.ThreadPoolExecutor() as pool:
    futures = [pool.submit(job, name, s) for name, s in (("slow", 0.3), ("fast", 0.1), ("mid", 0.2))]
    done, pending = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
    print("first done:", [f.result() for f in done], "pending:", len(pending))
    print("in order:", [f.result() for f in concurrent.futures.as_completed(futures)])
