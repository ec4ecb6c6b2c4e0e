"""The loopback network: TCP sockets between the tasks (and threads) of one program, on the
virtual clock.

`socket.socket` is replaced by `VirtualSocket`, whose methods behave as a non-blocking (or
blocking) Linux socket on 127.0.0.1 / ::1 does, with the same errors, and the event loop's
selector (`NetSelector`) polls these sockets. asyncio's own selector event loop, transports,
streams and `sock_*` methods run on top unchanged. Data sent on a connection arrives at the
peer `latency` virtual seconds later (0 unless `loopscope.set_latency` said otherwise).
"""

import collections
import errno
import heapq
import ipaddress
import itertools
import math
import selectors
import socket as socket_module
import warnings
import weakref

import loopscope_errno
import loopscope_threads
from loopscope_errno import LinuxErrno

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

AF_INET = socket_module.AF_INET
AF_INET6 = socket_module.AF_INET6
# Pyodide's socket module has no AF_UNIX; its number is 1 on every POSIX system.
AF_UNIX = getattr(socket_module, "AF_UNIX", 1)
SOCK_STREAM = socket_module.SOCK_STREAM
_real_socket = socket_module.socket
_real_getaddrinfo = socket_module.getaddrinfo

# What one direction of a connection holds, in flight and unread, before `send` would block:
# on Linux's loopback, with its buffers grown by autotuning, about 4 MiB.
CAPACITY = 4 * 1024 * 1024
# Where ephemeral ports begin (Linux's net.ipv4.ip_local_port_range starts at 32768).
FIRST_EPHEMERAL_PORT = 32768
# Each event loop holds three descriptors natively: its epoll object and its self-pipe's two
# sockets. Counting them keeps the descriptor numbers a program prints close to native ones.
LOOP_FDS = 3

NO_NETWORK = (
    "Loopscope has no network: only this program's own loopback sockets "
    "(127.0.0.1, ::1, localhost) can be reached, not {}"
)


_error = loopscope_errno.error


class Network:
    """The run's sockets: descriptors, bound ports, and an order for what happens."""

    def __init__(self):
        # Weak, so that a socket the program drops is freed (and closed) as natively.
        self.fds = weakref.WeakValueDictionary()
        self.used_fds = set()
        self.free_fds = []  # a heap of released descriptors below next_fd
        self.next_fd = 3
        self.bound = {}  # (family, port) -> [sockets bound to it]
        self.next_port = FIRST_EPHEMERAL_PORT
        self.stamps = itertools.count()

    def allocate(self, owner):
        """The lowest free descriptor, as POSIX gives it."""
        if self.free_fds:
            fd = heapq.heappop(self.free_fds)
        else:
            fd = self.next_fd
            self.next_fd += 1
        self.fds[fd] = owner
        self.used_fds.add(fd)
        return fd

    def release(self, fd):
        self.fds.pop(fd, None)
        if fd in self.used_fds:
            self.used_fds.remove(fd)
            heapq.heappush(self.free_fds, fd)

    def ephemeral_port(self, family):
        while True:
            port = self.next_port
            self.next_port = port + 1 if port < 60999 else FIRST_EPHEMERAL_PORT
            if (family, port) not in self.bound:
                return port

    def bind(self, sock, ip, port):
        family = sock.family
        if port == 0:
            port = self.ephemeral_port(family)
        for other in self.bound.get((family, port), ()):
            same = other._local[0] == ip or _is_wildcard(ip) or _is_wildcard(other._local[0])
            reusable = sock._reuse and other._reuse and not other._listening
            if same and not reusable:
                raise _error(OSError, errno.EADDRINUSE)
        self.bound.setdefault((family, port), []).append(sock)
        return port

    def unbind(self, sock):
        key = (sock.family, sock._local[1])
        holders = self.bound.get(key, [])
        if sock in holders:
            holders.remove(sock)
        if not holders:
            self.bound.pop(key, None)

    def listener(self, family, ip, port):
        """The listening socket a connection to (ip, port) reaches, or None."""
        best = None
        for sock in self.bound.get((family, port), ()):
            if sock._listening and not sock._closed:
                if sock._local[0] == ip:
                    return sock
                if _is_wildcard(sock._local[0]):
                    best = sock
        return best


net = Network()


def start_run():
    global net
    net = Network()


def _is_wildcard(ip):
    return ip in ("0.0.0.0", "::")


def _now():
    if rec is None:
        return 0.0  # between runs, only finalizers close sockets
    # A thread's clock runs ahead of the loop's while it works, and stays behind while it waits
    # (the world moves on meanwhile): what it sends leaves at its own time, and what it waits
    # for has arrived once the world's time has come.
    return max(loopscope_threads.sched.current_time(), rec.now)


def _loopback_ip(family, host, port):
    """The address `host` names on this machine's loopback, or the error natively closest to
    "there is no network here"."""
    if family not in (AF_INET, AF_INET6):
        raise OSError(LinuxErrno.of(errno.EAFNOSUPPORT), NO_NETWORK.format(f"a socket of family {family!s}"))
    if host == "localhost":
        return "127.0.0.1" if family == AF_INET else "::1"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        raise socket_module.gaierror(socket_module.EAI_NONAME, NO_NETWORK.format(repr(host))) from None
    if (ip.version == 4) != (family == AF_INET):
        raise _error(OSError, errno.EAFNOSUPPORT)
    if ip.is_unspecified:
        # Linux connects an unspecified address to the loopback.
        return "127.0.0.1" if family == AF_INET else "::1"
    if not ip.is_loopback:
        raise OSError(LinuxErrno.of(errno.ENETUNREACH), NO_NETWORK.format(repr((host, port))))
    return str(ip)


class Inbox:
    """What one end of a connection receives: chunks of data, each with the virtual time it
    arrives, then perhaps the end of the stream (FIN) or a reset (RST)."""

    __slots__ = ("chunks", "size", "eof", "reset")

    def __init__(self):
        self.chunks = collections.deque()  # [arrival, stamp, bytes]
        self.size = 0
        self.eof = None  # (arrival, stamp)
        self.reset = None  # (arrival, stamp)

    def last_arrival(self):
        return self.chunks[-1][0] if self.chunks else 0.0

    def push(self, arrival, data):
        # A connection delivers in order: a chunk never overtakes the one sent before it.
        arrival = max(arrival, self.last_arrival())
        self.chunks.append([arrival, next(net.stamps), data])
        self.size += len(data)

    def readable(self, now):
        """The (time, stamp) since which a read would not block, or None."""
        for mark in (self.chunks[0] if self.chunks else None, self.eof, self.reset):
            if mark is not None and mark[0] <= now:
                return (mark[0], mark[1])
        return None

    def next_change(self, now):
        times = [mark[0] for mark in (self.chunks[0] if self.chunks else None, self.eof, self.reset) if mark]
        later = [t for t in times if t > now]
        return min(later) if later else math.inf


def _address(family, ip, port):
    return (ip, port, 0, 0) if family == AF_INET6 else (ip, port)


class VirtualSocket:
    """A socket of the loopback network, in place of `socket.socket`."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is not None:
            raise OSError(LinuxErrno.of(errno.EBADF), "Loopscope's sockets cannot be made from a file descriptor")
        family = AF_INET if family == -1 else family
        type = SOCK_STREAM if type == -1 else type
        self._family = _enum(socket_module.AddressFamily, family)
        self._type = _enum(socket_module.SocketKind, type)
        self._proto = 0 if proto == -1 else proto
        self._fd = net.allocate(self)
        timeout = socket_module.getdefaulttimeout()
        self._timeout = timeout
        self._closed = False
        self._local = None  # (ip, port) once bound
        self._peer = None  # the other end, once connected
        self._peer_address = None
        self._listening = False
        self._reuse = False
        self._options = {}
        self._backlog = collections.deque()  # [arrival, stamp, server-side socket]
        self._inbox = Inbox()
        self._connected_at = None  # (time, stamp) when a connect completes
        self._error = None  # (time, stamp, errno): SO_ERROR, once it is due
        self._shut_read = False
        self._shut_write = False
        self._room_stamp = (0.0, 0)  # when room to send last appeared
        self._reset = False  # a reset ended the connection: sending is a broken pipe
        self.latency = 0.0

    # --- What Python's socket.socket shows ---------------------------------------------
    __repr__ = _real_socket.__repr__

    family = property(lambda self: self._family)
    type = property(lambda self: self._type)
    proto = property(lambda self: self._proto)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def fileno(self):
        return -1 if self._closed else self._fd

    def __del__(self):
        # As CPython's socket finalizer: a socket the program dropped unclosed is closed, with a
        # ResourceWarning that the default filters hide.
        if not self._closed and self._fd is not None:
            warnings.warn(f"unclosed {self!r}", ResourceWarning, source=self)
            self.close()

    def detach(self):
        raise OSError(LinuxErrno.of(errno.EOPNOTSUPP), "Loopscope's sockets cannot be detached from the engine")

    def dup(self):
        raise OSError(LinuxErrno.of(errno.EOPNOTSUPP), "Loopscope's sockets cannot be duplicated")

    def get_inheritable(self):
        return False

    def set_inheritable(self, inheritable):
        pass

    def gettimeout(self):
        return self._timeout

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError("Timeout value out of range")
        self._timeout = value

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def setsockopt(self, level, option, value, optlen=None):
        self._check_open()
        if level == socket_module.SOL_SOCKET and option == socket_module.SO_REUSEADDR:
            self._reuse = bool(value)
        self._options[(level, option)] = value

    def getsockopt(self, level, option, buflen=None):
        self._check_open()
        if level == socket_module.SOL_SOCKET and option == socket_module.SO_ERROR:
            return LinuxErrno.of(self._take_error() or 0)
        if level == socket_module.SOL_SOCKET and option == socket_module.SO_TYPE:
            return int(self._type)
        return self._options.get((level, option), 0)

    def getsockname(self):
        self._check_open()
        if self._family == AF_UNIX:
            return ""
        if self._local is None:
            return _address(self._family, "0.0.0.0" if self._family == AF_INET else "::", 0)
        return _address(self._family, *self._local)

    def getpeername(self):
        self._check_open()
        if self._peer_address is None or self._connected_at is None:
            raise _error(OSError, errno.ENOTCONN)
        return self._peer_address

    # --- Setting up ----------------------------------------------------------------------
    def bind(self, address):
        self._check_open()
        if self._family == AF_UNIX:
            raise OSError(LinuxErrno.of(errno.EAFNOSUPPORT), NO_NETWORK.format(f"the Unix socket {address!r}"))
        if self._local is not None:
            raise _error(OSError, errno.EINVAL)
        host, port = address[0], address[1]
        if not 0 <= port <= 65535:
            raise OverflowError("bind(): port must be 0-65535.")
        if host in ("", "0.0.0.0", "::"):
            ip = "0.0.0.0" if self._family == AF_INET else "::"
        else:
            try:
                ip = _loopback_ip(self._family, host, port)
            except OSError as error:
                if error.errno != errno.ENETUNREACH:
                    raise
                raise _error(OSError, errno.EADDRNOTAVAIL) from None
        self._local = (ip, net.bind(self, ip, port))

    def listen(self, backlog=128):
        self._check_open()
        if self._local is None:
            self.bind(("", 0))
        self._listening = True

    def connect(self, address):
        error = self.connect_ex(address)
        if error == errno.EINPROGRESS:
            raise _error(BlockingIOError, error)
        if error:
            raise _error(OSError, error)

    def connect_ex(self, address):
        self._check_open()
        if self._connected_at is not None or self._error is not None:
            return errno.EISCONN if self._peer is not None else errno.EALREADY
        if self._family == AF_UNIX:
            raise OSError(LinuxErrno.of(errno.EAFNOSUPPORT), NO_NETWORK.format(f"the Unix socket {address!r}"))
        host, port = address[0], address[1]
        ip = _loopback_ip(self._family, host, port)
        if self._local is None:
            own = "127.0.0.1" if self._family == AF_INET else "::1"
            self._local = (own, net.bind(self, own, 0))
        elif _is_wildcard(self._local[0]):
            self._local = ("127.0.0.1" if self._family == AF_INET else "::1", self._local[1])
        now = _now()
        listener = net.listener(self._family, ip, port)
        if listener is None:
            self._error = (now, next(net.stamps), errno.ECONNREFUSED)
        else:
            self.latency = max(self.latency, listener.latency)
            server_side = VirtualSocket.__new__(VirtualSocket)
            server_side._accepted_from(listener, self, ip, port)
            self._peer = server_side
            self._peer_address = _address(self._family, ip, port)
            arrival = (now + self.latency, next(net.stamps))
            self._connected_at = arrival
            listener._backlog.append([arrival[0], arrival[1], server_side])
        if self.getblocking():
            self._wait(lambda: self._error is not None or self._connected(), "connect")
            return LinuxErrno.of(self._take_error() or 0)
        return LinuxErrno.of(errno.EINPROGRESS)

    def _accepted_from(self, listener, client, ip, port):
        """Makes this the server's end of `client`'s connection (not accepted yet)."""
        VirtualSocket.__init__(self, listener._family, listener._type, listener._proto)
        # The descriptor is given by accept(), as natively.
        net.release(self._fd)
        self._fd = None
        self._local = (ip, port)
        self._peer = client
        self._peer_address = _address(client._family, *client._local)
        self.latency = client.latency
        self._connected_at = (0.0, 0)

    def accept(self):
        self._check_open()
        if not self._listening:
            raise _error(OSError, errno.EINVAL)
        self._wait(lambda: self._backlog and self._backlog[0][0] <= _now(), "accept")
        _, _, conn = self._backlog.popleft()
        conn._fd = net.allocate(conn)
        if socket_module.getdefaulttimeout() is None and self.gettimeout():
            conn.setblocking(True)
        return conn, conn._peer_address

    def _connected(self):
        return self._connected_at is not None and self._connected_at[0] <= _now()

    # --- Data ---------------------------------------------------------------------------
    def send(self, data, flags=0):
        self._check_open()
        code = self._take_error()
        if code:
            raise _error(OSError, code)
        if self._peer is None:
            raise _error(BrokenPipeError if self._connected_at else OSError, errno.ENOTCONN)
        if self._shut_write:
            raise _error(BrokenPipeError, errno.EPIPE)
        data = memoryview(data).cast("B")
        peer = self._peer
        if peer._closed:
            # The peer is gone: the first segment is sent, and its answer is a reset; after
            # the reset, the connection is broken.
            if self._reset:
                raise _error(BrokenPipeError, errno.EPIPE)
            self._error = (_now() + 2 * self.latency, next(net.stamps), errno.EPIPE)
            return len(data)
        self._wait(lambda: self._connected() and peer._inbox.size < CAPACITY, "send")
        count = min(len(data), CAPACITY - peer._inbox.size)
        if count:
            peer._inbox.push(_now() + self.latency, bytes(data[:count]))
        return count

    def sendall(self, data, flags=0):
        data = memoryview(data).cast("B")
        while data:
            data = data[self.send(data) :]

    def sendmsg(self, buffers, ancdata=(), flags=0, address=None):
        return self.send(b"".join(buffers))

    def recv(self, bufsize, flags=0):
        self._check_open()
        if bufsize < 0:
            raise ValueError("negative buffersize in recv")
        code = self._take_error()
        if code:
            raise _error(OSError, code)
        if self._peer is None:
            raise _error(OSError, errno.ENOTCONN)
        inbox = self._inbox
        if self._shut_read and inbox.readable(_now()) is None:
            return b""
        self._wait(lambda: inbox.readable(_now()) is not None, "recv")
        now = _now()
        parts = []
        wanted = bufsize
        chunks = inbox.chunks
        while wanted and chunks and chunks[0][0] <= now:
            chunk = chunks[0]
            data = chunk[2]
            if len(data) <= wanted:
                chunks.popleft()
            else:
                chunk[2] = data[wanted:]
                data = data[:wanted]
            parts.append(data)
            wanted -= len(data)
        if parts:
            data = b"".join(parts)
            inbox.size -= len(data)
            self._peer._room_stamp = (now, next(net.stamps))
            return data
        if inbox.reset is not None and inbox.reset[0] <= now:
            inbox.reset = None
            self._reset = True
            inbox.eof = (now, next(net.stamps))
            raise _error(ConnectionResetError, errno.ECONNRESET)
        return b""

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast("B")
        data = self.recv(nbytes or len(view), flags)
        view[: len(data)] = data
        return len(data)

    def shutdown(self, how):
        self._check_open()
        if self._peer is None:
            raise _error(OSError, errno.ENOTCONN)
        if how in (socket_module.SHUT_RD, socket_module.SHUT_RDWR):
            self._shut_read = True
        if how in (socket_module.SHUT_WR, socket_module.SHUT_RDWR) and not self._shut_write:
            self._shut_write = True
            self._peer._inbox.eof = (max(_now() + self.latency, self._peer._inbox.last_arrival()), next(net.stamps))

    def close(self):
        if self._closed:
            return
        self._closed = True
        if self._fd is not None:
            net.release(self._fd)
        if self._local is not None:
            net.unbind(self)
        now = _now()
        for _, _, conn in self._backlog:
            conn._closed = True
            conn._peer._inbox.reset = (now + conn.latency, next(net.stamps))
        self._backlog.clear()
        peer = self._peer
        if peer is None or peer._closed:
            return
        arrival = (max(now + self.latency, peer._inbox.last_arrival()), next(net.stamps))
        if self._inbox.size:
            # Closing with unread data sends a reset, not the end of the stream (RFC 2525).
            peer._inbox.reset = arrival
        elif not self._shut_write:
            peer._inbox.eof = arrival

    def _check_open(self):
        if self._closed:
            raise _error(OSError, errno.EBADF)

    def _take_error(self):
        error = self._error
        if error is not None and error[0] <= _now():
            self._error = None
            if error[2] == errno.EPIPE:
                self._reset = True
            return error[2]
        return None

    # --- What the selector asks -----------------------------------------------------------
    def ready(self, now, events):
        """The (time, stamp) since which the socket has been ready for each of `events`
        (a mask), as (mask, stamp); mask is 0 when it is not."""
        mask = 0
        stamps = []
        error = self._error is not None and self._error[0] <= now
        if error:
            stamps.append(self._error[:2])
        if events & selectors.EVENT_READ:
            since = None
            if self._listening:
                if self._backlog and self._backlog[0][0] <= now:
                    since = tuple(self._backlog[0][:2])
            elif self._peer is not None:
                since = self._inbox.readable(now)
            if since is not None or error or self._shut_read:
                mask |= selectors.EVENT_READ
                if since is not None:
                    stamps.append(since)
        if events & selectors.EVENT_WRITE:
            if error or (self._connected() and (self._peer._closed or self._peer._inbox.size < CAPACITY)):
                mask |= selectors.EVENT_WRITE
                if not error:
                    stamps.append(max(self._connected_at, self._room_stamp))
        return mask, min(stamps) if stamps else (now, 0)

    def next_change(self, now, events):
        """The earliest virtual time after `now` when the socket may become ready."""
        times = [math.inf]
        if self._error is not None and self._error[0] > now:
            times.append(self._error[0])
        if events & selectors.EVENT_READ:
            if self._backlog:
                times.extend(entry[0] for entry in self._backlog if entry[0] > now)
            times.append(self._inbox.next_change(now))
        if events & selectors.EVENT_WRITE and self._connected_at is not None and self._connected_at[0] > now:
            times.append(self._connected_at[0])
        return min(times)

    def describe(self):
        """The socket's addresses, for the trace."""
        # One end of a Unix socket pair has no address to show ("" for both, as natively).
        local = _show(*self._local) if self._local else None
        peer = _show(*self._peer_address[:2]) if self._peer_address else None
        return local, peer

    # --- Blocking mode -------------------------------------------------------------------
    def _wait(self, ready, what):
        if ready():
            return
        if self._timeout == 0.0:
            raise _error(BlockingIOError, errno.EAGAIN)
        deadline = math.inf if self._timeout is None else _now() + self._timeout
        sched = loopscope_threads.sched
        while not ready():
            now = _now()
            if now >= deadline:
                raise TimeoutError("timed out")
            wake = min(self.next_change(now, selectors.EVENT_READ | selectors.EVENT_WRITE), deadline)
            sched.block(ready, None if wake == math.inf else wake - now)


def _enum(enum, value):
    try:
        return enum(value)
    except ValueError:
        return value


def _show(ip, port):
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """Two connected sockets, as `socket.socketpair()` gives (Linux pairs only Unix sockets)."""
    if family != AF_UNIX:
        raise _error(OSError, errno.EOPNOTSUPP)
    a = VirtualSocket(family, type, proto)
    b = VirtualSocket(family, type, proto)
    for one, other in ((a, b), (b, a)):
        one._peer = other
        one._connected_at = (0.0, 0)
        one._peer_address = ""
    return a, b


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """`socket.getaddrinfo` as glibc answers it on a machine whose only network is its
    loopback, with `127.0.0.1 localhost` in /etc/hosts."""
    if isinstance(port, str):
        port = int(port) if port.isdigit() else socket_module.getservbyname(port)
    port = port or 0
    if isinstance(host, bytes):
        host = host.decode("idna")
    if host is None:
        passive = flags & socket_module.AI_PASSIVE
        ips = [(AF_INET, "0.0.0.0" if passive else "127.0.0.1"), (AF_INET6, "::" if passive else "::1")]
    elif host == "localhost":
        ips = [(AF_INET, "127.0.0.1")] if family != AF_INET6 else [(AF_INET6, "::1")]
    else:
        try:
            ip = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            raise socket_module.gaierror(socket_module.EAI_NONAME, NO_NETWORK.format(repr(host))) from None
        ips = [(AF_INET if ip.version == 4 else AF_INET6, str(ip))]
    kinds = [(type, proto)] if type else [(socket_module.SOCK_STREAM, 6), (socket_module.SOCK_DGRAM, 17), (socket_module.SOCK_RAW, 0)]
    result = []
    for af, ip in ips:
        if family and af != family:
            continue
        for kind, protocol in kinds:
            if kind == socket_module.SOCK_STREAM and not proto:
                protocol = 6
            elif kind == socket_module.SOCK_DGRAM and not proto:
                protocol = 17
            result.append(
                (
                    _enum(socket_module.AddressFamily, af),
                    _enum(socket_module.SocketKind, kind),
                    protocol,
                    "",
                    _address(af, ip, port),
                )
            )
    if not result:
        raise socket_module.gaierror(socket_module.EAI_ADDRFAMILY, "Address family for hostname not supported")
    return result


class NetSelector(selectors._BaseSelectorImpl):
    """The event loop's selector: the loopback network's sockets, on the virtual clock."""

    def __init__(self):
        super().__init__()
        # What the last poll waited on, by descriptor, as the trace described it.
        self._waited = {}

    def waited_change(self, loop_id):
        """The fields of an `io.wait` event when the sockets waited on, or what for, changed
        since the last poll; else None. A busy server's trace records what changed (sockets
        waited on anew or otherwise, by descriptor; descriptors no longer waited on), not
        every socket at every poll."""
        if not self._fd_to_key and not self._waited:
            return None
        waited = {s["fd"]: s for s in self.waited()}
        before = self._waited
        self._waited = waited
        changed = [s for fd, s in waited.items() if before.get(fd) != s]
        removed = sorted(fd for fd in before if fd not in waited)
        if not changed and not removed:
            return None
        return {"loop": loop_id, "sockets": changed, "removed": removed}

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        if key.fd not in net.fds:
            super().unregister(fileobj)
            raise NotImplementedError(
                f"Loopscope's event loop can wait only for its own sockets, not for file descriptor {key.fd}"
            )
        return key

    def select(self, timeout=None):
        return self.poll()

    def poll(self):
        """What is ready now, in the order it became ready (as epoll's ready list keeps it)."""
        now = rec.now
        found = []
        for fd, key in self._fd_to_key.items():
            sock = net.fds.get(fd)
            if sock is None:
                continue
            mask, stamp = sock.ready(now, key.events)
            if mask:
                found.append((stamp, key, mask))
        found.sort(key=lambda entry: entry[0])
        return [(key, mask) for _, key, mask in found]

    def next_change(self):
        now = rec.now
        times = [math.inf]
        for fd, key in self._fd_to_key.items():
            sock = net.fds.get(fd)
            if sock is not None:
                times.append(sock.next_change(now, key.events))
        return min(times)

    def waited(self):
        """The sockets registered, and what for, in descriptor order, as the trace shows them."""
        keys = self._fd_to_key
        return self.describe((keys[fd], keys[fd].events) for fd in sorted(keys))

    def describe(self, pairs):
        sockets = []
        for key, mask in pairs:
            sock = net.fds.get(key.fd)
            local, peer = sock.describe() if sock is not None else (None, None)
            sockets.append(
                {
                    "fd": key.fd,
                    "read": bool(mask & selectors.EVENT_READ),
                    "write": bool(mask & selectors.EVENT_WRITE),
                    "listening": bool(sock is not None and sock._listening),
                    "local": local,
                    "peer": peer,
                }
            )
        return sockets


def _socket_of(target):
    """The socket a lesson names: a socket, a StreamWriter, a transport, or a server."""
    if isinstance(target, VirtualSocket):
        return [target]
    inner = getattr(target, "_sock", None)  # asyncio.TransportSocket
    if isinstance(inner, VirtualSocket):
        return [inner]
    transport = getattr(target, "transport", None)  # asyncio.StreamWriter
    if transport is not None:
        target = transport
    get_extra_info = getattr(target, "get_extra_info", None)
    if get_extra_info is not None:
        sock = get_extra_info("socket")
        if sock is not None:
            return _socket_of(sock)
    sockets = getattr(target, "_sockets", None)  # asyncio.Server
    if sockets:
        return [s for each in sockets for s in _socket_of(each)]
    raise TypeError(
        "set_latency() needs a connection (a StreamWriter, a transport or a socket) or a server, "
        f"not {type(target).__name__}"
    )


def set_latency(target, seconds):
    """Data sent on the connection from now on (both ways) arrives `seconds` later; for a
    server, every connection it accepts from now on has that latency."""
    seconds = float(seconds)
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"latency must be a finite number of seconds, at least 0, not {seconds!r}")
    for sock in _socket_of(target):
        sock.latency = seconds
        if sock._peer is not None:
            sock._peer.latency = seconds


def install():
    """Replaces the socket module's sockets with the loopback network's (once, before the
    snapshot)."""
    # Linux's values of the constants Pyodide's socket module lacks and asyncio uses.
    for name, value in (("AF_UNIX", AF_UNIX), ("SO_REUSEADDR", 2), ("SO_REUSEPORT", 15)):
        if not hasattr(socket_module, name):
            setattr(socket_module, name, value)
    VirtualSocket.__module__ = "socket"
    VirtualSocket.__name__ = VirtualSocket.__qualname__ = "socket"
    socket_module.socket = VirtualSocket
    socket_module.socketpair = socketpair
    socket_module.getaddrinfo = getaddrinfo
