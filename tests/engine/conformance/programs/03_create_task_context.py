# Pins down: create_task(context=...) runs the task in the given Context; default copies the current one.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")


async def show(label):
    print(f"{label}: sees {var.get()}")
    var.set(f"changed-by-{label}")
    await asyncio.sleep(0)
    print(f"{label}: after sleep sees {var.get()}")


async def main():
    var.set("main-value")
    ctx = contextvars.copy_context()
    var.set("main-later")
    t1 = asyncio.create_task(show("default"))
    t2 = asyncio.create_task(show("explicit"), context=ctx)
    await asyncio.gather(t1, t2)
    print("main sees:", var.get())
    print("ctx sees:", ctx[var])
    t3 = asyncio.create_task(show("again"), context=ctx)
    await t3
    print("ctx now sees:", ctx[var])


asyncio.run(main())
