# Pins down: /dev/stdout and /dev/stderr lead to descriptors 1 and 2 as they are: a file opened on them writes in order with print, and once descriptor 1 is closed the path leads nowhere.
import asyncio
import os
import sys


async def main():
    print("printed first", flush=True)
    with open("/dev/stdout", "w") as out:
        out.write("a file on /dev/stdout\n")
    await asyncio.sleep(0.1)
    with open("/dev/stderr", "wb", buffering=0) as err:
        err.write("a file on /dev/stderr ✓\n".encode())
    print("printed after them", flush=True)
    sys.stdout.flush()
    os.close(1)
    try:
        open("/dev/stdout", "w")
    except OSError as error:
        print(type(error).__name__, error.errno, error.strerror, file=sys.stderr)


asyncio.run(main())
