# Pins down: threading's locks and queue.SimpleQueue show the C classes' names and reprs.
import queue
import re
import threading


def show(obj):
    text = repr(obj).replace(f"owner={threading.get_ident()} ", "owner=<main thread's ident> ")
    print(re.sub(r"0x[0-9a-f]+", "0x...", text))


print(type(threading.Lock()), threading.Lock)
print(type(threading.RLock()), type(threading.local()))
print(type(queue.SimpleQueue()), queue.SimpleQueue)
lock = threading.Lock()
show(lock)
lock.acquire()
show(lock)
rlock = threading.RLock()
show(rlock)
print(rlock.acquire(), rlock.acquire())
show(rlock)
rlock.release()
rlock.release()
show(rlock)
show(threading.Condition())
show(queue.SimpleQueue())
q = queue.SimpleQueue()
print(hasattr(q, "__dict__"))
q.put(1)
print(q.qsize(), q.empty(), q.get(), q.empty())
print(queue.SimpleQueue[int])
