# Pins down: asyncio.run cancels every leftover task (one created in main's last step still starts first).
import asyncio

events = []


async def leftover(name, delay):
    events.append(f"{name} started")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        events.append(f"{name} cancelled")
        raise
    finally:
        events.append(f"{name} finally")


async def main():
    for i, d in enumerate((10, 20, 30)):
        asyncio.create_task(leftover(f"t{i}", d))
    await asyncio.sleep(0)
    asyncio.create_task(leftover("created-last", 1))
    print("main returning with", len(asyncio.all_tasks()) - 1, "other tasks")


asyncio.run(main())
# asyncio.run cancels leftovers in all_tasks() (set) order, so sort before printing.
for e in sorted(events):
    print(e)
