# Pins down: a program's own subclasses of str, int and float (a task's name, a result, a log
# message, a warning, a delay, an exception's message) reach the output as their values.
import asyncio
import logging
import warnings


class Text(str):
    def __str__(self):
        return self

    def __repr__(self):
        return Text("Text(" + str.__repr__(self) + ")")


class Delay(float):
    pass


class Count(int):
    pass


async def work():
    await asyncio.sleep(Delay(0.1))
    return Text("value")


async def main():
    task = asyncio.create_task(work(), name=Text("named"))
    task.set_name(Text("renamed"))
    print(task.get_name(), await task, repr(task.result()))
    logging.warning(Text("logged"))
    warnings.warn(Text("warned"))
    asyncio.get_running_loop().call_later(Delay(0.1), print, Text("later"))
    await asyncio.sleep(Count(0))
    await asyncio.sleep(0.2)
    raise ValueError(Text("boom"))


asyncio.run(main())
