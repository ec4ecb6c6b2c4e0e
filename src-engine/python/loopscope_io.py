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

import io
import os

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
    if data:
        rec.output(stream, data.decode("utf-8", "surrogateescape"))


class TerminalBuffer(io.BufferedIOBase):
    """The binary layer (`sys.stdout.buffer`): holds bytes until it is flushed."""

    def __init__(self, stream, fd):
        self.stream = stream
        self.fd = fd
        self.pending = bytearray()
        self.name = "<" + stream + ">"
        self.mode = "wb"

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
            self.flush_now()

    def flush(self):
        if self.closed:
            raise ValueError("flush of closed file")
        loopscope_threads.sched.by_thread(self.flush_now)

    def flush_now(self):
        data, self.pending = bytes(self.pending), bytearray()
        _to_terminal(self.stream, data)

    def __repr__(self):
        return f"<_io.BufferedWriter name='{self.name}'>"


class TerminalStream(io.TextIOBase):
    """A standard stream (`sys.stdout`, `sys.stderr`): a line-buffered text layer."""

    def __init__(self, stream, fd, errors):
        self.stream = stream
        self._buffer = TerminalBuffer(stream, fd)
        self._errors = errors
        self._line_buffering = True
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
        return "utf-8"

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return False

    @property
    def newlines(self):
        return None

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._buffer.fd

    def reconfigure(self, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None):
        if encoding is not None and encoding.replace("-", "").replace("_", "").lower() not in ("utf8",):
            # Only the encoding every terminal here uses can be shown faithfully.
            raise io.UnsupportedOperation("Loopscope's terminal only shows UTF-8")
        if errors is not None:
            "".encode("utf-8", errors)
            self._errors = errors
        if line_buffering is not None:
            self._line_buffering = bool(line_buffering)

    def write(self, text):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        # Encoding errors are raised where the program writes, as TextIOWrapper raises them.
        data = text.encode("utf-8", self._errors)
        flush = self._line_buffering and ("\n" in text or "\r" in text)
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
            self._buffer.flush_now()

    def _write_pending(self):
        if self.pending:
            self._buffer._append(b"".join(self.pending))
            self.pending = []
            self.pending_size = 0

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        loopscope_threads.sched.by_thread(self.flush_now)

    def flush_now(self):
        self._write_pending()
        self._buffer.flush_now()

    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='w' encoding='utf-8'>"


class TerminalInput(io.StringIO):
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


def install():
    os.write = write_fd(os.write)
