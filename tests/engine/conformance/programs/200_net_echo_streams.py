# Pins down: an echo server and client on the loopback with asyncio's streams: start_server, open_connection, readline, drain, close and wait_closed.
import asyncio


async def handle(reader, writer):
    host, _ = writer.get_extra_info("peername")
    print("server: connection from", host)
    while line := await reader.readline():
        print("server: got", line)
        writer.write(line.upper())
        await writer.drain()
    print("server: the client closed its end")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in (b"hello\n", b"loop\n"):
        writer.write(word)
        await writer.drain()
        print("client: got", await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("serving:", server.is_serving())


asyncio.run(main())
