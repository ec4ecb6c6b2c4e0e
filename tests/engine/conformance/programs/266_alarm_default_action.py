# Pins down: SIGALRM's default action ends the process at once (no atexit, no traceback), and
# the shell reports 128 + 14.
import asyncio
import atexit
import signal

atexit.register(print, "atexit does not run")


async def main():
    print("alarm(1) ->", signal.alarm(1), flush=True)
    try:
        await asyncio.sleep(2)
    finally:
        print("nor does this finally")


asyncio.run(main())
