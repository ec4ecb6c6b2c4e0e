# Pins down: to_thread runs the function in a copy of the caller's context; changes stay there.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")


def handler():
    print("thread sees", request.get())
    request.set("changed in thread")
    print("thread now", request.get())


async def main():
    request.set("r-42")
    await asyncio.to_thread(handler)
    print("caller still", request.get())


asyncio.run(main())
