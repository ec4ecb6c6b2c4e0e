# Every clock of the time module, and logging's relativeCreated, follow the clock that
# asyncio.sleep moves (a virtual one in Loopscope).
import asyncio
import logging
import time

records = []
logging.basicConfig(format="%(message)s")
logging.getLogger().addFilter(lambda record: records.append(record.relativeCreated) or True)
logging.warning("start")
print(0 <= records[0] < 1000)


async def main():
    start, mono = time.time(), time.monotonic()
    await asyncio.sleep(1.5)
    now = time.time()
    print(time.mktime(time.localtime()) == time.mktime(time.localtime(now)))
    print(time.mktime(time.localtime(None)) == time.mktime(time.localtime(now)))
    print(time.gmtime() == time.gmtime(now), time.gmtime(None) == time.gmtime(now))
    print(time.ctime() == time.ctime(now), time.ctime(None) == time.ctime(now))
    print(time.asctime() == time.asctime(time.localtime(now)))
    print(time.strftime("%Y-%m-%d %H:%M:%S") == time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now)))
    for name in ("CLOCK_REALTIME", "CLOCK_TAI"):
        clock = getattr(time, name)
        print(name, abs(time.clock_gettime(clock) - now) < 0.5, abs(time.clock_gettime_ns(clock) / 1e9 - now) < 0.5)
    for name in ("CLOCK_MONOTONIC", "CLOCK_BOOTTIME"):
        clock = getattr(time, name)
        print(name, time.clock_gettime(clock) - mono >= 1.5, type(time.clock_gettime_ns(clock)).__name__)
    print(abs(time.clock_gettime(time.CLOCK_MONOTONIC) - time.monotonic()) < 0.5)
    print(time.clock_gettime(time.CLOCK_MONOTONIC_RAW) > 0, type(time.clock_gettime_ns(time.CLOCK_MONOTONIC_RAW)))
    for name in ("CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID"):
        clock = getattr(time, name)
        print(name, 0 < time.clock_gettime(clock) < 1, type(time.clock_gettime_ns(clock)).__name__)
    print(0 < time.process_time() < 1, 0 < time.thread_time() < 1, type(time.thread_time_ns()).__name__)
    print([time.clock_getres(getattr(time, name)) for name in sorted(dir(time)) if name.startswith("CLOCK_")])
    for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
        print(time.get_clock_info(name))
    for bad in (99, 1.5, "x", 2**40):
        try:
            time.clock_gettime(bad)
        except (OSError, TypeError) as error:
            print(type(error).__name__, error)
    logging.warning("after")
    print(1500 <= records[1] < 2500, records[1] - records[0] >= 1500)


asyncio.run(main())
