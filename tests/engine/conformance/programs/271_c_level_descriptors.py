# Pins down: what C code writes to descriptors 1 and 2 (a file opened on them or on a copy) reaches stdout and stderr, in order with print.
import asyncio
import os
import sys


async def main():
    print("printed first", flush=True)
    with open(1, "w", closefd=False) as out:
        out.write("a file on descriptor 1\n")
    copy = os.fdopen(os.dup(1), "wb", buffering=0)
    copy.write("a copy of it, unbuffered ✓\n".encode())
    copy.close()
    err = open(sys.stderr.fileno(), "w", closefd=False, buffering=1)
    err.write("a file on descriptor 2\n")
    await asyncio.sleep(0.1)
    print("printed after the sleep", flush=True)
    err.write("and descriptor 2 again\n")
    print("last", flush=True)


asyncio.run(main())
