"""The instrumented event loop: asyncio's own BaseEventLoop on the virtual clock."""

import collections
import heapq

import asyncio
from asyncio import base_events, events, futures, selector_events, unix_events

import loopscope_io
import loopscope_net
import loopscope_threads
from loopscope_trace import RecursionLimit, describe_args, describe_callback, finite

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

# Timers due within this much of "now" run together, as a real select() oversleeps a little.
CLOCK_RESOLUTION = 1e-6
_TimerHandle = events.TimerHandle
_append = collections.deque.append
_popleft = collections.deque.popleft


class TracedReady(collections.deque):
    """The loop's ready queue (`loop._ready`), recording every handle that enters or leaves."""

    def __init__(self, loop):
        super().__init__()
        self.loop = loop
        # The id of the handle whose callback the loop is running, or ran last: its
        # handle.done is recorded when the loop takes the next one (nothing happens in
        # between), so that no wrapper frame stands between the loop and the callback.
        self.running = None

    def append(self, handle):
        _append(self, handle)
        r = rec
        if r is None:
            return
        ids = r.handle_ids
        if type(handle) is _TimerHandle:
            r.row("timer.due", ids.get(id(handle)))
            return
        args = handle._args
        label, role, task, future = describe_callback(handle._callback, args)
        n = r.next_handle = r.next_handle + 1
        ids[id(handle)] = n
        r.row(
            "handle.push",
            n,
            self.loop._ls_id,
            label,
            describe_args(role, future, args),
            role,
            task,
            future,
            r.line,
            r.task,
        )

    def popleft(self):
        handle = _popleft(self)
        r = rec
        if r is None:
            return handle
        if self.running is not None:
            r.row("handle.done", self.running)
        loop = self.loop
        if loop._ls_phase != "ready":
            loop._ls_phase = "ready"
            r.row("loop.ready", loop._ls_id, len(self) + 1)
        n = r.handle_ids.get(id(handle))
        if handle._cancelled:
            self.running = None
            r.row("handle.skip", n)
        else:
            self.running = n
            r.row("handle.run", n)
        return handle

    def done(self):
        rec.row("handle.done", self.running)
        self.running = None


class VirtualSelector(loopscope_net.NetSelector):
    """The loop's selector: waiting for I/O is waiting for the loopback network's sockets,
    for the next timer, or for what a thread does next."""

    def __init__(self, loop):
        super().__init__()
        self.loop = loop

    def select(self, timeout):
        loop = self.loop
        # What C code wrote to descriptors 1 and 2 during the last step is output of that step.
        loopscope_io.drain()
        rec.row("loop.select", loop._ls_id, timeout)
        sched = loopscope_threads.sched
        waiting = self._fd_to_key
        change = self.waited_change(loop._ls_id)
        if change is not None:
            rec.emit("io.wait", change)
        if rec.thread is not None:
            return self.select_in_thread(timeout)
        if waiting:
            if self.poll():
                timeout = 0
            else:
                arrival = self.next_change() - rec.now
                timeout = arrival if timeout is None else min(timeout, arrival)
        wake = rec.now + timeout if timeout is not None else loopscope_threads.INFINITY
        # A thread's action wakes the loop early, as a real thread writes to the loop's
        # self-pipe, and SIGALRM interrupts the main thread's wait.
        wake = min(wake, sched.next_time())
        if rec.thread is None:
            wake = min(wake, sched.alarm.when)
        wake = max(wake, rec.now)
        if wake == loopscope_threads.INFINITY:
            # Nothing is ready, no timer is set, and no thread will wake the loop: a real
            # program would wait here forever.
            rec.halt("stuck")
        if wake > rec.now:
            rec.advance(wake, blocked=False)
            rec.row("loop.wait", loop._ls_id, wake)
        sched.deliver()
        sched.alarm.fire()
        if not waiting:
            return []
        ready = self.poll()
        rec.emit("io.ready", {"loop": loop._ls_id, "sockets": self.describe(ready)})
        return ready


    def select_in_thread(self, timeout):
        """A loop run in a simulated thread waits on the thread's clock, as a thread waits for
        a lock: the world goes on meanwhile (other threads, the main thread's loop), and
        `call_soon_threadsafe` or a socket wakes it early."""
        loop = self.loop
        sched = loopscope_threads.sched
        waiting = self._fd_to_key

        def woken():
            return bool(loop._ready) or bool(waiting and self.poll())

        deadline = loopscope_threads.INFINITY if timeout is None else sched.current_time() + timeout
        while not woken():
            now = sched.current_time()
            if now >= deadline:
                break
            wake = min(self.next_change() if waiting else loopscope_threads.INFINITY, deadline)
            if wake == loopscope_threads.INFINITY:
                sched.block(woken)
            else:
                sched.block(woken, max(wake - now, 0.0))
        sched.deliver()
        if not waiting:
            return []
        ready = self.poll()
        rec.emit("io.ready", {"loop": loop._ls_id, "sockets": self.describe(ready)})
        return ready


# The name a program sees (asyncio's debug log says "Using selector: EpollSelector"): on Linux,
# the loop's selector is an epoll one.
VirtualSelector.__name__ = VirtualSelector.__qualname__ = "EpollSelector"
VirtualSelector.__module__ = "selectors"

_NO_IO = (
    "Loopscope runs asyncio on a virtual clock, with TCP sockets on the loopback only (no Unix "
    "sockets, UDP, pipes, subprocesses or signals): {} is not available here."
)


def _unavailable(name):
    def method(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO.format(name))

    method.__name__ = name
    return method


_BaseSelectorEventLoop = selector_events.BaseSelectorEventLoop
_UnixSelectorEventLoop = unix_events._UnixSelectorEventLoop
_BaseEventLoop = base_events.BaseEventLoop
_selector_classes = {}


def _virtual_selector(loop, selector):
    """The loop's VirtualSelector, named as the selector the program gave (asyncio's debug log
    prints its class's name); the program's own selector is left unused."""
    if selector is None:
        return VirtualSelector(loop)
    name = type(selector).__name__
    kind = _selector_classes.get(name)
    if kind is None:
        kind = _selector_classes[name] = type(name, (VirtualSelector,), {"__module__": type(selector).__module__})
    return kind(loop)


class TracedEventLoop:
    """What asyncio's own selector event loop becomes: its methods below replace
    BaseSelectorEventLoop's in place (see install), so that every loop a program can make
    (`SelectorEventLoop(selector)`, any policy, `new_event_loop`, `Runner(loop_factory=...)`,
    `BaseSelectorEventLoop()` itself, a subclass of its own) is asyncio's own, on a virtual
    clock, with every step recorded. This class only holds them: it is never instantiated, and
    no subclass of asyncio's (`BaseSelectorEventLoop.__subclasses__()`) shows it."""

    _ls_base_init = _BaseSelectorEventLoop.__init__
    _ls_base_process_events = _BaseSelectorEventLoop._process_events
    _ls_base_close = _BaseSelectorEventLoop.close

    def __init__(self, selector=None):
        TracedEventLoop._ls_base_init(self, _virtual_selector(self, selector))
        self._ready = TracedReady(self)
        self._clock_resolution = CLOCK_RESOLUTION
        self._ls_phase = None
        self._ls_iteration = 0
        rec.next_loop += 1
        self._ls_id = rec.next_loop
        rec.emit("loop.create", {"loop": self._ls_id})

    def time(self):
        return loopscope_threads.sched.clock()

    def _make_self_pipe(self):
        # Threads wake the loop through the virtual clock's timeline (loopscope_threads), not
        # through a self-pipe; its descriptors are only counted, as native numbering has them.
        self._ls_fds = [loopscope_net.net.allocate(self) for _ in range(loopscope_net.LOOP_FDS)]

    def _close_self_pipe(self):
        for fd in self._ls_fds:
            loopscope_net.net.release(fd)

    def _process_events(self, event_list):
        if event_list:
            TracedEventLoop._ls_base_process_events(self, event_list)
        self._ls_phase = "timers"
        rec.row("loop.timers", self._ls_id)

    def _write_to_self(self):
        loopscope_threads.wake_loop(self)

    def _run_once(self):
        rec.checkpoint()
        rec.next_step()
        if rec.output_pending:
            rec.flush_output()
        sched = loopscope_threads.sched
        if sched.ready:
            # Threads whose time has come run first; one that waits may run this loop's
            # iterations meanwhile (the main thread's loop: a thread's own loop is on the stack
            # of a thread that is not waiting), and if those stopped the loop, this one is not
            # needed.
            stopping = self._stopping
            outer = sched.loop_top
            if rec.thread is None:
                sched.loop_top = self
            try:
                sched.run_due()
            finally:
                sched.loop_top = outer
            if self._stopping and not stopping:
                return
        self._ls_iteration += 1
        self._ls_phase = "select"
        rec.row("loop.iteration", self._ls_id, self._ls_iteration)
        if rec.probe:
            rec.emit(
                "probe",
                {
                    "loop": self._ls_id,
                    "ready": [rec.handle_id(h) for h in self._ready],
                    "heap": [rec.handle_id(h) for h in self._scheduled],
                    "sockets": self._selector.waited(),
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
        # This method's frame stands above asyncio's own _run_once (see RecursionLimit).
        RecursionLimit.deeper(1)
        try:
            _BaseEventLoop._run_once(self)
        finally:
            RecursionLimit.deeper(-1)
        if self._ready.running is not None:
            self._ready.done()

    def run_forever(self):
        rec.emit("loop.start", {"loop": self._ls_id})
        RecursionLimit.deeper(1)
        try:
            _BaseEventLoop.run_forever(self)
        finally:
            RecursionLimit.deeper(-1)
            rec.emit("loop.stop", {"loop": self._ls_id})

    def close(self):
        if not self.is_closed() and not self.is_running():
            rec.emit("loop.close", {"loop": self._ls_id})
        TracedEventLoop._ls_base_close(self)


_TRACED_METHODS = (
    "__init__",
    "time",
    "_make_self_pipe",
    "_close_self_pipe",
    "_process_events",
    "_write_to_self",
    "_run_once",
    "run_forever",
    "close",
)
_UNAVAILABLE = (
    "create_unix_connection",
    "create_unix_server",
    "create_datagram_endpoint",
    "connect_read_pipe",
    "connect_write_pipe",
    "subprocess_exec",
    "subprocess_shell",
    "add_signal_handler",
)


class TracedHeapq:
    """Stands in for `heapq` inside asyncio.base_events, to see the timer heap change."""

    heapify = staticmethod(heapq.heapify)

    @staticmethod
    def heappush(heap, handle):
        heapq.heappush(heap, handle)
        label, role, task, future = describe_callback(handle._callback, handle._args)
        if role == "sleep" and future is not None:
            handle._args[0]._ls_sleep = handle._when
        rec.row(
            "timer.push",
            rec.handle_id(handle, new=True),
            handle._loop._ls_id,
            finite(handle._when),
            label,
            describe_args(role, future, handle._args),
            role,
            task,
            future,
            rec.line,
            rec.task,
        )

    @staticmethod
    def heappop(heap):
        handle = heapq.heappop(heap)
        # Before select, _run_once drops cancelled timers from the top of the heap; after it,
        # a due timer goes to the ready queue even when cancelled (and is skipped there).
        if handle._cancelled and handle._loop._ls_phase == "select":
            rec.emit("timer.discard", {"handle": rec.handle_id(handle)})
        return handle


# The policy asyncio makes by default on Linux: its loop factory is the traced loop.
TracedPolicy = unix_events._UnixDefaultEventLoopPolicy


def install():
    """Makes every way of getting an event loop give the traced one (once, before the
    snapshot): asyncio's own selector event loop classes are instrumented in place, so that
    the names a program sees (`asyncio.SelectorEventLoop`, the policies, their `repr` and
    their deprecation warnings) stay asyncio's own."""
    base_events.heapq = TracedHeapq
    for name in _TRACED_METHODS:
        function = TracedEventLoop.__dict__[name]
        function.__qualname__ = f"BaseSelectorEventLoop.{name}"
        setattr(_BaseSelectorEventLoop, name, function)
    for klass in (_BaseSelectorEventLoop, _UnixSelectorEventLoop):
        for name in _UNAVAILABLE:
            setattr(klass, name, _unavailable(name))
    asyncio.new_event_loop = events.new_event_loop
    base_events.BaseEventLoop.call_soon_threadsafe = loopscope_threads.call_soon_threadsafe(
        base_events.BaseEventLoop.call_soon_threadsafe
    )


assert futures.Future is asyncio.Future
