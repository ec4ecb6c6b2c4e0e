# Pins down: asyncio.Task(coro, eager_start=True) given no loop fails as _asynciomodule.c's task_init does (it asks its `loop` argument, None, whether it runs: CPython 3.14's _asyncio_Task___init___impl), after naming the task, which is then logged as destroyed while pending; with a loop given it starts at once.
import asyncio


async def quick(i):
    print("start", i)
    if i % 2:
        await asyncio.sleep(0)
    print("end", i)
    return i


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    tasks = [asyncio.create_task(quick(i)) for i in range(4)]
    print([t.done() for t in tasks])
    print(await asyncio.gather(*tasks))
    loop.set_task_factory(None)
    given = asyncio.Task(quick(8), loop=loop, eager_start=True)
    print(given.done(), given)
    await given
    try:
        asyncio.Task(quick(9), eager_start=True)
    except AttributeError as error:
        print("AttributeError:", error)
    print(asyncio.Task(quick(10), loop=loop).get_name())


asyncio.run(main())
