# Pins down: the C accelerator's InvalidStateError and TypeError messages for futures and tasks.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for call in (fut.result, fut.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, repr(e))
    for bad in (42, int, "text"):
        try:
            fut.set_exception(bad)
        except TypeError as e:
            print("set_exception", repr(bad), "->", repr(e))
    fut.set_result(1)
    for call, arg in ((fut.set_result, 2), (fut.set_exception, ValueError())):
        try:
            call(arg)
        except asyncio.InvalidStateError as e:
            print(call.__name__, repr(e))
    task = asyncio.create_task(asyncio.sleep(1))
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("task.result", repr(e))
    for call in (task.set_result, task.set_exception):
        try:
            call(None)
        except RuntimeError as e:
            print(repr(e))
    task.cancel()


asyncio.run(main())
