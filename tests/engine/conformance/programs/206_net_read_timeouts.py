# Pins down: timeouts around reads from a socket: wait_for and asyncio.timeout cancel the read, and the data that comes later is still there.
# (Elapsed times are printed as ranges: a loaded machine stalls a native run by tens of milliseconds.)
import asyncio


async def handle(reader, writer):
    await asyncio.sleep(0.6)
    writer.write(b"late answer\n")
    await writer.drain()
    await reader.read()
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = loop.time()
    try:
        await asyncio.wait_for(reader.readline(), 0.2)
    except TimeoutError as exc:
        print("wait_for:", type(exc).__name__, 0.2 <= loop.time() - start < 0.45)
    try:
        async with asyncio.timeout(0.1):
            await reader.readline()
    except TimeoutError:
        print("timeout():", 0.3 <= loop.time() - start < 0.5)
    async with asyncio.timeout(1) as cm:
        line = await reader.readline()
    print("then:", line, 0.6 <= loop.time() - start < 1, cm.expired())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
