# Pins down: an exception in a call_soon callback goes to the loop's exception handler; the loop keeps running.
import asyncio


def bad_callback():
    raise ZeroDivisionError("in callback")


def handler(loop, context):
    print("handler got:", sorted(k for k in context if k != "handle"), repr(context["exception"]))
    print("message:", context["message"].split(" ")[0])


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0.01)
    print("exception handler is ours:", loop.get_exception_handler() is handler)


asyncio.run(main())
