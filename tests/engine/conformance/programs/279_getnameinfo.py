# Pins down: socket.getnameinfo names the loopback address from the hosts file and a port from the
# services file, as glibc does (numbers only where asked, or where none is known), and fails as it does.
import socket
print(socket.getnameinfo(('127.0.0.1', 80), 0))
print(socket.getnameinfo(('127.0.0.1', 8080), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(('127.0.0.1', 53), socket.NI_DGRAM))
print(socket.getnameinfo(('127.0.0.1', 9), socket.NI_NAMEREQD))
print(socket.getnameinfo(('127.0.0.1', 4999), 0))
for bad in (('localhost', 22), '127.0.0.1', ('127.0.0.1',), ('127.0.0.1', 'x'), ('127.0.0.1', 70000), ('127.0.0.1', -1), ('127.0.0.1', 80, 0)):
    try:
        print(socket.getnameinfo(bad, 0))
    except Exception as e:
        print(type(e).__name__, e)
