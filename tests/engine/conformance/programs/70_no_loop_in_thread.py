# Pins down: inside a worker thread there is no running loop and no current event loop.
import asyncio


def probe():
    for call in (asyncio.get_running_loop, asyncio.current_task, asyncio.get_event_loop):
        try:
            call()
            print(call.__name__, "found a loop")
        except RuntimeError as error:
            print(call.__name__, "RuntimeError:", error)


async def main():
    await asyncio.to_thread(probe)
    print("back in the loop:", asyncio.get_running_loop() is not None)


asyncio.run(main())
