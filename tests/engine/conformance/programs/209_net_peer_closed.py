# Pins down: writing to a connection the peer has closed: the first write goes out, then drain raises ConnectionResetError and the next write BrokenPipeError.
import asyncio


async def rude(reader, writer):
    writer.close()


async def main():
    server = await asyncio.start_server(rude, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("read:", await reader.read())
    for i in range(3):
        writer.write(b"x")
        try:
            await writer.drain()
            print("drained", i)
        except OSError as exc:
            print(type(exc).__name__, exc)
        await asyncio.sleep(0.05)
    print("closing:", writer.is_closing())
    writer.close()
    try:
        await writer.wait_closed()
    except OSError as exc:
        print("wait_closed:", type(exc).__name__, exc)
    server.close()
    await server.wait_closed()


asyncio.run(main())
