# Pins down: asyncio functions outside a running loop raise as the C accelerator does.
import asyncio

for call in (asyncio.get_running_loop, asyncio.current_task, asyncio.all_tasks):
    try:
        call()
    except RuntimeError as e:
        print(call.__name__, "RuntimeError:", e)
for name, call in (("get_event_loop()", asyncio.get_event_loop), ("Task(42)", lambda: asyncio.Task(42))):
    try:
        call()
        print(name, "made a loop")
    except (RuntimeError, TypeError) as e:
        print(name, type(e).__name__ + ":", e)
