# Pins down: each task gets a copy of the context at creation; changes in a task do not leak back.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default=None)


async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.05 * (3 - n))
    await log(f"handler {n}")
    return request_id.get()


async def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def main():
    request_id.set("main")
    results = await asyncio.gather(*(handler(n) for n in range(3)))
    print("results:", results)
    await log("main after gather")
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("call_soon sees:", request_id.get()))
    ctx = contextvars.Context()
    loop.call_soon(lambda: print("call_soon with empty context sees:", request_id.get()), context=ctx)
    await asyncio.sleep(0)


asyncio.run(main())
