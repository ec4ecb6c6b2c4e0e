# Pins down: connecting where nothing listens raises ConnectionRefusedError with asyncio's "Connect call failed" message, from every API.
import asyncio
import socket


async def main():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    loop = asyncio.get_running_loop()

    def show(exc):
        print(type(exc).__name__, exc.errno, str(exc).replace(str(port), "PORT"))

    try:
        await asyncio.open_connection("127.0.0.1", port)
    except OSError as exc:
        show(exc)
    try:
        await loop.create_connection(asyncio.Protocol, "localhost", port)
    except OSError as exc:
        show(exc)
    sock = socket.socket()
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, ("127.0.0.1", port))
    except ConnectionRefusedError as exc:
        show(exc)
    finally:
        sock.close()
    with socket.socket() as blocking:
        print(blocking.connect_ex(("127.0.0.1", port)) == 111)


asyncio.run(main())
