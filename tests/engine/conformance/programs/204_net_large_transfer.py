# Pins down: megabytes through a loopback connection arrive whole and in order, in chunks no larger than the reader asks.
import asyncio
import hashlib

SIZE = 3 * 1024 * 1024 + 7
PAYLOAD = (bytes(range(251)) * (SIZE // 251 + 1))[:SIZE]


async def handle(reader, writer):
    digest = hashlib.sha256()
    total = 0
    biggest = 0
    while chunk := await reader.read(100_000):
        digest.update(chunk)
        total += len(chunk)
        biggest = max(biggest, len(chunk))
    print("server:", total, "bytes, no chunk over 100000:", biggest <= 100_000)
    writer.write(digest.hexdigest().encode())
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = PAYLOAD
    writer.write(payload)
    await writer.drain()
    writer.write_eof()
    answer = await reader.read()
    print("digests match:", answer.decode() == hashlib.sha256(payload).hexdigest())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
