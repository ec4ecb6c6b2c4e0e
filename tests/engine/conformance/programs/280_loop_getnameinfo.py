# Pins down: loop.getnameinfo answers as socket.getnameinfo does, in the loop's executor.
import asyncio, socket
async def main():
    loop = asyncio.get_running_loop()
    print(await loop.getnameinfo(('127.0.0.1', 80)))
    print(await loop.getnameinfo(('127.0.0.1', 8080), socket.NI_NUMERICSERV))
    try:
        await loop.getnameinfo(('localhost', 1))
    except socket.gaierror as e:
        print("gaierror", e)
asyncio.run(main())
