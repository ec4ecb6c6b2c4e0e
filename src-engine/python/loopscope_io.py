"""The program's standard streams, as a terminal's: what reaches the trace is what a terminal
would show, when it would show it.

`sys.stdout` and `sys.stderr` are line-buffered text layers over binary buffers, as CPython's
are on a terminal: text waits until a newline (or a flush) and then reaches the terminal with
whatever the binary layer holds; `sys.stdout.buffer.write()` lands in the binary layer;
`os.write(1, ...)` and `os.write(2, ...)` reach the terminal at once. Text is encoded as
CPython does under a UTF-8 locale (`surrogateescape` for stdout, `backslashreplace` for
stderr), and bytes that are not UTF-8 reach the trace as lone surrogates (U+DC80-U+DCFF), the
way Python itself decodes them with `surrogateescape`.
"""

import codecs
import errno
import io
import os

import loopscope_errno
import loopscope_threads

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

# io.TextIOWrapper's chunk size and io.BufferedWriter's buffer size.
CHUNK = 8192
# reconfigure()'s newline when it is not given (None means "\n" becomes os.linesep).
_NOT_GIVEN = object()


def _bytes_view(data):
    try:
        return memoryview(data)
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


def _to_terminal(stream, data):
    if data:
        rec.output(stream, data.decode("utf-8", "surrogateescape"))


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
        if self.fd in closed_fds:
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


class TerminalStream(io.TextIOBase, metaclass=_CClass, real=io.TextIOWrapper):
    """A standard stream (`sys.stdout`, `sys.stderr`): a line-buffered text layer."""

    def __init__(self, stream, fd, errors):
        self.stream = stream
        self._buffer = TerminalBuffer(stream, fd)
        self._encoding = "utf-8"
        self._errors = errors
        # None while the text is UTF-8 (str.encode), else an incremental encoder.
        self._encoder = None
        # What "\n" is written as (None: itself).
        self._writenl = None
        self._line_buffering = True
        self._write_through = False
        self.pending = []
        self.pending_size = 0

    @property
    def buffer(self):
        return self._buffer

    @property
    def name(self):
        return "<" + self.stream + ">"

    @property
    def mode(self):
        return "w"

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def newlines(self):
        return None

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._buffer.fd

    def readable(self):
        return False

    def seekable(self):
        return False

    def tell(self):
        raise io.UnsupportedOperation("underlying stream is not seekable")

    def seek(self, cookie, whence=0):
        raise io.UnsupportedOperation("underlying stream is not seekable")

    def truncate(self, pos=None):
        self.flush()
        return self._buffer.truncate(pos)

    def read(self, size=-1):
        raise io.UnsupportedOperation("not readable")

    def readline(self, size=-1):
        raise io.UnsupportedOperation("not readable")

    def reconfigure(self, *, encoding=None, errors=None, newline=_NOT_GIVEN, line_buffering=None, write_through=None):
        """_io.TextIOWrapper.reconfigure (Modules/_io/textio.c): what is written is flushed,
        then the text is encoded as asked, and reaches the terminal as those bytes."""
        for name, value in (("encoding", encoding), ("errors", errors)) + ((("newline", newline),) if newline is not _NOT_GIVEN else ()):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"reconfigure() argument '{name}' must be str or None, not {type(value).__name__}")
        if newline is not _NOT_GIVEN and newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        self.flush()
        if newline is not _NOT_GIVEN:
            self._writenl = newline if newline in ("\r", "\r\n") else None
        if encoding is not None or errors is not None:
            if encoding is None:
                encoding = self._encoding
                if errors is None:
                    errors = self._errors
            else:
                if encoding == "locale":
                    encoding = "UTF-8"
                if errors is None:
                    errors = "strict"
            info = codecs.lookup(encoding)
            if not getattr(info, "_is_text_encoding", True):
                raise LookupError(f"{encoding!r} is not a text encoding; use codecs.open() to handle arbitrary codecs")
            self._encoder = None if info.name == "utf-8" else info.incrementalencoder(errors)
            self._encoding = encoding
            self._errors = errors
        if line_buffering is not None:
            self._line_buffering = bool(line_buffering)
        if write_through is not None:
            self._write_through = bool(write_through)

    def write(self, text):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        flush = self._line_buffering and ("\n" in text or "\r" in text)
        if self._writenl is not None and "\n" in text:
            text = text.replace("\n", self._writenl)
        # Encoding errors are raised where the program writes, as TextIOWrapper raises them.
        encoder = self._encoder
        data = text.encode("utf-8", self._errors) if encoder is None else encoder.encode(text)
        sched = loopscope_threads.sched
        if rec.thread is None and not sched.delivering:
            # The main thread's write: now (by_thread's common case, without its calls).
            self._append(data, flush)
        else:
            sched.by_thread(self._append, data, flush)
        return len(text)

    def _append(self, data, flush):
        self.pending.append(data)
        self.pending_size += len(data)
        if flush or self.pending_size >= CHUNK:
            self._write_pending()
        if flush:
            self._buffer.flush_now(True)

    def _write_pending(self):
        if self.pending:
            data = b"".join(self.pending)
            self.pending = []
            self.pending_size = 0
            self._buffer._append(data)

    def discard(self):
        """Drops what the layers hold: a stream that could not be flushed at the exit."""
        self.pending = []
        self.pending_size = 0
        self._buffer.pending = bytearray()

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        loopscope_threads.sched.by_thread(self.flush_now, True)

    def flush_now(self, real=False):
        self._write_pending()
        self._buffer.flush_now(real)

    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='w' encoding='{self._encoding}'>"




class TerminalInput(io.StringIO, metaclass=_CClass, real=io.TextIOWrapper):
    """`sys.stdin`: the text given with the run, read as from a pipe (descriptor 0)."""

    name = "<stdin>"
    mode = "r"

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "surrogateescape"

    def fileno(self):
        return 0

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"



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


def open_streams():
    """The program's streams for one run."""
    return TerminalStream("stdout", 1, "surrogateescape"), TerminalStream("stderr", 2, "backslashreplace")


def flush_streams(*streams):
    """At exit: what the buffers hold reaches the terminal, as CPython's shutdown flushes."""
    for stream in streams:
        if isinstance(stream, TerminalStream):
            stream.flush_now()


# The terminal's descriptors (1, 2) the program closed with os.close: writing to them fails.
closed_fds = set()


def _check_open(fd):
    if fd in closed_fds:
        raise loopscope_errno.error(OSError, errno.EBADF)


def close_fd(original):
    """os.close: closing descriptor 1 or 2 closes the terminal to the program, as natively
    (a write, or a flush of what a stream holds, fails with EBADF)."""

    def close(fd):
        if fd not in (1, 2) or rec is None:
            return original(fd)
        _check_open(fd)
        closed_fds.add(fd)
        return None

    return close


def install():
    os.write = write_fd(os.write)
    os.close = close_fd(os.close)
