# Pins down: input() with no stdin raises EOFError after printing its prompt.
import asyncio

try:
    answer = input("name? ")
except EOFError as e:
    print("EOFError:", repr(e))


async def ask():
    return await asyncio.to_thread(input, "in a thread? ")


try:
    asyncio.run(ask())
except EOFError:
    print("EOFError from the thread")
