# Pins down: a host name nobody resolves fails as glibc says it (`.invalid` never resolves,
# with or without a network): socket.gaierror [Errno -2] Name or service not known.
import asyncio
import socket


def attempt(label, call, *args):
    try:
        call(*args)
    except OSError as error:
        print(label, type(error).__name__, error.errno, error)


attempt("getaddrinfo", socket.getaddrinfo, "example.invalid", 80)
attempt("gethostbyname", socket.gethostbyname, "no-such-host.invalid")
attempt("create_connection", socket.create_connection, ("nowhere.invalid", 80))


async def main():
    try:
        await asyncio.open_connection("api.invalid", 443)
    except OSError as error:
        print("open_connection", type(error).__name__, error)
    loop = asyncio.get_running_loop()
    try:
        await loop.getaddrinfo("db.invalid", 5432)
    except socket.gaierror as error:
        print("loop.getaddrinfo", error.errno == socket.EAI_NONAME, error.strerror)


asyncio.run(main())
