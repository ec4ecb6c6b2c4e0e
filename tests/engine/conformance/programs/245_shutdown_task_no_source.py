import asyncio
def helper(v):
    return int(v)
async def bad():
    return helper("x")
t = None
async def main():
    global t
    t = asyncio.create_task(bad())
    await asyncio.sleep(0)
asyncio.run(main())
print("end")
