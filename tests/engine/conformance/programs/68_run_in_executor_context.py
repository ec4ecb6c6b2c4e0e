# Pins down: plain run_in_executor runs in the worker thread's own context, not the task's.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


def first():
    print("first sees", var.get())
    var.set("set by first")


def second():
    print("second sees", var.get())


async def main():
    var.set("task value")
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, first)
    # The same worker thread runs the next call, in its own (persisting) context.
    await loop.run_in_executor(None, second)
    print("task sees", var.get())


asyncio.run(main())
