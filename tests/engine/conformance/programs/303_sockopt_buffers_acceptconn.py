# Pins down: getsockopt as Linux answers it: SO_ACCEPTCONN is 1 once listen() was called,
# SO_RCVBUF and SO_SNDBUF have a TCP socket's defaults, and what setsockopt sets is doubled,
# within Linux's least and most (the recording machine's rmem_max and wmem_max, 4 MiB).
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
print("acceptconn", s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
s.listen()
print("acceptconn", s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
c = socket.socket()
print("defaults", c.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF), c.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF))
for size in (1, 8192, 100000, 10**7):
    c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, size)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, size)
    print(size, c.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF), c.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF))
