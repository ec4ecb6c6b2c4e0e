# A lesson that tries not to be stopped: it catches every exception, including the one the
# engine uses to end a run over budget, and carries on.
# expect-outcome: budget
# expect-message: (events|wall-time) budget
# budget: maxWallMs=3000
import asyncio


async def main():
    while True:
        try:
            await asyncio.sleep(0)
        except BaseException:
            pass


while True:
    try:
        asyncio.run(main())
    except BaseException:
        pass
