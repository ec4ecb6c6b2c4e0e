# Pins down: the queue docs' pattern: a daemon worker thread, q.join() in the main thread.
import queue
import threading
import time

q = queue.Queue()


def worker():
    while True:
        item = q.get()
        time.sleep(0.2)
        print("processed", item)
        q.task_done()


threading.Thread(target=worker, daemon=True).start()
for item in ("a", "b", "c"):
    q.put(item)
q.join()
print("all work completed")
