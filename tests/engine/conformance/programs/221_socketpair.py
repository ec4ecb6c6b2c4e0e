# Pins down: socket.socketpair() gives two connected Unix sockets with no address (loop.sock_*
# and streams work on them); Linux pairs no other family.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    left, right = socket.socketpair()
    left.setblocking(False)
    right.setblocking(False)
    reader = asyncio.create_task(loop.sock_recv(right, 10))
    await asyncio.sleep(0)
    await loop.sock_sendall(left, b"ping")
    print(await reader, repr(left.getsockname()), repr(right.getpeername()))
    stream_reader, writer = await asyncio.open_connection(sock=left)
    right.send(b"a line\n")
    print(await stream_reader.readline())
    writer.close()
    await writer.wait_closed()
    right.close()
    try:
        socket.socketpair(socket.AF_INET)
    except OSError as error:
        print(type(error).__name__, error)


asyncio.run(main())
