# Closing descriptor 1 closes the terminal to the program: a write to it fails with EBADF, closing
# it again fails, and a print larger than the stream's buffer fails where it is written (as with
# a pipe or a terminal alike). Standard error is still open.
import asyncio
import os
import sys


async def main():
    print("before", flush=True)
    os.close(1)
    try:
        os.write(1, b"lost")
    except OSError as error:
        print("write:", repr(error), error.errno, file=sys.stderr)
    try:
        os.close(1)
    except OSError as error:
        print("close again:", error, file=sys.stderr)
    await asyncio.sleep(0)
    print("x" * 20000)


asyncio.run(main())
