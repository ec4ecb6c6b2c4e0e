# Pins down: threading.local keeps a value per thread, including the executor's threads.
import asyncio
import threading

local = threading.local()
local.value = "main"


def read():
    return getattr(local, "value", "unset")


def write_then_read():
    local.value = "worker"
    return read()


async def main():
    print(await asyncio.to_thread(read))
    print(await asyncio.to_thread(write_then_read))
    print(read())


asyncio.run(main())
