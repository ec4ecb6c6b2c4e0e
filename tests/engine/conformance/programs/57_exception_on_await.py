# Pins down: awaiting a failed task re-raises the same exception object; chained causes survive.
import asyncio


async def fails():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e


async def main():
    t = asyncio.create_task(fails())
    try:
        await t
    except RuntimeError as e:
        print("caught", repr(e), "cause:", repr(e.__cause__))
        print("same object as exception():", e is t.exception())
    try:
        await t
    except RuntimeError as e:
        print("second await raises again:", repr(e))


if __name__ == "__main__":
    asyncio.run(main())
