"""The recorder: numbers events, keeps the virtual clock, enforces budgets, batches the trace.

Also what the trace says about the things it names (tasks, futures, handles, values), in
the safe forms that never run a program's own `__repr__` or `__str__`.
"""

import functools
import itertools
import marshal
import sys
import time
import types

import asyncio
from asyncio import futures, tasks

# The real clock, for the wall-time budget only; the program sees the virtual one.
real_perf_counter = time.perf_counter

TRACE_VERSION = 1
# The sys.monitoring tool the engine records lines with.
MONITOR_TOOL = 4
# How far the virtual clock moves each time the program reads it (see Recorder.read_clock).
CLOCK_TICK = 1e-9
# How many times a line may run in one step of a task (or one iteration of the loop, or, with
# no loop, in the whole program) before its further runs there go unrecorded: a tight loop
# then runs at full speed, and the trace says which line it summarised (`line.hot`).
HOT_LINE = 500
# How many characters of a text the trace carries (a warning's message, a log record's, a
# task's name...); the host sends the documented cap (MAX_EVENT_TEXT in run-guard.ts) with each
# run, and refuses batches far larger than an honest engine sends.
TEXT_LIMIT = 4096

# The events recorded on the hot path with `Recorder.row`, each with its fields in the order
# its callers give them. The wire carries fields by position, in the schema's order
# (src-shared/trace-wire.ts): each run checks these against the schema the host sends, so that
# a field added to one of these kinds fails every run at once until its callers give it. An
# origin (where a thing was made: the line and the task that ran) is its two values,
# `rec.line, rec.task`, and every kind that has one is written here.
ROWS = {
    "line": ("line", "task"),
    "output": ("stream", "text"),
    "loop.iteration": ("loop", "n"),
    "loop.select": ("loop", "timeout"),
    "loop.wait": ("loop", "until"),
    "loop.timers": ("loop",),
    "loop.ready": ("loop", "count"),
    "handle.push": ("handle", "loop", "callback", "args", "role", "task", "future", "from.line", "from.task"),
    "timer.push": ("handle", "loop", "when", "callback", "args", "role", "task", "future", "from.line", "from.task"),
    "timer.due": ("handle",),
    "handle.run": ("handle",),
    "handle.done": ("handle",),
    "handle.skip": ("handle",),
    "task.create": ("task", "name", "coro", "call", "defLine", "from.line", "from.task"),
    "future.create": ("future", "type", "from.line", "from.task"),
    "task.run": ("task", "throw"),
    "task.suspend": ("task", "awaiting", "line"),
    "task.yield": ("task", "line"),
    "task.wake": ("task", "future"),
    "future.result": ("future", "value"),
    "future.callback": ("future", "callback", "role"),
    "task.frames": ("task", "frames"),
    "handle.cancel": ("handle", "from.line", "from.task"),
    "task.cancel": ("task", "msg", "accepted", "from.line", "from.task"),
}
# How many times the events budget a program may run on unrecorded once its trace has filled.
FULL_FACTOR = 4
# An optional field that is absent goes on the wire as False (no optional field holds a bool).
ABSENT = False
# Where a batch says the clock moved: this, then the new time (no kind has this index).
CLOCK = -1
_ABSENTS = itertools.repeat(ABSENT)

_Task = tasks.Task
_Future = futures.Future

rec = None  # The current run's Recorder; set by loopscope_engine.bind().


def encode_batch(batch):
    """A batch as it crosses to the host: in marshal's format (version 4, which CPython 3.14
    still reads and writes), which src-shared/marshal.ts reads. marshal is C and writes an int
    in a tenth of the time json's encoder takes, and bytes cross to JavaScript as one copy."""
    try:
        return marshal.dumps(batch, 4)
    except ValueError:
        # marshal writes only exact types, and a value can be a program's own subclass of
        # int, float or str (an exit status, a text it wrote): written as its base's value.
        return marshal.dumps(_exact(batch), 4)


# Each base type, and how to take an instance of a subclass's value without its own methods.
_BASES = ((int, int.__int__), (float, float.__float__), (str, str.__str__))


def _exact(value):
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    if isinstance(value, (list, tuple)):
        return [_exact(item) for item in (list.__iter__ if isinstance(value, list) else tuple.__iter__)(value)]
    if isinstance(value, dict):
        return {_exact(key): _exact(item) for key, item in dict.items(value)}
    for base, take in _BASES:
        if isinstance(value, base):
            return take(value)
    raise TypeError(f"a {kind.__name__} cannot go on the wire")


class Stop(KeyboardInterrupt):
    """Ends a run from inside the program: a budget, the user, a loop with nothing to do, or
    `os._exit()`.

    It derives from KeyboardInterrupt because asyncio lets only KeyboardInterrupt and
    SystemExit escape from tasks and callbacks; anything else would be stored in a task.
    """

    def __init__(self, outcome, budget=None, exit_code=124):
        super().__init__(outcome)
        self.outcome = outcome
        self.budget = budget
        self.exit_code = exit_code


def _recursing(code):
    """Whether `code` runs in more than one frame of the stack (a recursion). Its newest frame
    is the one whose line event is being handled, under this function, hot_line and _on_line."""
    frame = sys._getframe(3).f_back
    while frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back
    return False


class RecursionLimit:
    """The recursion limit the program sees, and how many engine frames stand under it.

    Natively, the program's first frame is the first on the stack, and a task's coroutine runs
    with no asyncio frame between it and the loop's Handle._run (the C Task). Here the engine's
    frames stand there: the real limit is raised by as many frames as stand in the program's
    way at each moment, so that it reaches RecursionError at the depth it does natively.
    """

    real_get = staticmethod(sys.getrecursionlimit)
    real_set = staticmethod(sys.setrecursionlimit)
    extra = 0
    # 1 while the program's lines are recorded: the line event's frame stands above its newest.
    line_frame = 0
    # The RAISE event's callback (loopscope_errno.on_raise), during a run. It too needs a frame
    # above the newest: it is called only while the line event's frame has room, so that a
    # RecursionError raised at the limit is not replaced by one the callback itself raises.
    raise_callback = None

    @classmethod
    def deeper(cls, frames):
        cls.extra += frames
        cls.real_set(cls.real_get() + frames)

    @classmethod
    def lines_recorded(cls, recorded):
        if recorded != cls.line_frame:
            cls.line_frame = recorded
            cls.deeper(1 if recorded else -1)
            cls.listen_for_raise()

    @classmethod
    def listen_for_raise(cls):
        callback = cls.raise_callback if cls.line_frame else None
        if cls.raise_callback is not None:
            sys.monitoring.register_callback(MONITOR_TOOL, sys.monitoring.events.RAISE, callback)


def short_text(text):
    """A text the trace carries, shortened to TEXT_LIMIT characters."""
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


class Recorder:
    """Numbers events, keeps the virtual clock, enforces budgets and batches the trace.

    A batch is what crosses to the host: one flat list, `[first seq, CLOCK, t, kind index,
    …fields in the schema's order, kind index, …]` (src-shared/trace-wire.ts), the kinds and
    their fields as the host's `wire` table gives them at the run's start: a list per event
    would cost as much again to make and to encode. The time is not written with each event:
    the clock writes `CLOCK, t` where it moves, once for any number of moves between two events
    (see mark_clock), and every batch starts with one. Most events happen at the time of the
    one before: a float for each event would be a quarter of the batch's bytes.
    """

    BATCH = 4096
    CHECK_EVERY = 512
    # The length of a batch that holds no event yet: its first seq and the clock's time.
    FIRST = 3
    # Seconds of real time printed text may wait in a batch.
    OUTPUT_LATENCY = 0.005

    def __init__(self, sink, control, budgets, user_file, probe, wire):
        self.kinds = {kind: index for index, (kind, _fields) in enumerate(wire)}
        self.fields = [tuple(fields) for _kind, fields in wire]
        for kind, fields in ROWS.items():
            index = self.kinds.get(kind)
            if index is None or self.fields[index] != fields:
                raise RuntimeError(
                    f"loopscope_trace.ROWS writes {kind} as {fields}; the schema (src-shared/trace-schema.ts) "
                    f"has {self.fields[index] if index is not None else 'no such kind'}"
                )
        # An origin goes on the wire as two values (from.line, from.task), which only `row` writes.
        for kind, index in self.kinds.items():
            if "from.line" in self.fields[index] and kind not in ROWS:
                raise RuntimeError(f"{kind} has an origin: loopscope_trace.ROWS must write it")
        self.line_kind = self.kinds["line"]
        self.output_kind = self.kinds["output"]
        self.sink = sink
        self.probe = probe
        self.control = control
        self.max_events = int(budgets["maxEvents"])
        self.max_virtual = float(budgets["maxVirtualSeconds"])
        self.max_wall = float(budgets["maxWallMs"]) / 1000.0
        self.max_output = int(budgets["maxOutputBytes"])
        self.user_file = user_file
        # The batch: the number of the first event it holds, the clock's time, then its events.
        self.batch = [0, CLOCK, 0.0]
        # The batch's length just after its last CLOCK mark: while it still is, no event came
        # after the mark, and mark_clock moves that mark on.
        self.clock_end = len(self.batch)
        # Events counted up to the last check_limits, and the countdown set then (see `seq`).
        self.counted = 0
        self.count_from = self.countdown = min(self.CHECK_EVERY, self.max_events)
        # The length of the batch just after its last event, when that event is printed text
        # (which more text of the same stream then extends); -1 otherwise.
        self.output_end = -1
        # Where the batch holds an output event's text as a list of pieces (see output).
        self.output_pieces = []
        self.now = 0.0
        self.line = None
        self.task = None
        self.output_size = 0
        # The number of events the trace held when it filled up (see fill); None until then.
        self.full_at = None
        # Events left to run unrecorded once it has.
        self.unrecorded = 0
        self.stop = None
        # A stop the host asked for while the engine's own code ran (see stop_signal).
        self.stop_pending = 0
        self.finished = False
        # The simulated thread whose code is running; None for the main thread.
        self.thread = None
        self.started = real_perf_counter()
        self.last_flush = 0.0
        self.output_pending = False
        self.handle_ids = {}
        self.next_handle = 0
        self.next_future = 0
        self.next_loop = 0
        # Runs of each line (keyed by line and task) since the loop's last step.
        self.line_hits = {}
        self.hot_lines = set()
        self.lines_disabled = False
        # The code objects of recursive functions whose lines went hot (see hot_line).
        self.silenced = []

    def row_of(self, kind, fields):
        """An event given as a dict of its fields, as it goes on the wire."""
        index = self.kinds[kind]
        names = self.fields[index]
        if len(fields) > len(names):
            raise ValueError(f"{kind} has fields the schema does not name: {sorted(set(fields) - set(names))}")
        return [index, *map(fields.get, names, _ABSENTS)]

    def mark_clock(self):
        """Writes where the clock moved, for the events after it: the mark the batch ends with
        is moved on when no event came after it (a program that reads the clock in a loop
        writes one)."""
        batch = self.batch
        if self.clock_end == len(batch):
            batch[-1] = self.now
        else:
            batch += (CLOCK, self.now)
            self.clock_end = len(batch)

    def emit(self, kind, fields):
        if self.stop is not None:
            return
        self.batch += self.row_of(kind, fields)
        # One countdown stands for the batch size, the budgets and the stop flag.
        self.countdown -= 1
        if self.countdown <= 0:
            self.check_limits()

    def row(self, kind, *values):
        """Records an event of the hot path, its fields given in the order of ROWS[kind]."""
        if self.stop is not None:
            return
        batch = self.batch
        batch.append(self.kinds[kind])
        batch += values
        # One countdown stands for the batch size, the budgets and the stop flag.
        self.countdown -= 1
        if self.countdown <= 0:
            self.check_limits()

    @property
    def seq(self):
        """How many events were recorded: each one counted the countdown down by one."""
        return self.counted + self.count_from - self.countdown

    def flush_output(self):
        """Sends printed text on soon, so that the console keeps up with the program (and
        keeps what was printed before a computation that has to be cut off by force)."""
        if self.output_pending and real_perf_counter() - self.last_flush > self.OUTPUT_LATENCY:
            self.flush()

    def output(self, stream, text):
        """Records text that reached the terminal (see loopscope_io for the buffering)."""
        if self.stop is not None or not text:
            return
        self.output_size += len(text)
        if self.output_size > self.max_output:
            self.halt("budget", "output")
        batch = self.batch
        if self.output_end == len(batch) and batch[-2] == stream:
            # The text goes on the last output event: its pieces are joined when the batch is
            # sent (adding to a string would copy all of it, each time).
            last = batch[-1]
            if type(last) is list:
                last.append(text)
            else:
                batch[-1] = [last, text]
                self.output_pieces.append(len(batch) - 1)
        else:
            # The class's row: printed text is recorded after the trace filled too (see fill).
            Recorder.row(self, "output", stream, text)
            self.output_end = len(self.batch)
        self.output_pending = True

    def check_limits(self):
        seq = self.seq
        if seq >= self.max_events:
            if self.full_at is None:
                self.fill(seq)
            elif seq >= 2 * self.max_events:
                # Printed text alone, after the trace filled, counts too.
                self.halt("budget", "events")
        countdown = min(self.CHECK_EVERY, self.max_events - seq)
        self.counted = seq
        self.count_from = self.countdown = countdown
        if seq - self.batch[0] >= self.BATCH:
            self.flush()
        self.check_stop()

    def check_stop(self):
        """The host's stop flag and the wall-time budget."""
        if self.stop_pending:
            self.stop_requested(self.stop_pending)
        control = self.control
        if control is not None:
            reason = control[0]
            if reason != 0:
                # Taken here, it does not also reach Pyodide as a signal (see stop_requested).
                control[0] = 0
                self.stop_requested(reason)
        if real_perf_counter() - self.started > self.max_wall:
            self.halt("budget", "wall-time")

    def fill(self, seq):
        """The trace holds all it may: the program runs on, unrecorded, to its end (the events
        budget then stops it once it has run FULL_FACTOR times as many events again). What it
        prints is still recorded, so that its output is whole, and `run.end` says where the
        trace filled (`fullAt`). A program that spends a second natively switching tasks (about
        800,000 events) thus ends as it does natively instead of being cut off."""
        self.full_at = seq
        self.unrecorded = FULL_FACTOR * self.max_events
        # The instance's own methods shadow the class's: the hot path pays nothing until now.
        self.row = self.emit = self.skip

    def skip(self, kind, *fields):
        """An event after the trace filled: counted, not recorded (see fill)."""
        left = self.unrecorded = self.unrecorded - 1
        if left <= 0:
            self.halt("budget", "events")
        if not left & (self.CHECK_EVERY - 1):
            self.check_stop()

    def over_memory(self):
        """Whether the memory budget refused the program memory (the interpreter's mark,
        src-engine/core/interpreter.ts): a MemoryError is then the budget's, not the program's."""
        control = self.control
        return control is not None and control[1] != 0

    def stop_requested(self, reason):
        """The host asked the run to stop: 1 is the user, 2 is the wall-time budget, 3 the
        memory budget. The host writes the reason into a buffer that Pyodide also polls as a
        signal number, so that a tight loop that records nothing still stops (loopscope_engine
        handles signals 1 to 3)."""
        if reason == 1:
            self.halt("stopped")
        self.halt("budget", "memory" if reason == 3 else "wall-time")

    def halt(self, outcome, budget=None, exit_code=124):
        """Stops the run: no more events are recorded, and the program is unwound."""
        if self.stop is None:
            # Decided before the flush: sending the batch may deliver a pending signal, whose
            # handler must find the run already stopping.
            self.stop = Stop(outcome, budget, exit_code)
            self.flush()
        raise self.stop

    def checkpoint(self):
        """Called where stopping is safe (a new line, a loop iteration): re-raise a stop the
        program swallowed with a bare `except`."""
        if self.stop is not None:
            raise self.stop
        if self.stop_pending:
            self.stop_requested(self.stop_pending)

    def stop_signal(self, reason, in_engine):
        """The host's stop, arriving as a signal. In the program's code it stops the run
        there; in the engine's own code (Pyodide also delivers signals when Python calls
        JavaScript, where an exception would escape the call) it waits for the engine's next
        checkpoint."""
        if self.stop is not None or self.finished:
            return
        if in_engine:
            self.stop_pending = reason
        else:
            self.stop_requested(reason)

    def read_clock(self):
        """The loop's time, as the program sees it.

        A real clock never reads the same twice: code that runs between two reads takes some
        time. Each read moves the virtual clock on by a nanosecond, so that timers set one
        after another get deadlines in that order, as they do natively (with a frozen clock,
        equal deadlines would run in heap order instead).
        """
        self.now += CLOCK_TICK
        self.mark_clock()
        return self.now

    def advance(self, until, blocked):
        """Moves the clock on to `until` (never back)."""
        if until > self.max_virtual:
            self.halt("budget", "virtual-time")
        if until <= self.now:
            return
        if blocked:
            self.emit("clock.block", {"until": until, "line": self.line, "task": self.task})
        self.now = until
        self.mark_clock()

    def flush(self):
        self.output_pending = False
        self.last_flush = real_perf_counter()
        if len(self.batch) > self.FIRST:
            batch = self.batch
            for index in self.output_pieces:
                batch[index] = "".join(batch[index])
            self.output_pieces = []
            payload = encode_batch(batch)
            self.batch = [self.seq, CLOCK, self.now]
            self.clock_end = self.FIRST
            self.output_end = -1
            self.sink(payload)
        if self.stop_pending and self.stop is None and not self.finished:
            self.stop_requested(self.stop_pending)

    def finish(self, fields):
        """Records `run.end`, past any stop or budget."""
        self.finished = True
        self.batch += self.row_of("run.end", fields)
        self.countdown -= 1
        self.flush()

    # --- lines ---------------------------------------------------------------------------

    def count_line(self, key):
        """Counts a run of a line; True once it is a tight loop's."""
        hits = self.line_hits.get(key, 0) + 1
        self.line_hits[key] = hits
        return hits > HOT_LINE

    def hot_line(self, code, line):
        if self.thread is None:
            self.emit("line.hot", {"line": line, "task": self.task})
            self.hot_lines.add(line)
        # A deep recursion's lines are hot too: its frames now run without the line event's
        # frame above them.
        RecursionLimit.lines_recorded(0)
        self.lines_disabled = True
        # In a recursion, the function's other lines (an `except RecursionError:` reached at
        # the deepest level) must not bring that frame back either: its whole code goes silent.
        if _recursing(code) and code not in self.silenced:
            self.silenced.append(code)
            sys.monitoring.set_local_events(MONITOR_TOOL, code, 0)
        # What was printed before a long computation reaches the host now.
        self.flush()

    def next_step(self):
        """The loop takes its next step: lines count afresh, and tight loops are recorded again."""
        if self.line_hits:
            self.line_hits.clear()
        if self.lines_disabled:
            self.lines_disabled = False
            RecursionLimit.lines_recorded(1)
            for code in self.silenced:
                sys.monitoring.set_local_events(MONITOR_TOOL, code, sys.monitoring.events.LINE)
            self.silenced.clear()
            sys.monitoring.restart_events()

    # --- identities -------------------------------------------------------------------

    def handle_id(self, handle, new=False):
        key = id(handle)
        if new:
            self.next_handle += 1
            self.handle_ids[key] = self.next_handle
            return self.next_handle
        return self.handle_ids.get(key)


# --- What things are ------------------------------------------------------------------

# The function that stands for a task's wake-up in the ready queue; set by loopscope_asyncio
# when it instruments the Task class.
WAKEUP_FUNCTIONS = set()
# The type of what the C Task schedules for a task's step (loopscope_asyncio.TaskStepMethWrapper).
STEP_TYPES = set()


def future_id(fut):
    """The trace id of a future or task, registering it on first sight."""
    n = fut._ls_id
    if not n:
        if isinstance(fut, _Task):
            return register_task(fut)
        rec.next_future += 1
        n = fut._ls_id = rec.next_future
    return n


# How long the shown call of a task's coroutine may be, `my_coroutine(1, 2)`.
CALL_LIMIT = 120


def coroutine_link(coro):
    """A coroutine's (or generator's) frame and what it awaits. Only the interpreter's own
    kinds are read: an awaitable of the program's own class could run its code on a getattr."""
    kind = type(coro)
    if kind is types.CoroutineType:
        return coro.cr_frame, coro.cr_await
    if kind is types.GeneratorType:
        return coro.gi_frame, coro.gi_yieldfrom
    return None, None


def register_task(task):
    rec.next_future += 1
    n = task._ls_id = rec.next_future
    coro = task._coro
    kind = type(coro)
    own = kind is types.CoroutineType or kind is types.GeneratorType
    code = (coro.cr_code if kind is types.CoroutineType else coro.gi_code) if own else None
    def_line = code.co_firstlineno if code is not None and code.co_filename == rec.user_file else None
    call = coroutine_call(coro)
    rec.row(
        "task.create",
        n,
        short_text(str(task._name)),
        # A coroutine of the program's own class is named by its class: its attributes are its code.
        coro.__qualname__ if own else kind.__qualname__,
        ABSENT if call is None else call,
        def_line,
        rec.line,
        rec.task,
    )
    return n


class _CallShape:
    """What coroutine_call needs of a coroutine function's code object, worked out once."""

    __slots__ = ("name", "positional", "keyword_only", "varargs", "varkw")

    def __init__(self, code):
        names = code.co_varnames
        positional = code.co_argcount
        index = positional + code.co_kwonlyargcount
        flags = code.co_flags
        self.name = code.co_name
        self.positional = names[:positional]
        self.keyword_only = names[positional:index]
        self.varargs = names[index] if flags & 0x04 else None  # *args
        if flags & 0x04:
            index += 1
        self.varkw = names[index] if flags & 0x08 else None  # **kwargs


_call_shapes = {}


def coroutine_call(coro):
    """The call that made a coroutine, as its code wrote it: `worker('a', 2)`.

    Read off the suspended frame before it first runs, when its locals are still exactly the
    arguments. Arguments left at their defaults are not shown (when the function is found in
    its module, to know them); keyword arguments are shown in the signature's order.
    """
    if type(coro) is not types.CoroutineType:
        return None
    frame = coro.cr_frame
    if frame is None or coro.cr_running or coro.cr_suspended:
        return None
    code = frame.f_code
    shape = _call_shapes.get(code)
    if shape is None:
        shape = _call_shapes[code] = _CallShape(code)
    # Before the first step the locals are exactly the arguments (read through the frame's
    # view of them, PEP 667: no program code runs).
    values = frame.f_locals
    missing = _MISSING
    args = [values.get(name, missing) for name in shape.positional]
    if missing in args:
        return None
    function = frame.f_globals.get(shape.name)
    if getattr(function, "__code__", None) is not code:
        function = None
    defaults = (function.__defaults__ or ()) if function is not None else ()
    extra = values.get(shape.varargs, ()) if shape.varargs is not None else ()
    # Trailing positional arguments that are their defaults were most likely not written.
    first_default = len(args) - len(defaults)
    while not extra and len(args) > max(first_default, 0) and args[-1] is defaults[len(args) - 1 - first_default]:
        args.pop()
    parts = [safe_repr(value) for value in (*args, *extra)]
    if shape.keyword_only:
        kwdefaults = (function.__kwdefaults__ or {}) if function is not None else {}
        for name in shape.keyword_only:
            value = values.get(name, missing)
            if value is not missing and not (name in kwdefaults and value is kwdefaults[name]):
                parts.append(f"{name}={safe_repr(value)}")
    if shape.varkw is not None:
        for key, value in values.get(shape.varkw, {}).items():
            parts.append(f"{key}={safe_repr(value)}")
    text = f"{shape.name}({', '.join(parts)})"
    return text if len(text) <= CALL_LIMIT else text[: CALL_LIMIT - 2] + "…)"


_MISSING = object()


# How long a handle's shown arguments may be, `3, 'a'` of `call_later(1, tick, 3, 'a')`.
ARGS_LIMIT = 40
# At most this many of a handle's arguments are shown; more end in an ellipsis.
ARGS_SHOWN = 4


def describe_args(role, future, args):
    """A short text of a plain callback's arguments, or ABSENT. A task's step, its wake-up, the
    end of a sleep and a future's done-callback (its one argument is the future, which `future`
    already names) take none: their arguments are asyncio's own. Values as safe_repr shows them,
    so that no program code runs, and the whole cut to ARGS_LIMIT characters."""
    if not args or role != "callback" or future is not None:
        return ABSENT
    parts = [safe_repr(value, 1) for value in itertools.islice(args, ARGS_SHOWN)]
    if len(args) > ARGS_SHOWN:
        parts.append("…")
    text = ", ".join(parts)
    return text if len(text) <= ARGS_LIMIT else text[: ARGS_LIMIT - 1] + "…"


def describe_callback(callback, args):
    """(label, role, task id, future id) for a handle's callback."""
    func = callback
    kind = type(func)
    if kind in STEP_TYPES:
        # A task's step, as the C Task schedules it (see loopscope_asyncio.TaskStepMethWrapper).
        task = func._ls_task
        return "__step", "step", task._ls_id or register_task(task), None
    if kind is not types.MethodType and kind is not types.FunctionType:
        while isinstance(func, functools.partial):
            func = func.func
        kind = type(func)
        if kind in STEP_TYPES:
            task = func._ls_task
            return "__step", "step", task._ls_id or register_task(task), None
    task = None
    future = None
    if kind is types.MethodType:
        owner = func.__self__
        method = func.__func__
        if isinstance(owner, _Task):
            task = owner._ls_id or register_task(owner)
            if method in WAKEUP_FUNCTIONS:
                role, label = "wakeup", "__wakeup"
            else:
                role, label = "callback", method.__name__
        else:
            role = "callback"
            label = f"{type(owner).__name__}.{method.__name__}"
    else:
        qualname = getattr(func, "__qualname__", None) or kind.__name__
        label = qualname.replace(".<locals>", "")
        role = "sleep" if func is futures._set_result_unless_cancelled else "callback"
    if args:
        first = args[0]
        if isinstance(first, _Future):
            future = first._ls_id or future_id(first)
    return label, role, task, future


def describe_exception(exc):
    return {"type": short_text(type(exc).__qualname__), "message": safe_str(exc)}


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


SAFE_SCALARS = frozenset((int, float, complex, bool, str, bytes, type(None)))


def safe_repr(value, depth=0):
    """repr() of builtin values only; other objects are named by their type."""
    kind = type(value)
    if kind in SAFE_SCALARS:
        try:
            text = repr(value)
        except ValueError:
            # An int past sys.get_int_max_str_digits() has no repr.
            return f"<{kind.__name__}>"
        return text if len(text) <= 120 else text[:119] + "…"
    if kind in (list, tuple, set, frozenset) and depth < 2:
        items = [safe_repr(v, depth + 1) for v in itertools.islice(value, 8)]
        if len(value) > 8:
            items.append("…")
        inner = ", ".join(items)
        if kind is list:
            return f"[{inner}]"
        if kind is tuple:
            return f"({inner}{',' if len(value) == 1 else ''})"
        return f"{{{inner}}}" if value else f"{kind.__name__}()"
    if kind is dict and depth < 2:
        items = [f"{safe_repr(k, 2)}: {safe_repr(v, depth + 1)}" for k, v in itertools.islice(value.items(), 8)]
        if len(value) > 8:
            items.append("…")
        return "{" + ", ".join(items) + "}"
    # Not isinstance(), which would read the object's `__class__`: maybe a program's property.
    if issubclass(kind, _Task):
        return f"<Task {value._name}>"
    return f"<{public_name(kind)} object>"


def public_name(kind):
    """A class's name, or for a private one, the public name its module gives it (the event
    loop's class, `_UnixSelectorEventLoop`, is `asyncio.SelectorEventLoop`)."""
    name = kind.__qualname__
    if not name.startswith("_"):
        return name
    module = sys.modules.get(kind.__module__)
    names = vars(module) if module is not None else {}
    return next((key for key, value in names.items() if value is kind and not key.startswith("_")), name)


def finite(when):
    """A deadline as the trace holds it: a float, or None when it is not a finite number (a
    delay of `float("inf")` or `nan`, which JSON cannot write, or a program's own number type,
    whose code the recorder does not run)."""
    kind = type(when)
    if kind is not float:
        if kind is not int and kind is not bool:
            return None
        try:
            when = float(when)
        except OverflowError:
            return None
    return when if when - when == 0 else None


def awaiting_of(fut):
    n = future_id(fut)
    if isinstance(fut, _Task):
        return {"kind": "task", "future": n, "name": short_text(str(fut._name))}
    sleep_until = fut._ls_sleep
    if sleep_until is not None:
        return {"kind": "sleep", "future": n, "until": finite(sleep_until)}
    if isinstance(fut, tasks._GatheringFuture):
        return {"kind": "gather", "future": n, "children": [future_id(c) for c in fut._children]}
    return {"kind": "future", "future": n, "label": type(fut).__name__}


def paused_line(coro):
    """The line of the user's file where a suspended coroutine chain is paused."""
    line = None
    user_file = rec.user_file
    while coro is not None:
        frame, coro = coroutine_link(coro)
        if frame is not None and frame.f_code.co_filename == user_file:
            line = frame.f_lineno
    return line


assert asyncio.Task is _Task
