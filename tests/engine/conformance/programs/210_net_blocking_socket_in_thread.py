# Pins down: a blocking socket in a worker thread (socket.create_connection, sendall, recv) talks to an asyncio server on the loop.
import asyncio
import socket


async def handle(reader, writer):
    line = await reader.readline()
    await asyncio.sleep(0.3)
    writer.write(b"re: " + line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


def blocking_client(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        print("thread connected, timeout:", sock.gettimeout())
        sock.sendall(b"from a thread\n")
        answer = b""
        while chunk := sock.recv(4):
            answer += chunk
        return answer


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = loop.time()
    answer = await asyncio.to_thread(blocking_client, port)
    print(answer, "after the server's 0.3 s:", loop.time() - start >= 0.3)
    server.close()
    await server.wait_closed()


asyncio.run(main())
