# Pins down: Lock grants waiters in FIFO order; locked() state.
import asyncio


async def user(name, lock):
    print(f"{name} wants lock")
    async with lock:
        print(f"{name} holds lock")
        await asyncio.sleep(0.01)
        print(f"{name} releases lock")


async def main():
    lock = asyncio.Lock()
    print("locked:", lock.locked())
    await asyncio.gather(user("a", lock), user("b", lock), user("c", lock))
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
