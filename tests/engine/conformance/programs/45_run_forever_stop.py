# Pins down: new_event_loop + run_forever, stopped by loop.stop() from a callback; callbacks after stop.
import asyncio


def tick(loop, n):
    print("tick", n)
    if n < 3:
        loop.call_later(0.01, tick, loop, n + 1)
    else:
        loop.stop()
        loop.call_soon(print, "scheduled after stop")


def main():
    loop = asyncio.new_event_loop()
    print("running before:", loop.is_running())
    loop.call_soon(tick, loop, 1)
    loop.run_forever()
    print("run_forever returned, running:", loop.is_running(), "closed:", loop.is_closed())
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("second run_forever returned")
    loop.close()
    print("closed:", loop.is_closed())


if __name__ == "__main__":
    main()
