# A warning C issues (a file left open, freed as a task's coroutine ends) names the frame that
# was running then: natively the loop's Handle._run, as the C Task's step has no frame.
import asyncio
import warnings

warnings.simplefilter("always")


async def opens():
    f = open(__file__)  # noqa: F841 - freed, unclosed, as the coroutine's frame is cleared


async def main():
    await asyncio.create_task(opens())
    print("after")


asyncio.run(main())
