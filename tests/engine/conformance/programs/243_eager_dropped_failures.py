# An eagerly started task that fails at once is finished when create_task returns: dropped, it
# is freed there and then (CPython 3.14), and its exception is reported before the next line.
# The markers go to stderr, so that the order shows in one stream.
import asyncio
import sys


async def fails():
    raise ValueError("lost")


async def raise_base(exc):
    raise exc


def mark(text):
    print(text, file=sys.stderr, flush=True)


async def main():
    asyncio.create_task(fails(), eager_start=True)
    mark("after the dropped failure")
    try:
        asyncio.create_task(raise_base(SystemExit(3)), eager_start=True)
    except SystemExit as e:
        mark(f"caught SystemExit {e.code}")
    try:
        asyncio.create_task(raise_base(KeyboardInterrupt()), eager_start=True)
    except KeyboardInterrupt:
        mark("caught KeyboardInterrupt")
    t = asyncio.create_task(fails(), eager_start=True)
    mark(f"kept, done: {t.done()}")
    del t
    mark("after del")
    await asyncio.sleep(0)
    mark("end")


asyncio.run(main())
