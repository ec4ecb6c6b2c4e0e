# Pins down: Task done-callbacks run after the task finishes, in order, before an awaiting task resumes.
import asyncio


async def job():
    await asyncio.sleep(0.01)
    print("job returning")
    return "value"


async def main():
    t = asyncio.create_task(job())
    t.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    t.add_done_callback(lambda f: print("callback 2 sees", f.result()))
    print("main awaiting")
    v = await t
    print("main resumed with", v)
    cancelled = asyncio.create_task(job())
    cancelled.add_done_callback(lambda f: print("cancelled callback, cancelled() =", f.cancelled()))
    cancelled.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
