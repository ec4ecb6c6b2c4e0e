# Pins down: at asyncio.run shutdown a task that raises a non-Cancelled error is reported by the handler.
import asyncio


async def noisy():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("noisy: raising ValueError during shutdown cancellation")
        raise ValueError("raised while being cancelled")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("handler:", ctx["message"], repr(ctx["exception"])))
    asyncio.create_task(noisy(), name="noisy-task")
    await asyncio.sleep(0.01)
    print("main returns")


asyncio.run(main())
print("done")
