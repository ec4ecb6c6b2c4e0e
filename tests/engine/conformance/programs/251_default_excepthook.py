# The hook a program finds in sys.excepthook is CPython's own (Pyodide's loader puts
# traceback.print_exception there); a program's hook that hands on to it prints natively.
import asyncio
import sys

print(sys.excepthook, sys.excepthook is sys.__excepthook__)


def hook(kind, value, tb):
    print("hook saw", kind.__name__, value)
    sys.__excepthook__(kind, value, tb)


sys.excepthook = hook


async def main():
    await asyncio.sleep(0)
    raise LookupError("gone")


asyncio.run(main())
