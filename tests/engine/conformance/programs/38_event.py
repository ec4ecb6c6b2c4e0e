# Pins down: Event.wait() wakes all waiters in order when set(); clear(); wait on a set event returns at once.
import asyncio


async def waiter(name, ev):
    print(f"{name} waiting")
    r = await ev.wait()
    print(f"{name} woke up, wait() returned {r}")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("x", "y", "z")]
    await asyncio.sleep(0.01)
    print("setting event; is_set before:", ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print("already set ->", await ev.wait())
    ev.clear()
    print("after clear:", ev.is_set())


if __name__ == "__main__":
    asyncio.run(main())
