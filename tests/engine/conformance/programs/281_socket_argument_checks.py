# Pins down: a socket's arguments are read and checked as the C socket module reads them: an address
# that is no tuple, of the wrong length, a port that is no integer or past 0-65535 (after the host
# is read), a host of the other family, text where bytes go, a timeout or size that is no number.
import socket
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
s = socket.socket()
t("connect str", lambda: s.connect('127.0.0.1'))
t("connect 1-tuple", lambda: s.connect(('127.0.0.1',)))
t("connect port str", lambda: s.connect(('127.0.0.1', '80')))
t("bind str", lambda: s.bind('x'))
t("bind host int", lambda: s.bind((1, 0)))
t("send str", lambda: s.send("text"))
t("sendall str", lambda: s.sendall("text"))
t("recv neg", lambda: s.recv(-1))
t("recv str", lambda: s.recv("1"))
t("settimeout str", lambda: s.settimeout("1"))
t("settimeout neg", lambda: s.settimeout(-1))
t("listen neg", lambda: s.listen(-1))
t("setsockopt bad", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "x"))
s6 = socket.socket(socket.AF_INET6)
t("v6 connect v4 tuple", lambda: s6.connect(('127.0.0.1', 1)))
t("v4 bind ::1", lambda: socket.socket().bind(('::1', 0)))
t("bad host", lambda: socket.socket().connect(('not a host', 80)))
t("gai badport", lambda: socket.getaddrinfo('localhost', 'nosuchservice'))
t("gai none none", lambda: socket.getaddrinfo(None, None))
s.close(); s6.close()
for port in (70000, -1):
    t(f"connect port {port}", lambda: socket.socket().connect(("127.0.0.1", port)))
t("settimeout nan", lambda: socket.socket().settimeout(float("nan")))
t("six-tuple", lambda: socket.socket(socket.AF_INET6).connect(("::1", 1, 0, 0, 0)))
