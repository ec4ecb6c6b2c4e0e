# Pins down: task.cancel(msg) -> CancelledError carries the message inside the task; cancel() return values.
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside task, args:", e.args)
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("cancel() ->", t.cancel("stop now"))
    print("cancelled() right after cancel():", t.cancelled(), "done():", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter caught CancelledError")
    print("cancelled():", t.cancelled())
    print("cancel() on a done task ->", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raised CancelledError, args:", e.args)


asyncio.run(main())
