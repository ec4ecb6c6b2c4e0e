# Pins down: faulthandler.dump_traceback shows the program's frames and asyncio's, as the C Task runs them, flushing the file first.
import asyncio
import faulthandler
import sys


def report(label):
    print(label, flush=False)
    faulthandler.dump_traceback(file=sys.stdout, all_threads=False)


async def worker():
    await asyncio.sleep(0.1)
    report("in a task")


async def main():
    await asyncio.create_task(worker())
    faulthandler.dump_traceback(all_threads=False)


report("at the top")
asyncio.run(main())
