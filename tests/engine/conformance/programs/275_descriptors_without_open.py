# Pins down: what reaches descriptors 1 and 2 through os functions that open no file (a copy made with os.dup, os.writev, os.dup2 onto a new number) is in order with print, from the first write on.
import asyncio
import os


async def main():
    print("printed first", flush=True)
    copy = os.dup(2)
    os.write(copy, b"to a copy of descriptor 2\n")
    print("printed second", flush=True)
    os.writev(1, [b"os.writev, ", b"two pieces\n"])
    print("printed third", flush=True)
    await asyncio.sleep(0.1)
    os.dup2(1, 9)
    os.write(9, "to descriptor 9, a copy of 1 ✓\n".encode())
    print("printed last", flush=True)
    os.close(9)
    os.close(copy)


asyncio.run(main())
