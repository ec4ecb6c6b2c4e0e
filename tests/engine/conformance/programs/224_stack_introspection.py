# Pins down: the stacks a program looks at (traceback.print_stack, inspect.stack, a task's
# get_stack, logging's funcName and stack_info, warnings' stacklevel) hold its frames and
# asyncio's, as natively: at top level, the program's first frame is the last.
import asyncio
import inspect
import logging
import sys
import traceback
import warnings

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(funcName)s:%(lineno)d %(message)s")


def report(where):
    print("--", where)
    traceback.print_stack(file=sys.stdout)
    print([info.function for info in inspect.stack()])
    logging.warning("from %s", where)
    warnings.warn(f"stacklevel 2 {where}", stacklevel=2)
    warnings.warn(f"stacklevel 9 {where}", stacklevel=9)


report("module")


async def child():
    await asyncio.sleep(1)


async def main():
    report("task")
    task = asyncio.create_task(child())
    await asyncio.sleep(0)
    print([frame.f_code.co_name for frame in task.get_stack()])
    print([frame.f_code.co_name for frame in asyncio.current_task().get_stack()])
    task.cancel()


asyncio.run(main())
