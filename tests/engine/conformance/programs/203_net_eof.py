# Pins down: the end of a stream: write_eof, read() to EOF, at_eof, readline and readexactly at EOF, and eof_received.
import asyncio


async def handle(reader, writer):
    data = await reader.read()
    print("server read", len(data), "bytes, at_eof:", reader.at_eof())
    print("server readline at EOF:", await reader.readline())
    writer.write(data[::-1])
    writer.write_eof()
    print("server can_write_eof:", writer.can_write_eof())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"abcdef")
    writer.write_eof()
    print("client at_eof before:", reader.at_eof())
    print("client got", await reader.readexactly(4))
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as exc:
        print(type(exc).__name__, exc, exc.partial, exc.expected)
    print("client read:", await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
