"""The program's standard streams, as a terminal's: what reaches the trace is what a terminal
would show, when it would show it.

`sys.stdout` and `sys.stderr` are line-buffered text layers (CPython's own io.TextIOWrapper)
over binary buffers, as CPython's are on a terminal: text waits until a newline (or a flush) and then reaches the terminal with
whatever the binary layer holds; `sys.stdout.buffer.write()` lands in the binary layer;
`os.write(1, ...)` and `os.write(2, ...)` reach the terminal at once, and so does what C code
writes to the descriptors themselves (a file the program opens on descriptor 1 or 2, or on a
copy of it): they are the write ends of pipes the engine reads (see open_descriptors). Text is encoded as
CPython does under a UTF-8 locale (`surrogateescape` for stdout, `backslashreplace` for
stderr), and bytes that are not UTF-8 reach the trace as lone surrogates (U+DC80-U+DCFF), the
way Python itself decodes them with `surrogateescape`.
"""

import errno
import io
import os
import select
import sys

import loopscope_errno
import loopscope_threads

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

# io.TextIOWrapper's chunk size and io.BufferedWriter's buffer size.
CHUNK = 8192


def _bytes_view(data):
    try:
        return memoryview(data)
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


def _to_terminal(stream, data):
    if _armed:
        drain()
    if data:
        rec.output(stream, data.decode("utf-8", "surrogateescape"))


# What C code writes to descriptors 1 and 2 (a FileIO the program opens on them, os.fdopen of
# a copy): each is the write end of a pipe, whose read end the engine drains into the trace
# at each step of the loop and at the end, and, once the program has reached for a descriptor
# itself (see _arm), before any other output. One poll of both read ends tells whether there is
# anything to read.
_readers = {}
_poll = None
# The real poll, not the one loopscope_net gives the program (the pipes' read ends are
# descriptors of the file system, whose numbers a socket's may share).
_real_poll = select.poll
# The engine's own, not the arming one the program gets (see install).
_dup2 = os.dup2
# Whether the program has reached for a descriptor past sys.stdout, sys.stderr and os.write
# (opened a file on a descriptor number or a device, or copied, replaced or closed
# descriptors): only then can C code write to descriptors 1 and 2, or close them, between two
# steps of the loop. Until then a printed line costs no poll of the pipes and no look at
# whether descriptor 1 is still open (200,000 lines: 2.5 s, against 2.85 s with both).
_armed = False


def open_descriptors():
    """Descriptors 1 and 2 for one run: the write ends of two new pipes (a pipe is what they
    are when a program's output is captured natively: fstat() says so, lseek() fails)."""
    global _poll, _armed
    _poll = _real_poll()
    _armed = False
    _readers.clear()
    for fd, stream in ((1, "stdout"), (2, "stderr")):
        read_end, write_end = os.pipe()
        _dup2(write_end, fd)
        os.close(write_end)
        os.set_blocking(read_end, False)
        _readers[read_end] = stream
        _poll.register(read_end, select.POLLIN)


def drain():
    """Records what C code wrote to descriptors 1 and 2 since the last drain."""
    if _poll is None:
        return
    ready = _poll.poll(0)
    if not ready:
        return
    for read_end, _event in ready:
        chunks = []
        while True:
            try:
                chunk = os.read(read_end, 1 << 16)
            except BlockingIOError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        if chunks:
            rec.output(_readers[read_end], b"".join(chunks).decode("utf-8", "surrogateescape"))


def _not_seekable_fd():
    """What a pipe's lseek() gives (ESPIPE), with Linux's number and text."""
    return loopscope_errno.error(OSError, errno.ESPIPE)


class _CClass(type(io.TextIOBase)):
    """The type of a class that stands for `real`, one of `_io`'s C classes (the class natively
    behind the stream): it reads as it (`<class '_io.TextIOWrapper'>`, `__name__`
    "TextIOWrapper", and "'_io.TextIOWrapper' object has no attribute 'x'" in CPython's
    messages), and its objects are instances of it (`isinstance(sys.stdout,
    io.TextIOWrapper)`, since isinstance reads `__class__`), though their type is not."""

    def __new__(mcls, name, bases, namespace, real):
        namespace["__class__"] = property(lambda self: real)
        klass = super().__new__(mcls, real.__name__, bases, namespace)
        # The type's C name, which CPython's messages give.
        type.__dict__["__name__"].__set__(klass, f"_io.{real.__name__}")
        klass.__qualname__ = real.__name__
        klass.__module__ = "_io"
        return klass

    @property
    def __name__(cls):
        return cls.__qualname__


class TerminalRaw(io.RawIOBase, metaclass=_CClass, real=io.FileIO):
    """The raw layer (`sys.stdout.buffer.raw`), as the FileIO over descriptor 1 or 2: what it
    writes reaches the terminal at once."""

    def __init__(self, stream, fd):
        self.stream = stream
        self.fd = fd

    @property
    def name(self):
        return "<" + self.stream + ">"

    @property
    def mode(self):
        return "wb"

    @property
    def closefd(self):
        return False

    def fileno(self):
        return self.fd

    def readable(self):
        return False

    def writable(self):
        return True

    def seekable(self):
        return False

    def isatty(self):
        return False

    def write(self, data):
        if self.closed:
            raise ValueError("I/O operation on closed file")
        _check_open(self.fd)
        view = _bytes_view(data)
        loopscope_threads.sched.by_thread(_to_terminal, self.stream, bytes(view))
        return view.nbytes

    def read(self, size=-1):
        raise io.UnsupportedOperation("File not open for reading")

    def readinto(self, buffer):
        raise io.UnsupportedOperation("File not open for reading")

    def readall(self):
        raise loopscope_errno.error(OSError, errno.EBADF)

    def tell(self):
        raise _not_seekable_fd()

    def seek(self, pos, whence=0):
        raise _not_seekable_fd()

    def truncate(self, size=None):
        if size is None:
            raise _not_seekable_fd()
        raise loopscope_errno.error(OSError, errno.EINVAL)

    def __repr__(self):
        return f"<_io.FileIO name='{self.name}' mode='wb' closefd=False>"


class TerminalBuffer(io.BufferedIOBase, metaclass=_CClass, real=io.BufferedWriter):
    """The binary layer (`sys.stdout.buffer`): holds bytes until it is flushed."""

    def __init__(self, stream, fd):
        self.stream = stream
        self.fd = fd
        self.pending = bytearray()
        self.name = "<" + stream + ">"
        self.mode = "wb"
        self._raw = TerminalRaw(stream, fd)

    @property
    def raw(self):
        return self._raw

    def tell(self):
        raise _not_seekable_fd()

    def seek(self, pos, whence=0):
        raise io.UnsupportedOperation("File or stream is not seekable.")

    def truncate(self, size=None):
        self.flush()
        raise _not_seekable_fd()

    def writable(self):
        return True

    def fileno(self):
        return self.fd

    def isatty(self):
        return False

    def write(self, data):
        if self.closed:
            raise ValueError("write to closed file")
        view = _bytes_view(data)
        size = view.nbytes
        loopscope_threads.sched.by_thread(self._append, bytes(view))
        return size

    def _append(self, data):
        self.pending += data
        if len(self.pending) > CHUNK:
            self.flush_now(True)

    def flush(self):
        if self.closed:
            raise ValueError("flush of closed file")
        loopscope_threads.sched.by_thread(self.flush_now, True)

    def flush_now(self, real=False):
        """Sends what the buffer holds. The engine also sends it between a program's flushes, to
        show output as it comes; a `real` flush is one CPython makes (flush(), a full buffer, the
        exit), the only kind that fails when the program closed the descriptor."""
        if _closed(self.fd):
            if real and self.pending:
                # As BufferedWriter: what fits its buffer stays there, to fail again at the exit.
                if len(self.pending) > CHUNK:
                    self.pending = bytearray()
                _check_open(self.fd)
            return
        data, self.pending = bytes(self.pending), bytearray()
        _to_terminal(self.stream, data)

    def __repr__(self):
        return f"<_io.BufferedWriter name='{self.name}'>"


def open_stdin(text):
    """`sys.stdin` for one run: the text given with the run, as descriptor 0 (a file that no
    path leads to, as `python3 program.py < input.txt` reads one), and CPython's own layers
    over it, named as create_stdio names them (Python/pylifecycle.c): `input()`,
    `sys.stdin.buffer.read()` and `os.read(0, n)` read it as natively."""
    path = "/tmp/.loopscope-stdin"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.unlink(path)
        os.write(fd, text.encode("utf-8", "surrogateescape" if _escapable(text) else "surrogatepass"))
        os.lseek(fd, 0, os.SEEK_SET)
        _dup2(fd, 0)
    finally:
        os.close(fd)
    raw = io.FileIO(0, "r", closefd=False)
    raw.name = "<stdin>"
    stream = io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8", errors="surrogateescape")
    stream.mode = "r"
    return stream


def _escapable(text):
    try:
        text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def write_fd(original):
    """os.write: to the terminal's descriptors (1 and 2), at once, past the buffers."""

    def write(fd, data):
        if fd not in (1, 2) or rec is None:
            return original(fd, data)
        _check_open(fd)
        view = _bytes_view(data)
        loopscope_threads.sched.by_thread(_to_terminal, "stdout" if fd == 1 else "stderr", bytes(view))
        return view.nbytes

    return write


def open_stream(stream, fd, errors):
    """A standard stream as CPython makes one (create_stdio in Python/pylifecycle.c): a real
    io.TextIOWrapper, line-buffered as on a terminal, over the terminal's binary layer."""
    text = io.TextIOWrapper(TerminalBuffer(stream, fd), encoding="utf-8", errors=errors, line_buffering=True)
    text.mode = "w"
    return text


def open_streams():
    """The program's streams for one run, and its descriptors 1 and 2 (see open_descriptors)."""
    open_descriptors()
    return open_stream("stdout", 1, "surrogateescape"), open_stream("stderr", 2, "backslashreplace")


def is_terminal_stream(stream):
    """Whether `stream` is one of the engine's standard streams (what open_streams makes)."""
    return type(stream) is io.TextIOWrapper and isinstance(stream.buffer, TerminalBuffer)


def flush_stream(stream):
    """A flush as CPython's: the text layer's bytes to the buffer, the buffer to the terminal;
    OSError when the program closed the descriptor."""
    stream.flush()


def discard_stream(stream):
    """Drops what the buffer holds: a stream that could not be flushed at the exit."""
    stream.buffer.pending = bytearray()


def flush_streams(*streams):
    """At exit: what the buffers hold reaches the terminal, as CPython's shutdown flushes."""
    for stream in streams:
        if is_terminal_stream(stream) and not stream.closed:
            stream.flush()


# The terminal's descriptors (1, 2) the program closed with os.close: writing to them fails.
closed_fds = set()


def _closed(fd):
    """Whether the program closed descriptor 1 or 2: with os.close, or by closing a file it
    opened on it (which closes the descriptor itself)."""
    if fd in closed_fds:
        return True
    if not _armed:
        return False
    try:
        os.get_blocking(fd)
    except OSError:
        closed_fds.add(fd)
        return True
    return False


def _check_open(fd):
    if _closed(fd):
        raise loopscope_errno.error(OSError, errno.EBADF)


def close_fd(original):
    """os.close: closing descriptor 1 or 2 closes the terminal to the program, as natively
    (a write, or a flush of what a stream holds, fails with EBADF)."""

    def close(fd):
        if fd not in (1, 2) or rec is None:
            return original(fd)
        _check_open(fd)
        closed_fds.add(fd)
        # Closed for C code too (a file on /dev/stdout is then refused, as natively).
        return original(fd)

    return close


def _arm():
    global _armed
    _armed = True


def _on_audit(event, args):
    """`open` is audited by every file opened, the C way too (io.FileIO, os.open): one on a
    descriptor's number, or on a device (/dev/stdout, /proc/self/fd/1), arms the drain."""
    if event == "open" and not _armed and type(args) is tuple and args:
        path = args[0]
        # Only exact types: a program's own object (sys.audit("open", x)) runs no code here.
        if type(path) is int or (type(path) is str and str.startswith(path, ("/dev/", "/proc/"))):
            _arm()


def _arming(original):
    """An os function that copies, replaces, closes or writes descriptors past os.write (none of
    them audited): the first call arms the drain."""

    def call(*args, **kwargs):
        _arm()
        return original(*args, **kwargs)

    call.__name__ = original.__name__
    call.__qualname__ = original.__qualname__
    call.__doc__ = original.__doc__
    call.__module__ = original.__module__
    return call


# The os functions that reach descriptors without an `open` event.
_ARMING = ("dup", "dup2", "closerange", "writev", "pwrite", "pwritev", "sendfile")


def install():
    os.write = write_fd(os.write)
    os.close = close_fd(os.close)
    for name in _ARMING:
        original = getattr(os, name, None)
        if original is not None:
            setattr(os, name, _arming(original))
    sys.addaudithook(_on_audit)
