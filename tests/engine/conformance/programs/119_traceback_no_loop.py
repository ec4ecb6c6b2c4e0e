# Pins down: get_running_loop() at top level: the traceback has no frame inside asyncio.
import asyncio

print("before")
asyncio.get_running_loop()
