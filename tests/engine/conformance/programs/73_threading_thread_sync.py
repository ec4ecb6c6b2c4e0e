# Pins down: plain threading.Thread start/join in sync code, on the clock, with names and idents.
import threading
import time


def work(n):
    time.sleep(0.1 * n)
    print("thread", n, "done")


start = time.monotonic()
threads = [threading.Thread(target=work, args=(n,)) for n in (3, 1, 2)]
for t in threads:
    t.start()
print("alive:", [t.is_alive() for t in threads])
for t in threads:
    t.join()
print("alive:", [t.is_alive() for t in threads])
print("took", round(time.monotonic() - start, 1))
print("names", [t.name for t in threads], threading.main_thread().name)
print("idents differ", len({t.ident for t in threads} | {threading.get_ident()}) == 4)
