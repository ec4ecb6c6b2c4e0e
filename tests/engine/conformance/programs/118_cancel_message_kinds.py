# Pins down: cancel() messages of any type reach CancelledError.args, and cancelling() counts.
import asyncio


async def sleeper():
    await asyncio.sleep(10)


async def main():
    for msg in ("text", None, 42):
        t = asyncio.create_task(sleeper())
        await asyncio.sleep(0)
        print(t.cancel(msg), t.cancelling())
        try:
            await t
        except asyncio.CancelledError as e:
            print("args:", e.args)
        print("second cancel:", t.cancel(), t.cancelled())


asyncio.run(main())
