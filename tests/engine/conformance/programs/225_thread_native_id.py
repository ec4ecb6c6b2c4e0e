# Pins down: threads have native ids: the main thread's is the process id, a started thread's
# another, and threading.get_native_id() says the current thread's.
import asyncio
import os
import threading

main_thread = threading.main_thread()
print(main_thread.native_id == os.getpid(), threading.get_native_id() == os.getpid())
seen = []
thread = threading.Thread(target=lambda: seen.append(threading.get_native_id()))
print("before start:", thread.native_id)
thread.start()
thread.join()
print(seen == [thread.native_id], thread.native_id != os.getpid())


async def main():
    other = await asyncio.to_thread(threading.get_native_id)
    print(other != os.getpid())


asyncio.run(main())
