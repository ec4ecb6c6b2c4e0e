# Pins down: Future done-callbacks run in registration order via call_soon; remove_done_callback; already-done futures.
import asyncio


def make_cb(label):
    def cb(fut):
        print(f"callback {label}: result={fut.result()}")
    return cb


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    a, b, c = make_cb("a"), make_cb("b"), make_cb("c")
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    fut.add_done_callback(c)
    fut.add_done_callback(b)
    print("removed b:", fut.remove_done_callback(b))
    print("removed b again:", fut.remove_done_callback(b))
    fut.set_result(7)
    print("set_result returned; callbacks not yet run")
    await asyncio.sleep(0)
    print("after sleep(0)")
    fut.add_done_callback(make_cb("late"))
    print("added callback to done future")
    await asyncio.sleep(0)
    try:
        fut.set_result(8)
    except asyncio.InvalidStateError:
        # (message differs between the C and pure-Python Future, so it is not printed)
        print("set_result on a done future -> InvalidStateError")


asyncio.run(main())
