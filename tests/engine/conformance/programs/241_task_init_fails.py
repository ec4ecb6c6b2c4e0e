import asyncio, gc
async def co(): pass
loop = asyncio.new_event_loop()
loop.close()
try:
    asyncio.Task(co(), loop=loop)
except RuntimeError as e:
    print("closed:", e)
gc.collect()
try:
    asyncio.Task(42, loop=loop)
except TypeError as e:
    print("not a coroutine:", e)
gc.collect()
class BadName:
    def __str__(self):
        raise ValueError("no name")
loop2 = asyncio.new_event_loop()
try:
    asyncio.Task(co(), loop=loop2, name=BadName())
except ValueError as e:
    print("bad name:", e)
gc.collect()
loop2.close()
print("end")
