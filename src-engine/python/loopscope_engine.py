"""Loopscope's loop engine, inside Pyodide.

Importing this module prepares the interpreter once, before the engine takes its memory
snapshot: it re-imports asyncio without its C accelerator, so that every Task step, Future
callback and Handle is Python code we can observe, and instruments asyncio's own classes in
place. Every run then starts from that snapshot, so nothing a program does leaks into the
next one.

`run()` executes one program as `python3 FILE` would, with an instrumented subclass of
`asyncio.BaseEventLoop` on a virtual clock, and streams the trace to the host as JSON batches.
The trace format is documented in docs/trace-format.md.
"""

import sys
import time

# The real clock, for the wall-time budget only; the program sees the virtual one.
_real_perf_counter = time.perf_counter

for _name in [m for m in sys.modules if m == "asyncio" or m.startswith("asyncio.")]:
    del sys.modules[_name]
# Without `_asyncio`, asyncio falls back to its pure-Python Task and Future.
sys.modules["_asyncio"] = None

import asyncio  # noqa: E402
import atexit  # noqa: E402
import collections  # noqa: E402
import functools  # noqa: E402
import gc  # noqa: E402
import heapq  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import linecache  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import warnings  # noqa: E402
from asyncio import base_events, events, futures, tasks, unix_events  # noqa: E402

assert tasks.Task is tasks._PyTask, "asyncio's C accelerator is still loaded"

TRACE_VERSION = 1
# How far the virtual clock moves each time the program reads it (see Recorder.read_clock).
CLOCK_TICK = 1e-9
# Timers due within this much of "now" run together, as a real select() oversleeps a little.
CLOCK_RESOLUTION = 1e-6
ENGINE_FILE = __file__
_Task = tasks.Task
_Future = futures.Future
_TimerHandle = events.TimerHandle
_PENDING = futures._PENDING


class _Stop(KeyboardInterrupt):
    """Ends a run from inside the program: a budget, the user, or a loop with nothing to do.

    It derives from KeyboardInterrupt because asyncio lets only KeyboardInterrupt and
    SystemExit escape from tasks and callbacks; anything else would be stored in a task.
    """

    def __init__(self, outcome, budget=None):
        super().__init__(outcome)
        self.outcome = outcome
        self.budget = budget


class Recorder:
    """Numbers events, keeps the virtual clock, enforces budgets and batches the trace."""

    BATCH = 2048
    CHECK_EVERY = 128
    # Seconds of real time printed text may wait in a batch.
    OUTPUT_LATENCY = 0.005

    def __init__(self, sink, control, budgets, user_file, probe):
        self.sink = sink
        self.probe = probe
        self.control = control
        self.max_events = int(budgets["maxEvents"])
        self.max_virtual = float(budgets["maxVirtualSeconds"])
        self.max_wall = float(budgets["maxWallMs"]) / 1000.0
        self.max_output = int(budgets["maxOutputBytes"])
        self.user_file = user_file
        self.batch = []
        self.seq = 0
        self.now = 0.0
        self.line = None
        self.task = None
        self.output_size = 0
        self.stop = None
        self.thread = None
        self.started = _real_perf_counter()
        self.last_flush = 0.0
        self.output_pending = False
        self.countdown = min(self.CHECK_EVERY, self.max_events)
        self.handle_ids = {}
        self.next_handle = 0
        self.next_future = 0
        self.next_loop = 0

    def emit(self, kind, fields):
        if self.stop is not None:
            return
        seq = self.seq
        fields["seq"] = seq
        fields["t"] = self.now
        fields["kind"] = kind
        self.seq = seq + 1
        self.batch.append(fields)
        # One countdown stands for the batch size, the budgets and the stop flag.
        self.countdown -= 1
        if self.countdown <= 0:
            self.check_limits()

    def flush_output(self):
        """Sends printed text on soon, so that the console keeps up with the program (and
        keeps what was printed before a computation that has to be cut off by force)."""
        if self.output_pending and _real_perf_counter() - self.last_flush > self.OUTPUT_LATENCY:
            self.flush()

    def output(self, stream, text):
        if self.stop is not None or not text:
            return
        self.output_size += len(text)
        if self.output_size > self.max_output:
            self.halt("budget", "output")
        last = self.batch[-1] if self.batch else None
        if last is not None and last["kind"] == "output" and last["stream"] == stream:
            last["text"] += text
        else:
            self.emit("output", {"stream": stream, "text": text})
        self.output_pending = True

    def check_limits(self):
        if self.seq >= self.max_events:
            self.halt("budget", "events")
        self.countdown = min(self.CHECK_EVERY, self.max_events - self.seq)
        if len(self.batch) >= self.BATCH:
            self.flush()
        if self.control is not None and self.control[0] != 0:
            if self.control[0] == 1:
                self.halt("stopped")
            self.halt("budget", "wall-time")
        if _real_perf_counter() - self.started > self.max_wall:
            self.halt("budget", "wall-time")

    def halt(self, outcome, budget=None):
        """Stops the run: no more events are recorded, and the program is unwound."""
        if self.stop is None:
            self.flush()
            self.stop = _Stop(outcome, budget)
        raise self.stop

    def checkpoint(self):
        """Called where stopping is safe (a new line, a loop iteration): re-raise a stop the
        program swallowed with a bare `except`."""
        if self.stop is not None:
            raise self.stop

    def read_clock(self):
        """The loop's time, as the program sees it.

        A real clock never reads the same twice: code that runs between two reads takes some
        time. Each read moves the virtual clock on by a nanosecond, so that timers set one
        after another get deadlines in that order, as they do natively (with a frozen clock,
        equal deadlines would run in heap order instead).
        """
        self.now += CLOCK_TICK
        return self.now

    def advance(self, until, blocked):
        if until > self.max_virtual:
            self.halt("budget", "virtual-time")
        if blocked:
            self.emit("clock.block", {"until": until, "line": self.line, "task": self.task})
        self.now = until

    def flush(self):
        self.output_pending = False
        self.last_flush = _real_perf_counter()
        if self.batch:
            payload = json.dumps(self.batch, ensure_ascii=False, separators=(",", ":"))
            self.batch = []
            self.sink(payload)

    def finish(self, fields):
        """Records `run.end`, past any stop or budget."""
        fields["seq"] = self.seq
        fields["t"] = self.now
        fields["kind"] = "run.end"
        self.seq += 1
        self.batch.append(fields)
        self.flush()

    # --- identities -------------------------------------------------------------------

    def handle_id(self, handle, new=False):
        key = id(handle)
        if new:
            self.next_handle += 1
            self.handle_ids[key] = self.next_handle
            return self.next_handle
        return self.handle_ids.get(key)

    def origin(self):
        return {"line": self.line, "task": self.task}


rec = None  # The current run's Recorder; None between runs.


# --- What things are ------------------------------------------------------------------


def future_id(fut):
    """The trace id of a future or task, registering it on first sight."""
    n = fut._ls_id
    if not n:
        if isinstance(fut, _Task):
            return register_task(fut)
        rec.next_future += 1
        n = fut._ls_id = rec.next_future
    return n


def register_task(task):
    rec.next_future += 1
    n = task._ls_id = rec.next_future
    coro = task._coro
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    def_line = code.co_firstlineno if code is not None and code.co_filename == rec.user_file else None
    rec.emit(
        "task.create",
        {
            "task": n,
            "name": str(task._name),
            "coro": getattr(coro, "__qualname__", type(coro).__name__),
            "defLine": def_line,
            "from": rec.origin(),
        },
    )
    return n


def describe_callback(callback, args):
    """(label, role, task id, future id) for a handle's callback."""
    task = None
    future = None
    func = callback
    while isinstance(func, functools.partial):
        func = func.func
    if isinstance(func, types.MethodType):
        owner = func.__self__
        name = func.__func__.__name__
        if isinstance(owner, _Task):
            task = future_id(owner)
            role = "step" if name == "__step" else "wakeup" if name == "__wakeup" else "callback"
            label = name
        else:
            role = "callback"
            label = f"{type(owner).__name__}.{name}"
    else:
        qualname = getattr(func, "__qualname__", None) or type(func).__name__
        label = qualname.replace(".<locals>", "")
        role = "sleep" if func is futures._set_result_unless_cancelled else "callback"
    if args and isinstance(args[0], _Future):
        future = future_id(args[0])
    return label, role, task, future


def describe_exception(exc):
    return {"type": type(exc).__qualname__, "message": safe_str(exc)}


def _builtin_str(value):
    for klass in type(value).__mro__:
        if "__str__" in klass.__dict__:
            return klass.__module__ == "builtins"
    return True


def safe_str(exc):
    # A user's __str__ could print or change state; the trace must not make the program do
    # anything it would not do natively.
    if not _builtin_str(exc):
        return ""
    try:
        text = str(exc)
    except Exception:
        return ""
    return text if len(text) <= 500 else text[:499] + "…"


_SAFE_SCALARS = (int, float, complex, bool, str, bytes, type(None))


def safe_repr(value, depth=0):
    """repr() of builtin values only; other objects are named by their type."""
    kind = type(value)
    if kind in _SAFE_SCALARS:
        text = repr(value)
        return text if len(text) <= 120 else text[:119] + "…"
    if kind in (list, tuple, set, frozenset) and depth < 2:
        items = [safe_repr(v, depth + 1) for v in list(value)[:8]]
        if len(value) > 8:
            items.append("…")
        inner = ", ".join(items)
        if kind is list:
            return f"[{inner}]"
        if kind is tuple:
            return f"({inner}{',' if len(value) == 1 else ''})"
        return f"{{{inner}}}" if value else f"{kind.__name__}()"
    if kind is dict and depth < 2:
        items = [f"{safe_repr(k, 2)}: {safe_repr(v, depth + 1)}" for k, v in list(value.items())[:8]]
        if len(value) > 8:
            items.append("…")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, _Task):
        return f"<Task {value._name}>"
    return f"<{kind.__qualname__} object>"


def awaiting_of(fut):
    n = future_id(fut)
    if isinstance(fut, _Task):
        return {"kind": "task", "future": n, "name": str(fut._name)}
    sleep_until = fut._ls_sleep
    if sleep_until is not None:
        return {"kind": "sleep", "future": n, "until": sleep_until}
    if isinstance(fut, tasks._GatheringFuture):
        return {"kind": "gather", "future": n, "children": [future_id(c) for c in fut._children]}
    return {"kind": "future", "future": n, "label": type(fut).__name__}


def paused_line(coro):
    """The line of the user's file where a suspended coroutine chain is paused."""
    line = None
    user_file = rec.user_file
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
        if frame is not None and frame.f_code.co_filename == user_file:
            line = frame.f_lineno
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return line


# --- The instrumented loop ----------------------------------------------------------------


class TracedReady(collections.deque):
    """The loop's ready queue (`loop._ready`), recording every handle that enters or leaves."""

    def __init__(self, loop):
        super().__init__()
        self.loop = loop

    def append(self, handle):
        super().append(handle)
        if rec is None:
            return
        if type(handle) is _TimerHandle:
            rec.emit("timer.due", {"handle": rec.handle_id(handle)})
            return
        label, role, task, future = describe_callback(handle._callback, handle._args)
        rec.emit(
            "handle.push",
            {
                "handle": rec.handle_id(handle, new=True),
                "loop": self.loop._ls_id,
                "callback": label,
                "role": role,
                "task": task,
                "future": future,
                "from": rec.origin(),
            },
        )

    def popleft(self):
        handle = super().popleft()
        if rec is None:
            return handle
        loop = self.loop
        if loop._ls_phase != "ready":
            loop._ls_phase = "ready"
            rec.emit("loop.ready", {"loop": loop._ls_id, "count": len(self) + 1})
        rec.emit("handle.skip" if handle._cancelled else "handle.run", {"handle": rec.handle_id(handle)})
        return handle


class VirtualSelector:
    """Stands in for the loop's selector: waiting for I/O is waiting for the next timer."""

    def __init__(self, loop):
        self.loop = loop

    def select(self, timeout):
        loop = self.loop
        rec.emit("loop.select", {"loop": loop._ls_id, "timeout": timeout})
        if timeout is None:
            # Nothing is ready, no timer is set, and there is no I/O or thread to wake the loop:
            # a real program would wait here forever.
            rec.halt("stuck")
        if timeout > 0:
            until = rec.now + timeout
            rec.advance(until, blocked=False)
            rec.emit("loop.wait", {"loop": loop._ls_id, "until": until})
        loop._ls_phase = "timers"
        rec.emit("loop.timers", {"loop": loop._ls_id})
        return []

    def close(self):
        pass


_NO_IO = (
    "Loopscope runs asyncio on a virtual clock, without sockets, subprocesses or signals: "
    "{} is not available here."
)


def _unavailable(name):
    def method(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO.format(name))

    method.__name__ = name
    return method


class TracedEventLoop(base_events.BaseEventLoop):
    """asyncio's own BaseEventLoop, on a virtual clock, with every step recorded."""

    def __init__(self):
        super().__init__()
        self._ready = TracedReady(self)
        self._selector = VirtualSelector(self)
        self._clock_resolution = CLOCK_RESOLUTION
        self._ls_phase = None
        self._ls_iteration = 0
        rec.next_loop += 1
        self._ls_id = rec.next_loop
        rec.emit("loop.create", {"loop": self._ls_id})

    def time(self):
        return rec.read_clock()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def _run_once(self):
        rec.checkpoint()
        if rec.output_pending:
            rec.flush_output()
        self._ls_iteration += 1
        self._ls_phase = "select"
        rec.emit("loop.iteration", {"loop": self._ls_id, "n": self._ls_iteration})
        if rec.probe:
            rec.emit(
                "probe",
                {
                    "loop": self._ls_id,
                    "ready": [rec.handle_id(h) for h in self._ready],
                    "heap": [rec.handle_id(h) for h in self._scheduled],
                },
            )
        scheduled = self._scheduled
        count = len(scheduled)
        # asyncio rebuilds the heap without its cancelled timers under this same condition.
        if (
            count > base_events._MIN_SCHEDULED_TIMER_HANDLES
            and self._timer_cancelled_count / count > base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION
        ):
            discarded = [rec.handle_id(handle) for handle in scheduled if handle._cancelled]
            rec.emit("timer.rebuild", {"loop": self._ls_id, "discarded": discarded})
        super()._run_once()

    def run_forever(self):
        rec.emit("loop.start", {"loop": self._ls_id})
        try:
            super().run_forever()
        finally:
            rec.emit("loop.stop", {"loop": self._ls_id})

    def close(self):
        if not self.is_closed() and not self.is_running():
            rec.emit("loop.close", {"loop": self._ls_id})
        super().close()

    def run_in_executor(self, executor, func, *args):
        return run_in_virtual_thread(self, func, args)

    async def shutdown_default_executor(self, timeout=None):
        self._executor_shutdown_called = True

    shutdown_default_executor.__qualname__ = "BaseEventLoop.shutdown_default_executor"

    for _name in (
        "create_connection",
        "create_server",
        "create_unix_connection",
        "create_unix_server",
        "create_datagram_endpoint",
        "getaddrinfo",
        "getnameinfo",
        "sock_connect",
        "sock_accept",
        "sock_recv",
        "sock_sendall",
        "connect_read_pipe",
        "connect_write_pipe",
        "subprocess_exec",
        "subprocess_shell",
        "add_reader",
        "add_writer",
        "add_signal_handler",
    ):
        locals()[_name] = _unavailable(_name)
    del _name


class TracedHeapq:
    """Stands in for `heapq` inside asyncio.base_events, to see the timer heap change."""

    heapify = staticmethod(heapq.heapify)

    @staticmethod
    def heappush(heap, handle):
        heapq.heappush(heap, handle)
        label, role, task, future = describe_callback(handle._callback, handle._args)
        if role == "sleep" and future is not None:
            handle._args[0]._ls_sleep = handle._when
        rec.emit(
            "timer.push",
            {
                "handle": rec.handle_id(handle, new=True),
                "loop": handle._loop._ls_id,
                "when": handle._when,
                "callback": label,
                "role": role,
                "task": task,
                "future": future,
                "from": rec.origin(),
            },
        )

    @staticmethod
    def heappop(heap):
        handle = heapq.heappop(heap)
        # Before select, _run_once drops cancelled timers from the top of the heap; after it,
        # a due timer goes to the ready queue even when cancelled (and is skipped there).
        if handle._cancelled and handle._loop._ls_phase == "select":
            rec.emit("timer.discard", {"handle": rec.handle_id(handle)})
        return handle


class TracedPolicy(events._BaseDefaultEventLoopPolicy):
    _loop_factory = TracedEventLoop


# --- Instrumenting asyncio's classes in place ---------------------------------------------


def _keep_name(wrapper, original):
    """Gives a wrapper its original's name, which labels handles and shows in reprs."""
    wrapper.__name__ = original.__name__
    wrapper.__qualname__ = original.__qualname__
    return wrapper


def _instrument():
    # Futures get their trace id on first sight; 0 means none yet.
    _Future._ls_id = 0
    # The deadline of the timer that ends an asyncio.sleep, set on that sleep's future.
    _Future._ls_sleep = None
    base_events.heapq = TracedHeapq
    for module in (asyncio, unix_events):
        for name in ("SelectorEventLoop", "EventLoop", "DefaultEventLoopPolicy"):
            if hasattr(module, name):
                setattr(module, name, TracedPolicy if name.endswith("Policy") else TracedEventLoop)
    asyncio.new_event_loop = events.new_event_loop

    handle_run = events.Handle._run

    def _run(self):
        try:
            handle_run(self)
        finally:
            if rec is not None:
                rec.emit("handle.done", {"handle": rec.handle_id(self)})

    events.Handle._run = _run

    handle_cancel = events.Handle.cancel

    def cancel_handle(self):
        if rec is not None and not self._cancelled:
            n = rec.handle_id(self)
            if n is not None:
                rec.emit("handle.cancel", {"handle": n, "from": rec.origin()})
        return handle_cancel(self)

    # TimerHandle.cancel reaches Handle.cancel through super(): one patch records both.
    events.Handle.cancel = cancel_handle

    future_init = _Future.__init__

    def init_future(self, *, loop=None):
        future_init(self, loop=loop)
        if rec is not None and not isinstance(self, _Task):
            n = future_id(self)
            rec.emit("future.create", {"future": n, "type": type(self).__name__, "from": rec.origin()})

    _Future.__init__ = init_future

    set_result = _Future.set_result

    def future_set_result(self, result):
        if rec is not None and self._state == _PENDING:
            rec.emit("future.result", {"future": future_id(self), "value": safe_repr(result)})
        set_result(self, result)

    _Future.set_result = future_set_result

    set_exception = _Future.set_exception

    def future_set_exception(self, exception):
        if rec is not None and self._state == _PENDING:
            exc = exception() if isinstance(exception, type) else exception
            if isinstance(exc, BaseException) and not isinstance(exc, StopIteration):
                rec.emit("future.exception", {"future": future_id(self), "exc": describe_exception(exc)})
        set_exception(self, exception)

    _Future.set_exception = future_set_exception

    future_cancel = _Future.cancel

    def cancel_future(self, msg=None):
        if rec is not None and self._state == _PENDING:
            message = msg if isinstance(msg, str) or msg is None else safe_repr(msg)
            rec.emit("future.cancelled", {"future": future_id(self), "msg": message})
        return future_cancel(self, msg=msg)

    _Future.cancel = cancel_future

    add_done_callback = _Future.add_done_callback

    def future_add_done_callback(self, fn, *, context=None):
        if rec is not None:
            label, role, _task, _future = describe_callback(fn, ())
            rec.emit("future.callback", {"future": future_id(self), "callback": label, "role": role})
        return add_done_callback(self, fn, context=context)

    _Future.add_done_callback = future_add_done_callback

    task_init = _Task.__init__

    def init_task(self, *args, **kwargs):
        task_init(self, *args, **kwargs)
        if rec is not None and not self._ls_id:
            register_task(self)

    _Task.__init__ = init_task

    task_cancel = _Task.cancel

    def cancel_task(self, msg=None):
        if rec is not None:
            message = msg if isinstance(msg, str) or msg is None else safe_repr(msg)
            rec.emit(
                "task.cancel",
                {"task": future_id(self), "msg": message, "accepted": not self.done(), "from": rec.origin()},
            )
        return task_cancel(self, msg)

    _Task.cancel = cancel_task

    step = _Task._Task__step_run_and_handle_result

    def step_task(self, exc):
        if rec is None:
            return step(self, exc)
        n = future_id(self)
        rec.emit("task.run", {"task": n, "throw": None if exc is None else type(exc).__qualname__})
        outer = rec.task
        rec.task = n
        try:
            step(self, exc)
        finally:
            rec.task = outer
            if rec.stop is None and not self.done():
                waiter = self._fut_waiter
                if waiter is not None:
                    rec.emit(
                        "task.suspend",
                        {"task": n, "awaiting": awaiting_of(waiter), "line": paused_line(self._coro)},
                    )
                else:
                    rec.emit("task.yield", {"task": n, "line": paused_line(self._coro)})

    _keep_name(step_task, step)
    _Task._Task__step_run_and_handle_result = step_task

    wakeup = _Task._Task__wakeup

    def wakeup_task(self, future):
        if rec is not None:
            rec.emit("task.wake", {"task": future_id(self), "future": future_id(future)})
        wakeup(self, future)

    _keep_name(wakeup_task, wakeup)
    _Task._Task__wakeup = wakeup_task

    # Tracebacks show neither this module's frames nor the Task and Future internals that
    # asyncio's C accelerator (the default in CPython) runs without Python frames.
    walk = traceback._walk_tb_with_full_positions

    def walk_tb(tb):
        for frame, positions in walk(tb):
            if not _hidden_frame(frame.f_code):
                yield frame, positions

    traceback._walk_tb_with_full_positions = walk_tb

    show_warning = warnings._showwarnmsg_impl

    def show(msg):
        if rec is not None:
            line = msg.lineno if msg.filename == rec.user_file else None
            rec.emit(
                "warning",
                {"category": msg.category.__name__, "message": safe_str(msg.message) if isinstance(msg.message, Warning) else str(msg.message), "line": line},
            )
        show_warning(msg)

    warnings._showwarnmsg_impl = show

    class LogRecorder(logging.Filter):
        def filter(self, record):
            if rec is not None:
                try:
                    message = record.getMessage()
                except Exception:
                    message = str(record.msg)
                rec.emit("log", {"logger": record.name, "level": record.levelname, "message": message})
            return True

    logging.getLogger("asyncio").addFilter(LogRecorder())


_HIDDEN_ASYNCIO = {
    ("tasks.py", "__step"),
    ("tasks.py", "__step_run_and_handle_result"),
    ("tasks.py", "__wakeup"),
    ("tasks.py", "__eager_start"),
    ("futures.py", "__await__"),
    ("futures.py", "result"),
    ("futures.py", "exception"),
}
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)


def _hidden_frame(code):
    filename = code.co_filename
    if filename == ENGINE_FILE:
        return True
    if os.path.dirname(filename) == _ASYNCIO_DIR:
        return (os.path.basename(filename), code.co_name) in _HIDDEN_ASYNCIO
    return False


# --- The virtual clock for the program ----------------------------------------------------


def _virtual_sleep(secs):
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer or float")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    if rec.thread is not None:
        rec.thread.elapsed += secs
        return
    rec.advance(rec.now + secs, blocked=True)


def _install_clock(epoch):
    def now():
        thread = rec.thread
        return rec.read_clock() + (thread.elapsed if thread is not None else 0.0)

    def wall():
        return epoch + now()

    time.time = wall
    time.time_ns = lambda: int(wall() * 1e9)
    time.monotonic = now
    time.monotonic_ns = lambda: int(now() * 1e9)
    time.perf_counter = now
    time.perf_counter_ns = lambda: int(now() * 1e9)
    time.sleep = _virtual_sleep


# --- Threads, simulated -------------------------------------------------------------------


class VirtualThread:
    """A worker thread for run_in_executor/to_thread, simulated on one real thread.

    The function runs to completion when it is submitted, on its own clock: its
    `time.sleep` calls do not block the loop but move the thread's clock, and what it prints
    is written when the loop's clock reaches the thread's time of printing. The future is
    done when the loop's clock reaches the thread's end.
    """

    def __init__(self):
        self.elapsed = 0.0
        self.writes = []


def run_in_virtual_thread(loop, func, args):
    loop._check_closed()
    future = loop.create_future()
    thread = VirtualThread()
    start = rec.now
    outer = rec.thread
    rec.thread = thread
    result = error = None
    try:
        result = func(*args)
    except BaseException as exc:  # noqa: BLE001 - a thread's exception goes to its future.
        if isinstance(exc, _Stop):
            raise
        error = exc
    finally:
        rec.thread = outer
    for offset, stream, text in thread.writes:
        loop.call_at(start + offset, _thread_write, stream, text)
    loop.call_at(start + thread.elapsed, _thread_done, future, result, error)
    return future


def _thread_write(stream, text):
    rec.output(stream, text)


def _thread_done(future, result, error):
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


# --- The program's streams ----------------------------------------------------------------


class TracedStream(io.TextIOBase):
    def __init__(self, name):
        self.name = "<" + name + ">"
        self.stream = name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        thread = rec.thread if rec is not None else None
        if thread is not None:
            thread.writes.append((thread.elapsed, self.stream, text))
        elif rec is not None:
            rec.output(self.stream, text)
        return len(text)

    def flush(self):
        pass


# --- Running a program --------------------------------------------------------------------

# Pyodide's bridges to the JavaScript realm the interpreter runs in: `js` (the worker's global
# scope, or what Pyodide was given instead), `pyodide_js` (Pyodide's JavaScript API, and
# through its `_api` the internal one, whose `scheduleCallback` calls a function later with
# the worker's global object as `this`), and the Python packages around them. A program has
# no use for them (python3 has none of them either), and a hostile one could reach what the
# worker can. Python is not a sandbox: this narrows what a program finds, it does not contain
# it. What contains it is the worker's sandbox (no eval), the worker's end with its run, and
# the host's checks of everything the worker sends.
_BRIDGES = {"js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core"}


class _NoBridgeImports:
    """A meta path finder that refuses Pyodide's JavaScript bridges, with a message that says
    why."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in _BRIDGES:
            raise ModuleNotFoundError(
                f"No module named {name!r}: Loopscope runs programs as python3 does, without "
                "the bridge to JavaScript that Pyodide adds",
                name=name,
            )
        return None


def cut_bridges():
    """Drops every reference the interpreter holds to a JavaScript object: the modules
    Pyodide's import hook serves (`js`, `pyodide_js`), the loaders of what was imported from
    them, and whatever holds a proxy of a JavaScript object that the garbage collector finds
    (such as `pyodide.webloop.scheduleCallback`). Called once the interpreter is restored,
    while its worker waits for its one run: Pyodide needs none of them to run a program, and
    the engine's own (the trace sink and the stop flag) come with the run."""
    from _pyodide._core_docs import JsProxy
    from _pyodide._importhook import JsLoader, jsfinder

    jsfinder.jsproxies.clear()
    # Which types are proxies of JavaScript objects, decided once per type: JsProxy's
    # isinstance check is Python code, too slow to run on every value of the interpreter.
    verdicts = {}

    def is_js(value):
        kind = type(value)
        verdict = verdicts.get(kind)
        if verdict is None:
            verdict = verdicts[kind] = issubclass(kind, JsProxy) and not issubclass(kind, type)
        return verdict

    for holder in gc.get_objects():
        kind = type(holder)
        if kind is dict:
            for key in [k for k, v in holder.items() if is_js(v)]:
                del holder[key]
        elif kind is list:
            for index in [i for i, v in enumerate(holder) if is_js(v)]:
                holder[index] = None
        elif kind is JsLoader:
            holder.jsproxy = None


def _hide_bridges():
    """Before a program runs: its imports of the bridges fail as in python3, and `sys.modules`
    holds none of them (their module objects stay where Pyodide's own code holds them, without
    a reference to JavaScript since `cut_bridges`)."""
    for name in [m for m in sys.modules if m.partition(".")[0] in _BRIDGES]:
        del sys.modules[name]
    sys.meta_path[:] = [_NoBridgeImports()] + [f for f in sys.meta_path if type(f).__name__ != "JsFinder"]


MONITOR_TOOL = 4


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _on_line(code, line):
    r = rec
    if r is None or r.thread is not None:
        return
    r.checkpoint()
    if r.output_pending:
        r.flush_output()
    r.line = line
    r.emit("line", {"line": line, "task": r.task})


def _frames_of(tb):
    frames = []
    for frame, line in traceback.walk_tb(tb):
        if _hidden_frame(frame.f_code):
            continue
        filename = frame.f_code.co_filename
        frames.append({"file": filename, "line": line, "name": frame.f_code.co_name, "user": filename == rec.user_file})
    return frames


def _exit_code(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(str(code) + "\n")
    return 1


def run(source, filename, stdin, options_json, sink, control):
    """Runs one program and streams its trace to `sink` (JSON array strings)."""
    global rec
    options = json.loads(options_json)
    rec = Recorder(sink, control, options["budgets"], filename, bool(options.get("probe")))
    rec.emit(
        "run.start",
        {"version": TRACE_VERSION, "python": sys.version.split()[0], "file": filename, "source": source},
    )
    sys.stdout = TracedStream("stdout")
    sys.stderr = TracedStream("stderr")
    sys.stdin = io.StringIO(stdin if stdin is not None else "")
    _install_clock(time.time())
    events._set_event_loop_policy(TracedPolicy())
    sys.argv = [filename]
    directory = os.path.dirname(filename) or "/"
    try:
        os.makedirs(directory, exist_ok=True)
        with open(filename, "w", encoding="utf-8") as file:
            file.write(source)
        os.chdir(directory)
    except OSError:
        pass
    sys.path.insert(0, directory)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)

    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        sys.stderr.write("".join(traceback.format_exception_only(type(exc), exc)))
        rec.finish(
            {
                "outcome": "syntax-error",
                "exitCode": 1,
                "line": exc.lineno or 1,
                "column": exc.offset or 1,
                "error": f"{type(exc).__name__}: {exc.msg}",
            }
        )
        return

    monitoring = sys.monitoring
    monitoring.use_tool_id(MONITOR_TOOL, "loopscope")
    monitoring.register_callback(MONITOR_TOOL, monitoring.events.LINE, _on_line)
    for each in _code_objects(code):
        monitoring.set_local_events(MONITOR_TOOL, each, monitoring.events.LINE)

    _hide_bridges()
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    end = {"outcome": "completed", "exitCode": 0}
    try:
        try:
            exec(code, main.__dict__)
        finally:
            if rec.stop is None:
                atexit._run_exitfuncs()
    except SystemExit as exc:
        end["exitCode"] = _exit_code(exc)
    except BaseException as exc:  # noqa: BLE001 - an uncaught exception is an outcome.
        if rec.stop is None:
            rec.emit("exception", {"exc": describe_exception(exc), "frames": _frames_of(exc.__traceback__)})
            traceback.print_exception(type(exc), exc, exc.__traceback__)
            end = {"outcome": "raised", "exitCode": 1}
    if rec.stop is None:
        # Like interpreter shutdown: free the program's objects, so that finalizers run and
        # report what they report natively (a task destroyed while pending, say).
        try:
            main.__dict__.clear()
            gc.collect()
        except _Stop:
            pass
        except BaseException:  # noqa: BLE001 - shutdown errors are printed, as CPython does.
            traceback.print_exc()
    # A stop (a budget, the user, a loop with nothing to do) decides the outcome, whatever the
    # program did with the exception that unwound it.
    if rec.stop is not None:
        end = {"outcome": rec.stop.outcome, "exitCode": 124}
        if rec.stop.budget is not None:
            end["budget"] = rec.stop.budget
    monitoring.register_callback(MONITOR_TOOL, monitoring.events.LINE, None)
    monitoring.free_tool_id(MONITOR_TOOL)
    rec.finish(end)


_instrument()
