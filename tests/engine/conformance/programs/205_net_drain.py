# Pins down: drain() waits while the transport's write buffer is over its high-water mark, and returns once the reader has taken enough.
import asyncio

SIZE = 16 * 1024 * 1024
received = 0


async def handle(reader, writer):
    global received
    await asyncio.sleep(0.2)
    print("server starts reading")
    while chunk := await reader.read(1 << 20):
        received += len(chunk)
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    transport = writer.transport
    print("limits:", transport.get_write_buffer_limits())
    writer.write(b"x" * SIZE)
    print("buffered after write:", transport.get_write_buffer_size() > 64 * 1024)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await writer.drain()
    print("drain waited for the reader:", round(loop.time() - start, 1) >= 0.2)
    print("buffer now under the high-water mark:", transport.get_write_buffer_size() <= 64 * 1024)
    print("server had read something:", received > 0)
    writer.write_eof()
    await reader.read()
    print("server read everything:", received == SIZE)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
