# Pins down: an uncaught exception in a threading.Thread is printed by threading.excepthook; SystemExit is silent.
import sys
import threading


def crash():
    raise OSError("disk on fire")


def leave():
    sys.exit(3)


for target in (crash, leave):
    t = threading.Thread(target=target, name=f"worker-{target.__name__}")
    t.start()
    t.join()


def hook(args):
    print("custom hook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = hook
t = threading.Thread(target=crash)
t.start()
t.join()
print("main goes on")
