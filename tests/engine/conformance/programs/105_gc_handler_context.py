# Pins down: the exception handler's context when a task is dropped: keys in C order, message first.
import asyncio
import gc


def handler(loop, context):
    print(list(context), context["message"])


async def fails():
    raise KeyError("k")


async def forever():
    await asyncio.Event().wait()


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    del t
    print("after the failed task")
    pending = asyncio.create_task(forever())
    await asyncio.sleep(0)
    del pending
    gc.collect()
    print("after the pending task")


asyncio.run(main())
