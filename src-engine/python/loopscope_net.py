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
import operator
import io
import re
import select as select_module
import selectors
import socket as socket_module
import types
import warnings
import weakref
from enum import IntEnum

import loopscope_errno
import loopscope_threads
from loopscope_errno import LinuxErrno

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

AF_INET = socket_module.AF_INET
AF_INET6 = socket_module.AF_INET6
# Pyodide's socket module has no AF_UNIX; its number is 1 on every POSIX system.
AF_UNIX = getattr(socket_module, "AF_UNIX", 1)
SOCK_STREAM = socket_module.SOCK_STREAM
SO_LINGER = 13  # Linux's (and Emscripten's)
SO_ACCEPTCONN = 30
# SO_RCVBUF and SO_SNDBUF: (a TCP socket's default, the least Linux gives), and the most a
# program may ask for (net.core.rmem_max and wmem_max of the machine the suite was recorded on).
_BUFFER_SIZES = {8: (131072, 2304), 7: (16384, 4608)}
_BUFFER_MAX = 4194304
# recv's flags, Linux's numbers.
MSG_PEEK, MSG_DONTWAIT, MSG_WAITALL = 0x2, 0x40, 0x100
_real_socket = socket_module.socket
_real_getaddrinfo = socket_module.getaddrinfo
_real_getservbyname = socket_module.getservbyname
_real_getservbyport = socket_module.getservbyport
_real_inet_pton = socket_module.inet_pton
_real_getnameinfo = socket_module.getnameinfo
_real_inet_ntop = socket_module.inet_ntop
_real_select = select_module.select
_real_poll = select_module.poll

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


NO_SOCKET_TYPE = (
    "Loopscope's network has TCP sockets only (SOCK_STREAM, on the loopback): a socket of type {} "
    "(UDP, raw) is not available here"
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


def _sockaddr(family, address, caller):
    """(host, port) of an AF_INET or AF_INET6 address, read and checked as the C socket
    module's getsockaddrarg reads it (its messages; the port's range once the host is read,
    by `_loopback_ip`'s caller)."""
    if family not in (AF_INET, AF_INET6):
        return address[0], address[1]
    name = "AF_INET" if family == AF_INET else "AF_INET6"
    if not isinstance(address, tuple):
        raise TypeError(f"{caller}(): {name} address must be tuple, not {type(address).__name__}")
    if family == AF_INET and len(address) != 2:
        raise TypeError("AF_INET address must be a pair (host, port)")
    if family == AF_INET6 and not 2 <= len(address) <= 4:
        raise TypeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
    host = address[0]
    if isinstance(host, (bytes, bytearray)):
        host = bytes(host).decode("ascii", "replace")
    elif not isinstance(host, str):
        raise TypeError(f"str, bytes or bytearray expected, not {type(host).__name__}")
    port = operator.index(address[1])
    if not -(2**31) <= port < 2**31:
        raise OverflowError(f"{caller}(): port must be 0-65535.")
    return host, port


def _port_in_range(port, caller):
    if not 0 <= port <= 65535:
        raise OverflowError(f"{caller}(): port must be 0-65535.")


def _bytes_like(data):
    """The bytes of a bytes-like object, or the C module's TypeError for anything else."""
    try:
        return memoryview(data).cast("B")
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


def _loopback_ip(family, host, port):
    """The address `host` names on this machine's loopback, or the error a Linux machine
    whose names no DNS server resolves, and with no route off the loopback, raises."""
    if family not in (AF_INET, AF_INET6):
        raise OSError(LinuxErrno.of(errno.EAFNOSUPPORT), NO_NETWORK.format(f"a socket of family {family!s}"))
    if host == "localhost":
        return "127.0.0.1" if family == AF_INET else "::1"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        raise _gaierror(EAI_NONAME) from None
    if (ip.version == 4) != (family == AF_INET):
        # setipaddr's getaddrinfo for a numeric address of the other family.
        raise _gaierror(EAI_ADDRFAMILY)
    if ip.is_unspecified:
        # Linux connects an unspecified address to the loopback.
        return "127.0.0.1" if family == AF_INET else "::1"
    if not ip.is_loopback:
        raise _error(OSError, errno.ENETUNREACH)
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

    # What __del__ finds of a socket whose __init__ raised.
    _closed = True
    _fd = None
    # Called with a connection's arrival time when it reaches this listening socket (a
    # socketserver thread waiting in serve_forever wakes).
    _waker = None

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is not None:
            raise OSError(LinuxErrno.of(errno.EBADF), "Loopscope's sockets cannot be made from a file descriptor")
        family = AF_INET if family == -1 else family
        type = SOCK_STREAM if type == -1 else type
        if type != SOCK_STREAM:
            kind = _enum(socket_module.SocketKind, type)
            raise OSError(
                LinuxErrno.of(errno.ESOCKTNOSUPPORT),
                NO_SOCKET_TYPE.format(getattr(kind, "name", kind)),
            )
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
        self._refused = False  # a connect was refused: the socket is closed (TCP_CLOSE)
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
            # _PyTime_FromSecondsObject: a float, or an integer.
            if not isinstance(value, float):
                value = operator.index(value)
            elif value != value:
                raise ValueError("Invalid value NaN (not a number)")
            if value < 0:
                raise ValueError("Timeout value out of range")
            value = float(value)
        self._timeout = value

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def setsockopt(self, level, option, value, optlen=None):
        level, option = operator.index(level), operator.index(option)
        if value is not None and not isinstance(value, int):
            _bytes_like(value)
        self._check_open()
        if level == socket_module.SOL_SOCKET and option == SO_LINGER:
            # struct linger {int l_onoff; int l_linger;}: an int, or fewer bytes, is too short.
            if isinstance(value, int) or len(memoryview(value).cast("B")) < 8:
                raise _error(OSError, errno.EINVAL)
            value = bytes(memoryview(value).cast("B")[:8])
        if level == socket_module.SOL_SOCKET and option == socket_module.SO_REUSEADDR:
            self._reuse = bool(value)
        if level == socket_module.SOL_SOCKET and option in _BUFFER_SIZES and isinstance(value, int):
            # Linux doubles the size asked for (for its bookkeeping), within its bounds.
            value = min(max(value, 0), _BUFFER_MAX) * 2
            value = max(value, _BUFFER_SIZES[option][1])
        self._options[(level, option)] = value

    def getsockopt(self, level, option, buflen=None):
        self._check_open()
        if level == socket_module.SOL_SOCKET and option == socket_module.SO_ERROR:
            return LinuxErrno.of(self._take_error() or 0)
        if level == socket_module.SOL_SOCKET and option == socket_module.SO_TYPE:
            return int(self._type)
        if level == socket_module.SOL_SOCKET and option == SO_ACCEPTCONN:
            return int(self._listening)
        if level == socket_module.SOL_SOCKET and option in _BUFFER_SIZES:
            return self._options.get((level, option), _BUFFER_SIZES[option][0])
        if level == socket_module.SOL_SOCKET and option == SO_LINGER:
            linger = self._options.get((level, option), bytes(8))
            return linger[:buflen] if buflen is not None else int.from_bytes(linger[:4], "little", signed=True)
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
        connected = self._connected_at is not None and self._connected_at[0] <= _now()
        if self._peer_address is None or not connected or self._tcp_closed():
            raise _error(OSError, errno.ENOTCONN)
        return self._peer_address

    def _tcp_closed(self):
        """Whether the connection is in Linux's CLOSE state, where getpeername() finds no peer:
        after a reset, or once both ends' FINs have arrived and ours was acknowledged."""
        if self._family == AF_UNIX:
            return False  # a Unix socket keeps its peer
        now = _now()
        inbox = self._inbox
        if self._reset or (inbox.reset is not None and inbox.reset[0] <= now):
            return True
        error = self._error
        if error is not None and error[2] == errno.EPIPE and error[0] <= now:
            return True
        theirs = inbox.eof
        ours = self._peer._inbox.eof if self._shut_write and self._peer is not None else None
        return theirs is not None and ours is not None and theirs[0] <= now and ours[0] + self.latency <= now

    # --- Setting up ----------------------------------------------------------------------
    def bind(self, address):
        self._check_open()
        if self._family == AF_UNIX:
            raise OSError(LinuxErrno.of(errno.EAFNOSUPPORT), NO_NETWORK.format(f"the Unix socket {address!r}"))
        if self._local is not None:
            raise _error(OSError, errno.EINVAL)
        host, port = _sockaddr(self._family, address, "bind")
        if host in ("", "0.0.0.0", "::"):
            ip = "0.0.0.0" if self._family == AF_INET else "::"
        else:
            try:
                ip = _loopback_ip(self._family, host, port)
            except OSError as error:
                if error.errno != errno.ENETUNREACH:
                    raise
                raise _error(OSError, errno.EADDRNOTAVAIL) from None
        _port_in_range(port, "bind")
        self._local = (ip, net.bind(self, ip, port))

    def listen(self, backlog=128):
        self._check_open()
        if self._local is None:
            self.bind(("", 0))
        self._listening = True

    def connect(self, address):
        error = self._connect(address, "connect")
        if error == errno.EINPROGRESS:
            raise _error(BlockingIOError, error)
        if error:
            raise _error(OSError, error)

    def connect_ex(self, address):
        return self._connect(address, "connect_ex")

    def _connect(self, address, caller):
        self._check_open()
        if self._family == AF_UNIX:
            raise OSError(LinuxErrno.of(errno.EAFNOSUPPORT), NO_NETWORK.format(f"the Unix socket {address!r}"))
        host, port = _sockaddr(self._family, address, caller)
        ip = _loopback_ip(self._family, host, port)
        _port_in_range(port, caller)
        if self._connected_at is not None or self._error is not None:
            return errno.EISCONN if self._peer is not None else errno.EALREADY
        if self._local is None:
            own = "127.0.0.1" if self._family == AF_INET else "::1"
            self._local = (own, net.bind(self, own, 0))
        elif _is_wildcard(self._local[0]):
            self._local = ("127.0.0.1" if self._family == AF_INET else "::1", self._local[1])
        now = _now()
        listener = net.listener(self._family, ip, port)
        if listener is None:
            self._error = (now, next(net.stamps), errno.ECONNREFUSED)
            self._refused = True
        else:
            self.latency = max(self.latency, listener.latency)
            server_side = VirtualSocket.__new__(VirtualSocket)
            server_side._accepted_from(listener, self, ip, port)
            self._peer = server_side
            self._peer_address = _address(self._family, ip, port)
            arrival = (now + self.latency, next(net.stamps))
            self._connected_at = arrival
            listener._backlog.append([arrival[0], arrival[1], server_side])
            if listener._waker is not None:
                listener._waker(arrival[0])
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
        data = _bytes_like(data)
        self._check_open()
        code = self._take_error()
        if code:
            raise _error(OSError, code)
        if self._peer is None:
            # Linux's tcp_sendmsg on a socket that is not connected: the pipe is broken.
            raise _error(BrokenPipeError, errno.EPIPE)
        if self._shut_write:
            raise _error(BrokenPipeError, errno.EPIPE)
        peer = self._peer
        if peer._closed:
            # The peer is gone: the first segment is sent, and its answer is a reset; after
            # the reset, the connection is broken.
            if self._reset:
                raise _error(BrokenPipeError, errno.EPIPE)
            self._error = (_now() + 2 * self.latency, next(net.stamps), errno.EPIPE)
            return len(data)
        self._wait(lambda: self._connected() and peer._inbox.size < CAPACITY, "send", bool(flags & MSG_DONTWAIT))
        count = min(len(data), CAPACITY - peer._inbox.size)
        if count:
            peer._inbox.push(_now() + self.latency, bytes(data[:count]))
        return count

    def sendall(self, data, flags=0):
        data = _bytes_like(data)
        while data:
            data = data[self.send(data) :]

    def sendmsg(self, buffers, ancdata=(), flags=0, address=None):
        return self.send(b"".join(buffers))

    def recv(self, bufsize, flags=0):
        bufsize, flags = operator.index(bufsize), operator.index(flags)
        self._check_open()
        if bufsize < 0:
            raise ValueError("negative buffersize in recv")
        if bufsize == 0:
            # Linux's tcp_recvmsg asked for nothing returns at once, whatever the state.
            return b""
        code = self._take_error()
        if code:
            raise _error(OSError, code)
        if self._peer is None:
            raise _error(OSError, errno.ENOTCONN)
        inbox = self._inbox
        if self._shut_read and inbox.readable(_now()) is None:
            return b""
        dontwait = bool(flags & MSG_DONTWAIT)
        self._wait(lambda: inbox.readable(_now()) is not None, "recv", dontwait)
        if flags & MSG_WAITALL and self._timeout is None and not dontwait:
            # Blocking (a socket with a timeout is non-blocking underneath): Linux waits for
            # all of it, the end of the stream, a reset or an error.
            self._wait(lambda: self._all_arrived(bufsize), "recv")
        now = _now()
        parts = []
        wanted = bufsize
        chunks = inbox.chunks
        peek = flags & MSG_PEEK
        for chunk in list(chunks) if peek else ():
            if not wanted or chunk[0] > now:
                break
            parts.append(chunk[2][:wanted])
            wanted -= len(parts[-1])
        while not peek and wanted and chunks and chunks[0][0] <= now:
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
            if not peek:
                inbox.size -= len(data)
                self._peer._room_stamp = (now, next(net.stamps))
            return data
        if inbox.reset is not None and inbox.reset[0] <= now:
            inbox.reset = None
            self._reset = True
            inbox.eof = (now, next(net.stamps))
            raise _error(ConnectionResetError, errno.ECONNRESET)
        return b""

    def _all_arrived(self, count):
        """Whether `count` bytes have arrived, or the stream's end, a reset or an error."""
        now = _now()
        inbox = self._inbox
        if self._error is not None and self._error[0] <= now:
            return True
        for mark in (inbox.eof, inbox.reset):
            if mark is not None and mark[0] <= now:
                return True
        for arrival, _, data in inbox.chunks:
            if arrival > now:
                break
            count -= len(data)
            if count <= 0:
                return True
        return False

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast("B")
        data = self.recv(nbytes or len(view), flags)
        view[: len(data)] = data
        return len(data)

    # A TCP socket's sendto ignores the address (Linux's tcp_sendmsg), and its recvfrom and
    # recvmsg give no sender's address.
    def sendto(self, data, flags_or_address, address=None):
        return self.send(data)

    def recvfrom(self, bufsize, flags=0):
        return self.recv(bufsize, flags), None

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        return self.recv_into(buffer, nbytes, flags), None

    def recvmsg(self, bufsize, ancbufsize=0, flags=0):
        return self.recv(bufsize, flags), [], 0, None

    def recvmsg_into(self, buffers, ancbufsize=0, flags=0):
        views = [memoryview(buffer).cast("B") for buffer in buffers]
        data = self.recv(sum(len(view) for view in views), flags)
        count = len(data)
        for view in views:
            view[: len(data)] = data[: len(view)]
            data = data[len(view) :]
        return count, [], 0, None

    # socket.socket's own makefile() and sendfile() (by send(): there is no descriptor for
    # os.sendfile).
    makefile = _real_socket.makefile
    _decref_socketios = _real_socket._decref_socketios
    _io_refs = 0
    sendfile = _real_socket.sendfile
    _sendfile_use_send = _real_socket._sendfile_use_send
    _check_sendfile_params = _real_socket._check_sendfile_params

    def _sendfile_use_sendfile(self, file, offset=0, count=None):
        raise socket_module._GiveupOnSendfile("Loopscope's sockets have no descriptor for os.sendfile")

    def _real_close(self):
        self.close()

    timeout = property(lambda self: self._timeout)

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
        if self._inbox.size or self._lingers_zero():
            # Closing with unread data sends a reset, not the end of the stream (RFC 2525), as
            # does closing with SO_LINGER on and a zero timeout (an abortive close).
            peer._inbox.reset = arrival
        elif not self._shut_write:
            peer._inbox.eof = arrival

    def _lingers_zero(self):
        linger = self._options.get((socket_module.SOL_SOCKET, SO_LINGER))
        return linger is not None and linger[:4] != bytes(4) and linger[4:8] == bytes(4)

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

    def poll_mask(self, now):
        """What Linux's tcp_poll (unix_poll for a socket pair) says of the socket at `now`: the
        POLL* bits, before they are masked by what the caller asked for."""
        if self._listening:
            return POLLIN | POLLRDNORM if self._backlog and self._backlog[0][0] <= now else 0
        error = self._error is not None and self._error[0] <= now
        inbox = self._inbox
        reset_due = inbox.reset is not None and inbox.reset[0] <= now
        mask = POLLERR if error or reset_due else 0
        unix = self._family == AF_UNIX
        if self._peer is None:
            if self._refused or error:
                # A refused connect leaves the socket closed, both ways shut.
                return mask | POLLIN | POLLRDNORM | POLLRDHUP | POLLOUT | POLLWRNORM | POLLHUP
            # Never connected (TCP_CLOSE): a hang-up, and room to write.
            return mask | POLLOUT | POLLWRNORM | POLLHUP
        if not self._connected():
            return mask  # SYN_SENT
        closed = self._reset or reset_due or (error and self._error[2] == errno.EPIPE)
        eof = inbox.eof is not None and inbox.eof[0] <= now
        receive_shut = closed or eof or self._shut_read
        send_shut = closed or self._shut_write or (unix and self._peer._closed)
        if (receive_shut and send_shut) or (unix and eof):
            mask |= POLLHUP
        if receive_shut:
            mask |= POLLIN | POLLRDNORM | POLLRDHUP
        if inbox.chunks and inbox.chunks[0][0] <= now:
            mask |= POLLIN | POLLRDNORM
        if send_shut or self._peer._closed or self._peer._inbox.size < CAPACITY:
            mask |= POLLOUT | POLLWRNORM | (POLLWRBAND if unix else 0)
        return mask

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

    def _next_change(self):
        return self.next_change(_now(), selectors.EVENT_READ | selectors.EVENT_WRITE)

    def describe(self):
        """The socket's addresses, for the trace."""
        # One end of a Unix socket pair has no address to show ("" for both, as natively).
        local = _show(*self._local) if self._local else None
        peer = _show(*self._peer_address[:2]) if self._peer_address else None
        return local, peer

    # --- Blocking mode -------------------------------------------------------------------
    def _wait(self, ready, what, nonblocking=False):
        if ready():
            return
        if self._timeout == 0.0 or nonblocking:
            raise _error(BlockingIOError, errno.EAGAIN)
        deadline = math.inf if self._timeout is None else _now() + self._timeout
        sched = loopscope_threads.sched
        while not ready():
            now = _now()
            if now >= deadline:
                raise TimeoutError("timed out")
            wake = min(self.next_change(now, selectors.EVENT_READ | selectors.EVENT_WRITE), deadline)
            sched.block(ready, None if wake == math.inf else wake - now, self._next_change)


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


# --- Names: the resolver of a Linux machine whose only network is its loopback -----------------

# glibc's messages for getaddrinfo's errors (gai_strerror), by Linux's numbers.
EAI_BADFLAGS, EAI_NONAME, EAI_FAMILY, EAI_SOCKTYPE, EAI_SERVICE, EAI_ADDRFAMILY = -1, -2, -6, -7, -8, -9
_GAI_MESSAGES = {
    EAI_BADFLAGS: "Bad value for ai_flags",
    EAI_NONAME: "Name or service not known",
    EAI_FAMILY: "ai_family not supported",
    EAI_SOCKTYPE: "ai_socktype not supported",
    EAI_SERVICE: "Servname not supported for ai_socktype",
    EAI_ADDRFAMILY: "Address family for hostname not supported",
}
# The flags glibc's getaddrinfo knows (AI_PASSIVE … AI_NUMERICSERV, with AI_IDN's).
_GAI_FLAGS = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x40 | 0x80 | 0x400
AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_V4MAPPED, AI_NUMERICSERV = 0x1, 0x2, 0x4, 0x8, 0x400
# glibc's gaih_inet_typeproto: (socket type, protocol, any protocol, no service, listed by
# default, protocol name in /etc/services).
_TYPEPROTO = (
    (1, 6, False, False, True, "tcp"),
    (2, 17, False, False, True, "udp"),
    (6, 33, False, False, False, "dccp"),
    (2, 136, False, False, False, "udplite"),
    (1, 132, False, False, False, "sctp"),
    (5, 132, False, False, False, "sctp"),
    (3, 0, True, True, True, "raw"),
)
# The machine's /etc/hosts: `127.0.0.1 localhost` (and no `::1 localhost` line).
_HOSTS = {"localhost": "127.0.0.1"}
# Its network interfaces, for an IPv6 scope (`fe80::1%lo`).
_INTERFACES = {"lo": 1}

# Debian's /etc/services (netbase), as `name port/protocols aliases` (t: tcp, u: udp, s: sctp).
_SERVICES = (
    "tcpmux 1/t;echo 7/tu;discard 9/tu sink null;systat 11/t users;daytime 13/tu;netstat 15/t;"
    "qotd 17/t quote;chargen 19/tu ttytst source;ftp-data 20/t;ftp 21/t;fsp 21/u fspd;ssh 22/t;"
    "telnet 23/t;smtp 25/t mail;time 37/tu timserver;whois 43/t nicname;tacacs 49/tu;"
    "domain 53/tu;bootps 67/u;bootpc 68/u;tftp 69/u;gopher 70/t;finger 79/t;http 80/t www;"
    "kerberos 88/tu kerberos5 krb5 kerberos-sec;iso-tsap 102/t tsap;acr-nema 104/t dicom;"
    "pop3 110/t pop-3;sunrpc 111/tu portmapper;auth 113/t authentication tap ident;"
    "nntp 119/t readnews untp;ntp 123/u;epmap 135/t loc-srv;netbios-ns 137/u;netbios-dgm 138/u;"
    "netbios-ssn 139/t;imap2 143/t imap;snmp 161/tu;snmp-trap 162/tu snmptrap;cmip-man 163/tu;"
    "cmip-agent 164/tu;mailq 174/t;xdmcp 177/u;bgp 179/t;smux 199/t;qmtp 209/t;z3950 210/t wais;"
    "ipx 213/u;ptp-event 319/u;ptp-general 320/u;pawserv 345/t;zserv 346/t;rpc2portmap 369/tu;"
    "codaauth2 370/tu;clearcase 371/u Clearcase;ldap 389/tu;svrloc 427/tu;https 443/tu;"
    "snpp 444/t;microsoft-ds 445/t;kpasswd 464/tu;submissions 465/t ssmtp smtps urd;saft 487/t;"
    "isakmp 500/u;rtsp 554/tu;nqs 607/t;asf-rmcp 623/u;qmqp 628/t;ipp 631/t;ldp 646/tu;"
    "exec 512/t;biff 512/u comsat;login 513/t;who 513/u whod;shell 514/t cmd syslog;syslog 514/u;"
    "printer 515/t spooler;talk 517/u;ntalk 518/u;route 520/u router routed;gdomap 538/tu;"
    "uucp 540/t uucpd;klogin 543/t;kshell 544/t krcmd;dhcpv6-client 546/u;dhcpv6-server 547/u;"
    "afpovertcp 548/t;nntps 563/t snntp;submission 587/t;ldaps 636/tu;tinc 655/tu;silc 706/t;"
    "kerberos-adm 749/t;domain-s 853/tu;rsync 873/t;ftps-data 989/t;ftps 990/t;telnets 992/t;"
    "imaps 993/t;pop3s 995/t;socks 1080/t;proofd 1093/t;rootd 1094/t;openvpn 1194/tu;"
    "rmiregistry 1099/t;lotusnote 1352/t lotusnotes;ms-sql-s 1433/t;ms-sql-m 1434/u;"
    "ingreslock 1524/t;datametrics 1645/tu old-radius;sa-msg-port 1646/tu old-radacct;"
    "kermit 1649/t;groupwise 1677/t;l2f 1701/u l2tp;radius 1812/tu;radius-acct 1813/tu radacct;"
    "cisco-sccp 2000/t;nfs 2049/tu;gnunet 2086/tu;rtcm-sc104 2101/tu;gsigatekeeper 2119/t;"
    "gris 2135/t;cvspserver 2401/t;venus 2430/tu;venus-se 2431/tu;codasrv 2432/tu;"
    "codasrv-se 2433/tu;mon 2583/tu;dict 2628/t;f5-globalsite 2792/t;gsiftp 2811/t;gpsd 2947/t;"
    "gds-db 3050/t gds_db;icpv2 3130/u icp;isns 3205/tu;iscsi-target 3260/t;mysql 3306/t;"
    "ms-wbt-server 3389/t;nut 3493/tu;distcc 3632/t;daap 3689/t;svn 3690/t subversion;"
    "suucp 4031/t;sysrqd 4094/t;sieve 4190/t;epmd 4369/t;remctl 4373/t;f5-iquery 4353/t;"
    "ntske 4460/t;ipsec-nat-t 4500/u;iax 4569/u;mtn 4691/t;radmin-port 4899/t;sip 5060/tu;"
    "sip-tls 5061/tu;xmpp-client 5222/t jabber-client;xmpp-server 5269/t jabber-server;"
    "cfengine 5308/t;mdns 5353/u;postgresql 5432/t postgres;freeciv 5556/t rptp;amqps 5671/t;"
    "amqp 5672/ts;x11 6000/t x11-0;x11-1 6001/t;x11-2 6002/t;x11-3 6003/t;x11-4 6004/t;"
    "x11-5 6005/t;x11-6 6006/t;x11-7 6007/t;gnutella-svc 6346/tu;gnutella-rtr 6347/tu;"
    "redis 6379/t;sge-qmaster 6444/t sge_qmaster;sge-execd 6445/t sge_execd;mysql-proxy 6446/t;"
    "babel 6696/u;ircs-u 6697/t;bbs 7000/t;afs3-fileserver 7000/u;afs3-callback 7001/u;"
    "afs3-prserver 7002/u;afs3-vlserver 7003/u;afs3-kaserver 7004/u;afs3-volser 7005/u;"
    "afs3-bos 7007/u;afs3-update 7008/u;afs3-rmtsys 7009/u;font-service 7100/t xfs;"
    "http-alt 8080/t webcache;puppet 8140/t;bacula-dir 9101/t;bacula-fd 9102/t;bacula-sd 9103/t;"
    "xmms2 9667/t;nbd 10809/t;zabbix-agent 10050/t;zabbix-trapper 10051/t;amanda 10080/t;"
    "dicom 11112/t;hkp 11371/t;db-lsp 17500/t;dcap 22125/t;gsidcap 22128/t;wnn6 22273/t;"
    "kerberos4 750/ut kerberos-iv kdc;kerberos-master 751/u kerberos_master;"
    "kerberos-master 751/t;passwd-server 752/u passwd_server;"
    "krb-prop 754/t krb_prop krb5_prop hprop;zephyr-srv 2102/u;zephyr-clt 2103/u;"
    "zephyr-hm 2104/u;iprop 2121/t;supfilesrv 871/t;supfiledbg 1127/t;poppassd 106/t;"
    "moira-db 775/t moira_db;moira-update 777/t moira_update;moira-ureg 779/u moira_ureg;"
    "spamd 783/t;skkserv 1178/t;predict 1210/u;rmtcfg 1236/t;xtel 1313/t;xtelw 1314/t;"
    "zebrasrv 2600/t;zebra 2601/t;ripd 2602/t;ripngd 2603/t;ospfd 2604/t;bgpd 2605/t;"
    "ospf6d 2606/t;ospfapi 2607/t;isisd 2608/t;fax 4557/t;hylafax 4559/t;munin 4949/t lrrd;"
    "rplay 5555/u;nrpe 5666/t;nsca 5667/t;canna 5680/t;syslog-tls 6514/t;"
    "sane-port 6566/t sane saned;ircd 6667/t;zope-ftp 8021/t;tproxy 8081/t;omniorb 8088/t;"
    "clc-build-daemon 8990/t;xinetd 9098/t;git 9418/t;zope 9673/t;webmin 10000/t;kamanda 10081/t;"
    "amandaidx 10082/t;amidxtape 10083/t;sgi-cmsd 17001/u;sgi-crsd 17002/u;sgi-gcd 17003/u;"
    "sgi-cad 17004/t;binkp 24554/t;asp 27374/tu;csync2 30865/t;dircproxy 57000/t;tfido 60177/t;"
    "fido 60179/t;"
)
_PROTOCOL_LETTERS = {"t": "tcp", "u": "udp", "s": "sctp"}
_services_table = []


def _services():
    """(name, port, protocol, aliases), in /etc/services's order."""
    if not _services_table:
        for entry in "".join(_SERVICES).split(";"):
            if entry:
                name, port_protocols, *aliases = entry.split(" ")
                port, letters = port_protocols.split("/")
                for letter in letters:
                    _services_table.append((name, int(port), _PROTOCOL_LETTERS[letter], aliases))
    return _services_table


def _service_port(name, protocol):
    for entry_name, port, entry_protocol, aliases in _services():
        if (name == entry_name or name in aliases) and (protocol is None or protocol == entry_protocol):
            return port, entry_protocol
    return None


def getservbyname(servicename, protocolname=None, /):
    """socket.getservbyname, from the machine's /etc/services."""
    _validate(_real_getservbyname, servicename, protocolname)
    found = _service_port(servicename, protocolname)
    if found is None:
        raise OSError("service/proto not found")
    return found[0]


def getservbyport(port, protocolname=None, /):
    """socket.getservbyport, from the machine's /etc/services."""
    _validate(_real_getservbyport, port, protocolname)
    for name, entry_port, entry_protocol, _ in _services():
        if entry_port == port and protocolname in (None, entry_protocol):
            return name
    raise OSError("port/proto not found")


def _validate(real, *args):
    """CPython's own checks of the arguments (their TypeError, OverflowError): the real
    function, whose lookup fails without the machine's files, raises them."""
    if args[-1] is None:
        args = args[:-1]
    try:
        real(*args)
    except OSError:
        pass


def _strtoul(text, base):
    """C's strtoul over all of `text`, or None."""
    digits = "0123456789abcdef"[:base]
    if not text or any(c not in digits for c in text.lower()):
        return None
    return int(text, base)


def _inet_aton(text):
    """glibc's inet_aton_exact: `127.1`, `0x7f.1` and `2130706433` are 127.0.0.1."""
    parts = text.split(".")
    if len(parts) > 4:
        return None
    values = []
    for part in parts:
        if part[:2] in ("0x", "0X"):
            value = _strtoul(part[2:], 16)
        elif part[:1] == "0":
            value = _strtoul(part, 8)
        else:
            value = _strtoul(part, 10)
        if value is None:
            return None
        values.append(value)
    last = values.pop()
    if any(value > 255 for value in values) or last >= 1 << (8 * (4 - len(values))):
        return None
    number = 0
    for value in values:
        number = number << 8 | value
    number = number << (8 * (4 - len(values))) | last
    return str(ipaddress.IPv4Address(number))


def _inet6(text):
    """An IPv6 address with its scope (`fe80::1%lo`) as glibc reads it: (address, scope id),
    or None."""
    text, percent, scope = text.partition("%")
    address = _inet_pton6(text)
    if address is None:
        return None
    scope_id = 0
    if percent:
        ip = ipaddress.IPv6Address(address)
        link_local = ip.is_link_local or (ip.is_multicast and (address[1] & 0x0F) in (1, 2))
        if link_local and scope in _INTERFACES:
            scope_id = _INTERFACES[scope]
        elif scope[:1].isdigit() and scope.isdigit() and int(scope) < 2**32:
            scope_id = int(scope)
        else:
            return None
    return _inet_ntop6(address), scope_id


def _inet_pton6(text):
    if not text or "%" in text:
        return None
    try:
        return ipaddress.IPv6Address(text).packed
    except ValueError:
        return None


def _inet_ntop6(packed):
    """glibc's inet_ntop for IPv6: the longest run of zero words (two or more) is `::`, and an
    address of the ::a.b.c.d or ::ffff:a.b.c.d forms ends with its IPv4 address."""
    words = [packed[i] << 8 | packed[i + 1] for i in range(0, 16, 2)]
    best_base, best_len, base, length = -1, 0, -1, 0
    for i, word in enumerate(words + [1]):
        if word == 0 and i < 8:
            if base == -1:
                base, length = i, 0
            length += 1
        elif base != -1:
            if best_base == -1 or length > best_len:
                best_base, best_len = base, length
            base = -1
    if best_len < 2:
        best_base = -1
    out = ""
    for i, word in enumerate(words):
        if best_base != -1 and best_base <= i < best_base + best_len:
            if i == best_base:
                out += ":"
            continue
        if i:
            out += ":"
        if i == 6 and best_base == 0 and (best_len == 6 or (best_len == 5 and words[5] == 0xFFFF)):
            out += ".".join(str(b) for b in packed[12:])
            break
        out += f"{word:x}"
    if best_base != -1 and best_base + best_len == 8:
        out += ":"
    return out


def _gaierror(code, message=None):
    return socket_module.gaierror(code, message or _GAI_MESSAGES[code])


def _service_tuples(service, socktype, protocol, flags):
    """glibc's gaih_inet for the service: [(socket type, protocol, port)], or the error."""
    table = _TYPEPROTO
    chosen = None
    if socktype or protocol:
        for entry in table:
            if (not socktype or socktype == entry[0]) and (not protocol or entry[2] or protocol == entry[1]):
                chosen = entry
                break
        if chosen is None:
            raise _gaierror(EAI_SOCKTYPE if socktype else EAI_SERVICE)

    def proto_of(entry):
        return protocol if entry[2] else entry[1]

    if service is not None:
        if chosen is not None and chosen[3]:
            raise _gaierror(EAI_SERVICE)
        number = _service_number(service)
        if number is None:
            if flags & AI_NUMERICSERV:
                raise _gaierror(EAI_NONAME)
            tuples = []
            for entry in (chosen,) if chosen is not None else table:
                if entry[3]:
                    continue
                found = _service_port(service, entry[5])
                if found is not None:
                    tuples.append((entry[0], proto_of(entry), found[0]))
            if not tuples:
                raise _gaierror(EAI_SERVICE)
            return tuples
        port = number & 0xFFFF
    else:
        port = 0
    if chosen is not None:
        return [(chosen[0], proto_of(chosen), port)]
    return [(entry[0], entry[1], port) for entry in table if entry[4]]


def _service_number(service):
    """The service's number as glibc reads it (strtoul over the whole string, stored in an int
    whose -1 means "look the name up"), or None for a name."""
    if service == "":
        return 0
    match = re.fullmatch(r"[ \t\n\v\f\r]*([+-]?)([0-9]+)", service)
    if match is None:
        return None
    number = min(int(match.group(2)), 2**64 - 1)
    if match.group(1) == "-":
        number = -number % 2**64
    number = (number + 2**31) % 2**32 - 2**31
    return None if number == -1 else number


def _host_addresses(host, family, flags):
    """glibc's gaih_inet for the host: [(family, ip, scope id)] and the canonical name."""
    if host is None:
        if flags & AI_PASSIVE:
            found = [(AF_INET, "0.0.0.0", 0), (AF_INET6, "::", 0)]
        else:
            found = [(AF_INET6, "::1", 0), (AF_INET, "127.0.0.1", 0)]
        return [entry for entry in found if family in (0, entry[0])], None
    ip = _inet_aton(host)
    if ip is not None:
        if family in (0, AF_INET):
            return [(AF_INET, ip, 0)], host
        if flags & AI_V4MAPPED:
            return [(AF_INET6, "::ffff:" + ip, 0)], host
        raise _gaierror(EAI_ADDRFAMILY)
    v6 = _inet6(host)
    if v6 is not None:
        if family in (0, AF_INET6):
            return [(AF_INET6, v6[0], v6[1])], host
        raise _gaierror(EAI_ADDRFAMILY)
    if flags & AI_NUMERICHOST:
        raise _gaierror(EAI_NONAME)
    ip = _HOSTS.get(host.lower())
    if ip is None:
        # Not in /etc/hosts, and no DNS server answers for it.
        raise _gaierror(EAI_NONAME)
    if family in (0, AF_INET):
        return [(AF_INET, ip, 0)], "localhost"
    if flags & AI_V4MAPPED:
        return [(AF_INET6, "::ffff:" + ip, 0)], "localhost"
    raise _gaierror(EAI_NONAME)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """`socket.getaddrinfo` as glibc answers it on a machine whose only network is its
    loopback, with `127.0.0.1 localhost` in /etc/hosts."""
    if host is None:
        pass
    elif isinstance(host, str):
        host = host.encode("idna").decode("ascii")
    elif isinstance(host, bytes):
        host = host.decode("latin-1")
    else:
        raise TypeError("getaddrinfo() argument 1 must be string or None")
    if isinstance(port, int):
        port = str(operator.index(port))
        if not -(2**63) <= int(port) < 2**63:
            raise OverflowError("Python int too large to convert to C long")
    elif isinstance(port, str):
        port.encode("utf-8")
    elif isinstance(port, bytes):
        port = port.decode("latin-1")
    elif port is not None:
        raise OSError("Int or String expected")
    family, type, proto, flags = (operator.index(value) for value in (family, type, proto, flags))
    if family not in (0, AF_INET, AF_INET6):
        raise _gaierror(EAI_FAMILY)
    if flags & ~_GAI_FLAGS:
        raise _gaierror(EAI_BADFLAGS)
    if host is None and port is None:
        raise _gaierror(EAI_NONAME)
    if flags & AI_CANONNAME and host is None:
        raise _gaierror(EAI_BADFLAGS)
    if port is not None and _service_number(port) is None and flags & AI_NUMERICSERV:
        raise _gaierror(EAI_NONAME)
    tuples = _service_tuples(port, type, proto, flags)
    addresses, canonical = _host_addresses(host, family, flags)
    result = []
    for af, ip, scope in addresses:
        for kind, protocol, number in tuples:
            name = canonical if flags & AI_CANONNAME and not result else ""
            address = (ip, number, 0, scope) if af == AF_INET6 else (ip, number)
            result.append((_enum(socket_module.AddressFamily, af), _enum(socket_module.SocketKind, kind), protocol, name, address))
    return result


def _setipaddr(name, family):
    """CPython's setipaddr: the address `name` names, for gethostbyname and its kin."""
    if name == "":
        return (AF_INET, "0.0.0.0") if family != AF_INET6 else (AF_INET6, "::")
    if name in ("255.255.255.255", "<broadcast>"):
        return AF_INET, "255.255.255.255"
    if family in (0, AF_INET):
        try:
            return AF_INET, str(ipaddress.IPv4Address(name))
        except ValueError:
            pass
    if family in (0, AF_INET6) and _inet_pton6(name) is not None:
        return AF_INET6, _inet_ntop6(_inet_pton6(name))
    entry = getaddrinfo(name, None, family)[0]
    return entry[0], entry[4][0]


def _hostname_arg(name, function):
    if isinstance(name, str):
        return name.encode("idna").decode("ascii")
    if isinstance(name, (bytes, bytearray)):
        return bytes(name).decode("latin-1")
    raise TypeError(f"{function}() argument 1 must be str, bytes or bytearray, not {type(name).__name__}")


class _HostErrno(int):
    """h_errno's HOST_NOT_FOUND, 1: not an errno, which loopscope_errno would make Linux's
    (it converts the numbers of exceptions whose number is exactly an int)."""

    __slots__ = ()
    __repr__ = __str__ = int.__repr__


def gethostbyname(hostname, /):
    return _setipaddr(_hostname_arg(hostname, "gethostbyname"), AF_INET)[1]


def gethostbyname_ex(hostname, /):
    name = _hostname_arg(hostname, "gethostbyname_ex")
    ip = _setipaddr(name, AF_INET)[1]
    if name.lower() in _HOSTS:
        return "localhost", [], [ip]
    return name, [], [ip]


def gethostbyaddr(ip_address, /):
    family, ip = _setipaddr(_hostname_arg(ip_address, "gethostbyaddr"), 0)
    names = [host for host, address in _HOSTS.items() if address == ip]
    if not names:
        raise socket_module.herror(_HostErrno(1), "Unknown host")
    return names[0], [], [ip]


def getnameinfo(sockaddr, flags, /):
    """socket.getnameinfo as glibc answers it on the machine: an address's name from its hosts
    file, a port's from its services (Pyodide's answers numbers only). The address itself is
    read, and checked, by the real function."""
    numeric = socket_module.NI_NUMERICHOST | socket_module.NI_NUMERICSERV
    try:
        host, port = _real_getnameinfo(sockaddr, (flags & ~socket_module.NI_NAMEREQD) | numeric)
    except socket_module.gaierror as error:
        raise _gaierror(error.errno) if error.errno in _GAI_MESSAGES else error from None
    # glibc reads the port as the text of its number: a negative one is no number, but a
    # service's name, which there is none of; a larger one is kept to 16 bits (70000 is 4464).
    number = operator.index(tuple.__getitem__(sockaddr, 1))
    if number < 0:
        raise _gaierror(EAI_SERVICE)
    port = str(number & 0xFFFF)
    if not flags & socket_module.NI_NUMERICHOST:
        names = [name for name, address in _HOSTS.items() if address == host]
        if names:
            host = names[0]
        elif flags & socket_module.NI_NAMEREQD:
            raise _gaierror(EAI_NONAME)
    if not flags & socket_module.NI_NUMERICSERV:
        try:
            port = getservbyport(int(port), "udp" if flags & socket_module.NI_DGRAM else "tcp")
        except OSError:
            pass
    return host, port


def inet_pton(address_family, ip_string, /):
    if address_family != AF_INET6:
        return _real_inet_pton(address_family, ip_string)
    if not isinstance(ip_string, str):
        raise TypeError(f"inet_pton() argument 2 must be str, not {type(ip_string).__name__}")
    packed = _inet_pton6(ip_string)
    if packed is None:
        raise OSError("illegal IP address string passed to inet_pton")
    return packed


def inet_ntop(address_family, packed_ip, /):
    if address_family != AF_INET6:
        return _real_inet_ntop(address_family, packed_ip)
    packed = bytes(memoryview(packed_ip))
    if len(packed) != 16:
        raise ValueError("invalid length of packed IP address string")
    return _inet_ntop6(packed)


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
        if not isinstance(net.fds.get(key.fd), VirtualSocket):
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


# --- select, poll and epoll: the select module, for the loopback network's sockets too -------

# Linux's poll(2) and epoll(7) bits (the select module's constants have these values).
POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
POLLRDNORM, POLLRDBAND, POLLWRNORM, POLLWRBAND, POLLMSG, POLLRDHUP = 0x40, 0x80, 0x100, 0x200, 0x400, 0x2000
EPOLLEXCLUSIVE, EPOLLONESHOT, EPOLLET, EPOLL_CLOEXEC = 1 << 28, 1 << 30, 1 << 31, 0o2000000
# What select(2) counts as readable, writable and exceptional (fs/select.c).
_SELECT_IN = POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR
_SELECT_OUT = POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR
FD_SETSIZE = 1024


def _fileno(obj):
    """CPython's PyObject_AsFileDescriptor."""
    if isinstance(obj, int):
        fd = operator.index(obj)
        if not -(2**31) <= fd < 2**31:
            raise OverflowError("Python int too large to convert to C int")
    elif hasattr(type(obj), "fileno"):
        fd = obj.fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
        if not -(2**31) <= fd < 2**31:
            raise OverflowError("Python int too large to convert to C int")
    else:
        raise TypeError("argument must be an int, or have a fileno() method.")
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


def _virtual(obj, fd):
    """The loopback network's socket behind `obj` (descriptor `fd`), or None for a descriptor
    of the real file system (a pipe, a file, the terminal)."""
    if isinstance(obj, VirtualSocket):
        return obj
    if isinstance(obj, io.IOBase):
        return None
    sock = net.fds.get(fd)
    return sock if isinstance(sock, VirtualSocket) else None


def _timeout_seconds(timeout, message):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        try:
            timeout = operator.index(timeout)
        except TypeError:
            raise TypeError(message) from None
    if isinstance(timeout, float) and math.isnan(timeout):
        raise ValueError("Invalid value NaN (not a number)")
    return float(timeout)


def _wait_io(check, sockets, timeout):
    """`check()` (a list: what is ready), once it is not empty or `timeout` seconds (None:
    for ever) have passed on the current thread's clock. The wait moves the world on, as a
    blocking socket call's does: other threads run, the loop runs its iterations (when a
    thread waits), the clock moves to the next arrival."""
    result = check()
    if result or (timeout is not None and timeout <= 0):
        return result
    sched = loopscope_threads.sched
    deadline = math.inf if timeout is None else _now() + timeout
    events = selectors.EVENT_READ | selectors.EVENT_WRITE
    while True:
        now = _now()
        if now >= deadline:
            return result
        wake = min([deadline] + [sock.next_change(now, events) for sock in sockets if not sock._closed])
        sched.block(
            lambda: bool(check()),
            None if wake == math.inf else wake - now,
            lambda: min([math.inf] + [sock._next_change() for sock in sockets if not sock._closed]),
        )
        result = check()
        if result:
            return result


def select(rlist, wlist, xlist, timeout=None, /):
    """select.select, for the loopback network's sockets as for other descriptors."""
    if timeout is not None:
        timeout = _timeout_seconds(timeout, "timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
    lists = []
    for seq in (rlist, wlist, xlist):
        try:
            items = list(seq)
        except TypeError:
            raise TypeError("arguments 1-3 must be sequences") from None
        entries = []
        for obj in items:
            fd = _fileno(obj)
            if fd >= FD_SETSIZE:
                raise ValueError("filedescriptor out of range in select()")
            entries.append((obj, fd, _virtual(obj, fd)))
        lists.append(entries)
    sockets = [sock for entries in lists for _, _, sock in entries if sock is not None]
    if not sockets:
        return _real_select(*([obj for obj, _, _ in entries] for entries in lists), timeout)
    real = [[obj for obj, _, sock in entries if sock is None] for entries in lists]
    bits = (_SELECT_IN, _SELECT_OUT, POLLPRI)

    def check():
        found = _real_select(*real, 0) if any(real) else ([], [], [])
        now = _now()
        ready = []
        for entries, bit, others in zip(lists, bits, found):
            ready.append(
                [obj for obj, _, sock in entries if (obj in others if sock is None else sock.poll_mask(now) & bit)]
            )
        return tuple(ready) if any(ready) else []

    return _wait_io(check, sockets, timeout) or ([], [], [])


def _event_mask(eventmask, bits):
    value = operator.index(eventmask)
    if not 0 <= value < 1 << bits:
        if value < 0:
            raise OverflowError(f"{'unsigned short' if bits == 16 else 'unsigned int'} is less than minimum")
        raise OverflowError(f"{'unsigned short' if bits == 16 else 'unsigned int'} is greater than maximum")
    return value


class poll:
    """select.poll: the loopback network's sockets, on the virtual clock, and other
    descriptors through the real poll."""

    def __init__(self):
        self._fds = {}  # fd -> (events, socket or None)
        self._real = _real_poll()

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        number = _fileno(fd)
        eventmask = _event_mask(eventmask, 16)
        sock = _virtual(fd, number)
        if sock is None:
            self._real.register(number, eventmask)
        self._fds[number] = (eventmask, sock)

    def modify(self, fd, eventmask, /):
        number = _fileno(fd)
        eventmask = _event_mask(eventmask, 16)
        if number not in self._fds:
            raise _error(OSError, errno.ENOENT)
        sock = self._fds[number][1]
        if sock is None:
            self._real.modify(number, eventmask)
        self._fds[number] = (eventmask, sock)

    def unregister(self, fd, /):
        number = _fileno(fd)
        if number not in self._fds:
            raise KeyError(number)
        if self._fds.pop(number)[1] is None:
            self._real.unregister(number)

    def poll(self, timeout=None, /):
        if timeout is not None:
            timeout = _timeout_seconds(timeout, "timeout must be an integer or None")
            timeout = None if timeout < 0 else math.ceil(timeout) / 1000
        sockets = [sock for _, sock in self._fds.values() if sock is not None]
        if not sockets:
            return self._real.poll(None if timeout is None else timeout * 1000)

        def check():
            others = dict(self._real.poll(0)) if len(sockets) < len(self._fds) else {}
            now = _now()
            ready = []
            for fd, (events, sock) in self._fds.items():
                if sock is None:
                    revents = others.get(fd, 0)
                elif sock._closed or net.fds.get(fd) is not sock:
                    revents = POLLNVAL
                else:
                    revents = sock.poll_mask(now) & (events | POLLERR | POLLHUP)
                if revents:
                    ready.append((fd, revents))
            return ready

        return _wait_io(check, sockets, timeout)


class epoll:
    """select.epoll: the loopback network's sockets, on the virtual clock, in the order they
    became ready; other descriptors through poll. Level-triggered: EPOLLET is taken as
    EPOLLONESHOT is not, the events of a ready socket are reported at each poll."""

    def __init__(self, sizehint=-1, flags=0):
        sizehint = operator.index(sizehint)
        flags = operator.index(flags)
        if sizehint == -1:
            sizehint = FD_SETSIZE - 1
        elif sizehint <= 0:
            raise ValueError("negative sizehint")
        if flags and flags != EPOLL_CLOEXEC:
            raise _error(OSError, errno.EINVAL)
        self._fds = {}  # fd -> [events, socket or None]
        self._real = _real_poll()
        self._fd = net.allocate(self)

    def __repr__(self):
        return f"<select.epoll object at {id(self):#x}>"

    @property
    def closed(self):
        return self._fd is None

    def _check(self):
        if self._fd is None:
            raise ValueError("I/O operation on closed epoll object")

    def close(self):
        if self._fd is not None:
            net.release(self._fd)
            self._fd = None

    def __del__(self):
        self.close()

    def fileno(self):
        self._check()
        return self._fd

    @classmethod
    def fromfd(cls, fd, /):
        raise OSError(
            LinuxErrno.of(errno.EOPNOTSUPP), "Loopscope's epoll objects cannot be made from a file descriptor"
        )

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        number = _fileno(fd)
        eventmask = _event_mask(eventmask, 32)
        self._check()
        if number in self._fds:
            raise _error(OSError, errno.EEXIST)
        sock = _virtual(fd, number)
        if sock is None:
            self._real.register(number, eventmask & 0xFFFF)
        self._fds[number] = [eventmask, sock]

    def modify(self, fd, eventmask):
        number = _fileno(fd)
        eventmask = _event_mask(eventmask, 32)
        self._check()
        if number not in self._fds:
            raise _error(OSError, errno.ENOENT)
        entry = self._fds[number]
        if entry[1] is None:
            self._real.modify(number, eventmask & 0xFFFF)
        entry[0] = eventmask

    def unregister(self, fd):
        number = _fileno(fd)
        self._check()
        if number not in self._fds:
            raise _error(OSError, errno.ENOENT)
        if self._fds.pop(number)[1] is None:
            self._real.unregister(number)

    def poll(self, timeout=None, maxevents=-1):
        self._check()
        if timeout is not None:
            timeout = _timeout_seconds(timeout, "timeout must be an integer or None")
            timeout = None if timeout < 0 else math.ceil(timeout * 1000) / 1000
        maxevents = operator.index(maxevents)
        if maxevents == -1:
            maxevents = FD_SETSIZE - 1
        elif maxevents < 1:
            raise ValueError(f"maxevents must be greater than 0, got {maxevents}")
        sockets = [sock for _, sock in self._fds.values() if sock is not None]
        if not sockets:
            return self._real.poll(None if timeout is None else timeout * 1000)[:maxevents]

        def check():
            others = dict(self._real.poll(0)) if len(sockets) < len(self._fds) else {}
            now = _now()
            found = []
            for fd, (events, sock) in self._fds.items():
                if sock is None:
                    revents, stamp = others.get(fd, 0), (now, 0)
                elif sock._closed:
                    continue  # a closed descriptor leaves the interest list
                else:
                    revents = sock.poll_mask(now) & (events | POLLERR | POLLHUP)
                    stamp = sock.ready(now, selectors.EVENT_READ | selectors.EVENT_WRITE)[1]
                if revents:
                    found.append((stamp, fd, revents))
            found.sort(key=lambda entry: entry[0])
            return [(fd, revents) for _, fd, revents in found[:maxevents]]

        ready = _wait_io(check, sockets, timeout)
        for fd, _ in ready:
            entry = self._fds[fd]
            if entry[0] & EPOLLONESHOT:
                entry[0] = 0
        return ready


def _install_select():
    """The select module's select, poll and epoll (Linux has it, Emscripten not), and the
    selectors module's selectors over them; DefaultSelector is EpollSelector, as on Linux."""
    import inspect

    for cls, name in ((poll, "poll"), (epoll, "epoll")):
        cls.__module__ = "select"
        cls.__name__ = cls.__qualname__ = name
    select.__module__ = "select"
    select.__doc__ = _real_select.__doc__
    select_module.select = select
    select_module.poll = poll
    select_module.epoll = epoll
    for name in ("IN", "PRI", "OUT", "ERR", "HUP", "RDNORM", "RDBAND", "WRNORM", "WRBAND", "MSG", "RDHUP"):
        setattr(select_module, "EPOLL" + name, globals()["POLL" + name])
    for name in ("EPOLLEXCLUSIVE", "EPOLLONESHOT", "EPOLLET", "EPOLL_CLOEXEC"):
        setattr(select_module, name, globals()[name])
    selectors.SelectSelector._select = staticmethod(select)
    selectors.PollSelector._selector_cls = poll
    if not hasattr(selectors, "EpollSelector"):
        # selectors.py's own EpollSelector, which it defines only where select has epoll.
        lines, _ = inspect.getsourcelines(selectors)
        start = next(i for i, line in enumerate(lines) if line.startswith("if hasattr(select, 'epoll'):"))
        end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "\n", "#"))
        exec(compile("\n" * start + "".join(lines[start:end]), selectors.__file__, "exec"), selectors.__dict__)
    selectors.DefaultSelector = selectors.EpollSelector


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


def _unix_streams():
    """asyncio.open_unix_connection and start_unix_server, which asyncio defined only if the
    socket module had AF_UNIX when it was imported (Pyodide's has none): asyncio's own code, run
    now, whose loop methods say that Loopscope has no Unix sockets."""
    import inspect

    import asyncio
    from asyncio import streams

    if hasattr(streams, "start_unix_server"):
        return
    lines, first = inspect.getsourcelines(streams)
    start = next(i for i, line in enumerate(lines) if line.startswith("if hasattr(socket, 'AF_UNIX'):") and i > 20)
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "\n", "#"))
    source = "\n" * start + "".join(lines[start:end])
    exec(compile(source, streams.__file__, "exec"), streams.__dict__)
    for name in ("open_unix_connection", "start_unix_server"):
        streams.__all__ += (name,)
        asyncio.__all__ += (name,)
        setattr(asyncio, name, getattr(streams, name))


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
    socket_module.has_ipv6 = True
    _unix_streams()
    _install_select()
    # Linux's AF_UNIX in the AddressFamily enum, which Pyodide's lacks (made as socket.py makes it).
    families = {member.name: int(member) for member in socket_module.AddressFamily}
    families["AF_UNIX"] = AF_UNIX
    IntEnum._convert_("AddressFamily", "socket", lambda name: True, source=types.SimpleNamespace(**families))
    for function in (
        getservbyname,
        getservbyport,
        gethostbyname,
        gethostbyname_ex,
        gethostbyaddr,
        getnameinfo,
        inet_pton,
        inet_ntop,
    ):
        function.__module__ = "_socket"
        function.__doc__ = getattr(socket_module, function.__name__).__doc__
        setattr(socket_module, function.__name__, function)
