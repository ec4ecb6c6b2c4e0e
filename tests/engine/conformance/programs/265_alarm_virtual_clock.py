# Pins down: signal.alarm and setitimer(ITIMER_REAL) deliver SIGALRM to the main thread while
# it waits (time.sleep, the event loop's select): the handler runs, and an exception it raises
# comes out of the wait.
import asyncio
import signal
import time


class Deadline(Exception):
    pass


def give_up(signum, frame):
    print("alarm", signal.Signals(signum).name)
    raise Deadline("too slow")


print("alarm(2) ->", signal.alarm(2), "then alarm(0) ->", signal.alarm(0))
signal.signal(signal.SIGALRM, give_up)
signal.setitimer(signal.ITIMER_REAL, 0.3)
start = time.monotonic()
try:
    time.sleep(5)
except Deadline as error:
    print("sleep interrupted:", error, "after", round(time.monotonic() - start, 1))


async def waits_forever():
    try:
        await asyncio.Event().wait()
    finally:
        print("the waiting task is cancelled")


async def main():
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    await asyncio.gather(asyncio.sleep(0.1), waits_forever())


try:
    asyncio.run(main())
except Deadline as error:
    print("asyncio.run:", error)

ticks = []


def tick(signum, frame):
    ticks.append(round(loop.time() - begin, 1))
    if len(ticks) == 3:
        print("setitimer(0) -> interval", signal.setitimer(signal.ITIMER_REAL, 0)[1])


async def periodic():
    global loop, begin
    loop = asyncio.get_running_loop()
    begin = loop.time()
    signal.signal(signal.SIGALRM, tick)
    print("setitimer ->", signal.setitimer(signal.ITIMER_REAL, 0.2, 0.2))
    await asyncio.sleep(0.7)
    print("ticks", ticks, signal.getitimer(signal.ITIMER_REAL))


asyncio.run(periodic())
signal.signal(signal.SIGALRM, signal.SIG_IGN)
signal.setitimer(signal.ITIMER_REAL, 0.1)
time.sleep(0.2)
print("an ignored alarm changes nothing")
