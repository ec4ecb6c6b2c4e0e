# Pins down: what of a program's own futures, tasks and coroutines asyncio's C code calls: a
# future subclass's result() once, by the task it wakes (awaiting reads the state in C), and no
# attribute of a coroutine object of the program's own class.
import asyncio
import collections.abc


class Traced(asyncio.Future):
    def done(self):
        print("done() called")
        return super().done()

    def result(self):
        print("result() called")
        return super().result()


class TracedTask(asyncio.Task):
    def done(self):
        print("task done() called")
        return super().done()


class Countdown(collections.abc.Coroutine):
    def __init__(self, steps):
        self.steps = steps

    def send(self, value):
        if self.steps == 0:
            raise StopIteration("lift-off")
        self.steps -= 1

    def throw(self, *args):
        raise args[0]

    def __await__(self):
        return self

    def __getattr__(self, name):
        print("the program's code ran: getattr", name)
        raise AttributeError(name)


async def child():
    await asyncio.sleep(0)
    return "child result"


async def main():
    loop = asyncio.get_running_loop()
    pending = Traced()
    loop.call_soon(pending.set_result, 1)
    print("pending:", await pending)
    finished = Traced()
    finished.set_result(2)
    print("finished:", await finished)
    print("task:", await TracedTask(child()))
    print("countdown:", await asyncio.Task(Countdown(3)))


asyncio.run(main())
