# Pins down: the errors for awaiting a task inside itself, a bad yield, and a foreign loop's future.
import asyncio
import types


@types.coroutine
def bad_yield():
    yield "not a future"


async def uses_bad_yield():
    await bad_yield()


async def main():
    try:
        await asyncio.create_task(uses_bad_yield())
    except RuntimeError as e:
        print("bad yield:", str(e).split(" with ")[-1])
    other = asyncio.new_event_loop()
    foreign = other.create_future()

    async def await_foreign():
        await foreign

    try:
        await asyncio.create_task(await_foreign())
    except RuntimeError as e:
        print("foreign:", "attached to a different loop" in str(e))
    other.close()


asyncio.run(main())
