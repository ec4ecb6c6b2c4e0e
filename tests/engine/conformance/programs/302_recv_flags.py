# Pins down: recv's flags on the loopback network, as Linux has them: MSG_PEEK leaves the data
# to read, MSG_DONTWAIT raises BlockingIOError [Errno 11] on a blocking socket with nothing to
# read, MSG_WAITALL waits for all it asked for (or the end of the stream), and recv(0) returns
# b'' at once, blocking or not, connected or not.
import socket, threading

a, b = socket.socketpair()
a.sendall(b"hello world")
print(b.recv(5, socket.MSG_PEEK), b.recv(100))
try:
    b.recv(5, socket.MSG_DONTWAIT)
except BlockingIOError as e:
    print("dontwait:", e)
print(b.recv(0))
b.setblocking(False)
print(b.recv(0))
b.setblocking(True)
a.sendall(b"abc")
t = threading.Timer(0.05, lambda: a.sendall(b"defgh"))
t.start()
print(b.recv(8, socket.MSG_WAITALL))
t.join()
a.sendall(b"xy")
a.shutdown(socket.SHUT_WR)
print(b.recv(8, socket.MSG_WAITALL), b.recv(8))
buf = bytearray(4)
a2, b2 = socket.socketpair()
a2.sendall(b"peek")
print(b2.recv_into(buf, 4, socket.MSG_PEEK), buf, b2.recvfrom(10, socket.MSG_PEEK)[0], b2.recv(10))
print(socket.socket().recv(0))
