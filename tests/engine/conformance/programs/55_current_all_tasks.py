# Pins down: current_task() inside tasks and callbacks; all_tasks() contents (sorted names).
import asyncio


async def child(name):
    print(name, "current:", asyncio.current_task().get_name())
    await asyncio.sleep(0.01)


async def main():
    print("main current:", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(f"c{i}"), name=f"c{i}") for i in range(3)]
    print("all_tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("in callback current_task:", asyncio.current_task()))
    await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print("all_tasks after gather:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("current_task is main:", asyncio.current_task() is asyncio.current_task(loop))


asyncio.run(main())
