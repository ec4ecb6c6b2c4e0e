# A TCP connection's end as Linux has it: getpeername() after both FINs or a reset raises
# ENOTCONN (and reprs lose raddr), SO_LINGER 0 makes close() reset the connection, and a TCP
# socket's sendto/recvfrom/recvmsg/makefile/sendfile work.
import socket, time, struct, asyncio
def pair():
    l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
    a = socket.create_connection(l.getsockname())
    b, _ = l.accept()
    l.close()
    return a, b
def peer(s):
    try:
        return s.getpeername()[0]
    except OSError as e:
        return str(e)
a, b = pair()
b.close(); time.sleep(0.01)
print(peer(a), a.recv(10), peer(a))
a.shutdown(socket.SHUT_WR); time.sleep(0.01)
print(peer(a), "raddr" in repr(a))
a.close()
a, b = pair()
a.shutdown(socket.SHUT_WR); time.sleep(0.01)
print(peer(a), peer(b))
b.shutdown(socket.SHUT_WR); time.sleep(0.01)
print(peer(a), peer(b))
a.close(); b.close()
a, b = pair()
b.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
print(b.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER), b.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
b.close(); time.sleep(0.01)
print(peer(a))
try:
    print(a.recv(10))
except OSError as e:
    print(type(e).__name__, e)
print(peer(a))
a.close()
a, b = pair()
b.sendall(b"x"); b.close(); time.sleep(0.01)
a.sendall(b"y"); time.sleep(0.01)
print(peer(a))
a.close()
s = socket.socket()
for v in (1, b"\0" * 4):
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, v)
    except OSError as e:
        print(e)
s.close()
async def main():
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)
    print(await r.read())
    w.write_eof()
    await asyncio.sleep(0.01)
    print("raddr" in repr(w.get_extra_info("socket")), w.get_extra_info("peername")[0])
    w.close(); await w.wait_closed()
    server.close(); await server.wait_closed()
asyncio.run(main())
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
a = socket.create_connection(l.getsockname())
b, _ = l.accept()
print(a.sendto(b"hello", ("1.2.3.4", 9)))
print(b.recvfrom(3))
buf = bytearray(5)
print(b.recvfrom_into(buf), buf)
a.sendto(b"xyz", 0, ("1.2.3.4", 9))
print(b.recvmsg(10))
s = socket.socket()
try:
    s.sendto(b"x", ("127.0.0.1", 9))
except OSError as e:
    print(e)
try:
    s.recvfrom(1)
except OSError as e:
    print(e)
s.close()
a.sendall(b"line one\nline two\n")
with b.makefile("rb") as f:
    print(f.readline(), f.readline())
import io
print(a.sendfile(io.BytesIO(b"from a file")), b.recv(100))
a.close(); b.close(); l.close()
