# Pins down: wait_for times out a to_thread call; the thread itself runs on to its end.
import asyncio, time
def slow():
    time.sleep(0.5)
    print("thread still finished")
    return 1
async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(slow), 0.2)
    except TimeoutError:
        print("timed out")
    await asyncio.sleep(0.6)
    print("main done")
asyncio.run(main())
