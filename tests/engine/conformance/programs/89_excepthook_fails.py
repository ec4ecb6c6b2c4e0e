# Pins down: when sys.excepthook itself raises, both exceptions are printed.
import sys


def hook(kind, value, tb):
    raise TypeError("the hook is broken")


sys.excepthook = hook
raise ValueError("original problem")
