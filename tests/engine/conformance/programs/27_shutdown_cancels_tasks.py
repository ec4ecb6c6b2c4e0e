# Pins down: asyncio.run cancels a task still pending when main returns; except/finally run, finally may await.
import asyncio


async def forever():
    try:
        print("forever started")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("forever got CancelledError at shutdown")
        raise
    finally:
        print("forever finally starts, awaiting sleep(0)")
        await asyncio.sleep(0)
        print("forever finally finished")


async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0.01)
    print("main returning")


asyncio.run(main())
print("asyncio.run returned")
