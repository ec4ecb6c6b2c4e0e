# Pins down: a custom sys.excepthook replaces the default traceback, and the exit status stays 1.
import sys


def hook(kind, value, tb):
    print(f"hook: {kind.__name__}: {value}")
    print("frames:", [frame.name for frame in __import__("traceback").extract_tb(tb)])


def fail():
    raise LookupError("missing")


sys.excepthook = hook
fail()
