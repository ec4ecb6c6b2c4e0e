# Pins down: several clients served at once by one server; each answer goes to the client that asked.
import asyncio

log = []


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    log.append(name)
    await asyncio.sleep(0.1 * len(name))
    writer.write(f"hello, {name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    reader, writer = await asyncio.open_connection("localhost", port)
    writer.write(f"{name}\n".encode())
    answer = await reader.readline()
    print(f"{name} heard {answer.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()
    return answer


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        answers = await asyncio.gather(client(port, "Ann"), client(port, "Bo"), client(port, "Cyrilla"))
    print(sorted(log))
    print(answers)


asyncio.run(main())
