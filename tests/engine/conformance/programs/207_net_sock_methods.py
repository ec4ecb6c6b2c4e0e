# Pins down: the loop's low-level socket methods (sock_accept, sock_connect, sock_recv, sock_sendall, sock_recv_into) on non-blocking sockets.
import asyncio
import socket


async def serve(loop, listener):
    conn, addr = await loop.sock_accept(listener)
    print("accepted from", addr[0], "blocking:", conn.getblocking())
    with conn:
        while data := await loop.sock_recv(conn, 1024):
            await loop.sock_sendall(conn, data * 2)
    print("server done")


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    server = asyncio.create_task(serve(loop, listener))
    client = socket.socket()
    client.setblocking(False)
    await loop.sock_connect(client, listener.getsockname())
    print("connected:", client.getpeername() == listener.getsockname())
    await loop.sock_sendall(client, b"ping")
    buffer = bytearray(16)
    count = await loop.sock_recv_into(client, buffer)
    print("got", bytes(buffer[:count]))
    client.shutdown(socket.SHUT_WR)
    print("then", await loop.sock_recv(client, 100))
    await server
    client.close()
    listener.close()
    print(client.fileno(), listener.fileno())


asyncio.run(main())
