"""Threads, simulated on the one real thread Pyodide has, on the virtual clock.

A started thread (`threading.Thread`, a `ThreadPoolExecutor` worker, and so the threads of
`asyncio.to_thread` and `loop.run_in_executor`) runs its code in *segments*: at the top of an
event-loop iteration, or while another thread (the main one included) waits for something.
To the code inside it, it is a real thread: its own name and ident, its own `contextvars`
context, no running event loop, its own clock.

- `time.sleep` in a thread runs ahead on the thread's own clock: nothing waits for it.
- What a thread does that others see (printed text, `call_soon_threadsafe`, completing a
  `concurrent.futures.Future`, ending) happens when the virtual clock reaches the thread's
  time: such actions wait in a timeline until the loop (or a waiting main thread) gets there.
- A thread that ran ahead and then takes a lock first waits for the clock to reach its time
  (`Scheduler.catch_up`), so that the loop, which comes first, takes the lock first.
- A thread that waits (a lock, a `Condition`, an `Event`, a `Queue`, `Future.result()`,
  `join()`) drives the world until what it waits for happens: due threads run, the event loop
  runs its iterations, the clock moves. Threads that wait at the same time are on one real
  stack, so they resume in last-in-first-out order (see docs/engine.md).
- An event loop in a thread waits on the thread's clock, as for a lock; a thread whose target is
  a loop's `run_forever` leaves the stack instead while its loop waits (`_loop_thread_body`).
"""

import _thread
import _threading_local
import collections
import contextvars
import functools
import heapq
import itertools
import os
import queue
import signal
import sys
import threading
import types
import weakref
from asyncio import events, selector_events
from concurrent.futures import _base as futures_base
from concurrent.futures import thread as futures_thread

from loopscope_trace import CLOCK_TICK, RecursionLimit

rec = None  # The current run's Recorder; set by loopscope_engine.bind().
sched = None  # The current run's Scheduler.

INFINITY = float("inf")
# Thread actions within this much of "now" happen at once rather than wait in the timeline.
RESOLUTION = 1e-6
MAIN_IDENT = _thread.get_ident()
# The C lock, whose acquire() converts a timeout exactly as time.sleep converts its argument.
REAL_ALLOCATE_LOCK = _thread.allocate_lock
_NO_LOOP = (None, None)
_NO_HOOKS = (None, None)


class VirtualThread:
    """One simulated thread: what the program's `threading.Thread` object stands for."""

    __slots__ = (
        "thread",
        "ident",
        "clock",
        "body",
        "context",
        "running_loop",
        "policy_loop",
        "asyncgen_hooks",
        "daemon",
        "done",
        "queue",
        "abandoned",
        "held",
        "serving",
        "loop",
        "wake",
    )

    def __init__(self, thread, ident, clock, body):
        self.thread = thread
        self.ident = ident
        self.clock = clock
        self.body = body
        self.context = thread._context
        # asyncio's per-thread state, swapped in while the thread's code runs.
        self.running_loop = _NO_LOOP
        self.policy_loop = None
        self.asyncgen_hooks = _NO_HOOKS
        self.daemon = thread.daemon
        self.done = False
        # A pool worker's work queue.
        self.queue = None
        # A daemon thread let go while it waited (see Scheduler.step).
        self.abandoned = False
        # The locks it has taken and not yet released (see VirtualLock.acquire); weakly, as
        # a lock dropped while taken (Condition.wait's waiter) is nobody's to wait for.
        self.held = weakref.WeakSet()
        # A socketserver's serve_forever between requests: [server, poll interval, selector,
        # deadline of the select under way, time of the next segment] (see _serve).
        self.serving = None
        # A thread that runs an event loop's run_forever (see _loop_thread_body): its loop,
        # and, while the loop waits, when it wakes (its entry in Scheduler.ready, or True:
        # only when woken).
        self.loop = None
        self.wake = None


def AbandonedThread():
    """What unwinds a daemon thread that would wait for ever: a SystemExit, which
    threading.excepthook ignores, as for a thread that calls sys.exit()."""
    return SystemExit()


class Waiter:
    """A thread (or the main thread) that waits; `ready_at` is when what it waits for
    happened, noted even while a thread above it on the stack is still running."""

    __slots__ = ("thread", "predicate", "deadline", "ready_at", "wake")

    def __init__(self, thread, predicate, deadline, wake=None):
        self.thread = thread
        self.predicate = predicate
        self.deadline = deadline
        self.ready_at = None
        # When what it waits for may happen next (a socket's next arrival), or None.
        self.wake = wake


class Scheduler:
    """The threads of one run: which are ready, what they do later, who waits."""

    def __init__(self):
        self.ready = []  # heap of (wake time, n, VirtualThread)
        self.timeline = []  # heap of (time, n, function, args)
        self.waiters = []  # stack of Waiter
        self.order = itertools.count()
        self.next_ident = itertools.count(1)
        self.threads = []  # every VirtualThread started in this run
        # The loop whose iteration is about to begin: a waiting thread may run its iterations.
        self.loop_top = None
        self.dormant = {}  # id(queue) -> [VirtualThread] of idle pool workers
        self.loop_threads = {}  # event loop -> the VirtualThread whose target is its run_forever
        # The main thread's asyncio state while a simulated thread runs.
        self.main_slots = _NO_LOOP, None, _NO_HOOKS
        # Above 0 while the timeline performs thread actions: they happen now, by no thread.
        self.delivering = 0
        self.alarm = RealTimer()

    # --- time --------------------------------------------------------------------------

    def clock(self):
        """The current thread's time, as a clock read (see Recorder.read_clock)."""
        thread = rec.thread
        if thread is None:
            return rec.read_clock()
        thread.clock += CLOCK_TICK
        return thread.clock

    def current_time(self):
        thread = rec.thread
        return rec.now if thread is None else thread.clock

    def actor(self):
        """The thread an action is taken by, at its time; None: the main thread, or an action
        the timeline performs now (whichever thread's stack it happens on)."""
        return None if self.delivering else rec.thread

    def at(self, when, function, *args):
        """Runs `function(*args)` when the clock reaches `when` (at once if it has)."""
        if when <= rec.now + RESOLUTION:
            function(*args)
        else:
            heapq.heappush(self.timeline, (when, next(self.order), function, args))

    def by_thread(self, function, *args):
        """An action a thread takes, at the thread's time (the main thread's: now)."""
        thread = self.actor()
        if thread is None or thread.clock <= rec.now + RESOLUTION:
            function(*args)
        else:
            heapq.heappush(self.timeline, (thread.clock, next(self.order), function, args))

    def next_time(self):
        """When something other than the loop's own timers next happens."""
        when = INFINITY
        if self.timeline:
            when = self.timeline[0][0]
        if self.ready:
            when = min(when, self.ready[0][0])
        for vt in self._waiting_loops():
            when = min(when, vt.loop._selector.next_change())
        # The waiting thread on top of the stack: it drives the world, and wakes at its
        # deadline. (Those below it cannot act before it returns.)
        if self.waiters:
            waiter = self.waiters[-1]
            if waiter.thread is not None and waiter.ready_at is None:
                when = min(when, waiter.deadline)
        return when

    def deliver(self):
        """Performs the thread actions that are due at the clock's time."""
        timeline = self.timeline
        while timeline and timeline[0][0] <= rec.now + RESOLUTION:
            _when, _n, function, args = heapq.heappop(timeline)
            self.delivering += 1
            try:
                with _thread_origin():
                    function(*args)
            finally:
                self.delivering -= 1
        for vt in list(self._waiting_loops()):
            if vt.loop._selector.poll():
                self.wake_loop(vt)
        self.note_ready()

    # --- threads that run an event loop --------------------------------------------------

    def _waiting_loops(self):
        """The loop threads that wait, for their sockets among other things."""
        for vt in self.loop_threads.values():
            if vt.wake is not None and vt.loop._selector._fd_to_key:
                yield vt

    def sleep_loop(self, vt, when):
        """A loop thread's loop has nothing to do until `when` (INFINITY: until woken): the
        thread leaves the stack meanwhile."""
        if when == INFINITY:
            vt.wake = True
        else:
            vt.wake = entry = (when, next(self.order), vt)
            heapq.heappush(self.ready, entry)

    def wake_loop(self, vt):
        """Something for a waiting loop thread to do now (call_soon_threadsafe, a socket)."""
        entry, vt.wake = vt.wake, None
        if entry is None:
            return
        if entry is not True:
            try:
                self.ready.remove(entry)
            except ValueError:
                pass
            else:
                heapq.heapify(self.ready)
        self.make_ready(vt, self.current_time())

    def note_ready(self):
        for waiter in self.waiters:
            if waiter.ready_at is None and waiter.predicate():
                waiter.ready_at = rec.now

    # --- threads ---------------------------------------------------------------------

    def start(self, thread, body):
        ident = MAIN_IDENT + 1000 * next(self.next_ident)
        vt = VirtualThread(thread, ident, self.current_time(), body)
        self.threads.append(vt)
        self.make_ready(vt, vt.clock)
        return vt

    def make_ready(self, vt, when):
        vt.clock = max(vt.clock, when)
        heapq.heappush(self.ready, (vt.clock, next(self.order), vt))

    def run_due(self):
        """Runs the threads whose time has come, one segment each."""
        ready = self.ready
        while ready and ready[0][0] <= rec.now + RESOLUTION:
            _when, _n, vt = heapq.heappop(ready)
            self.run_segment(vt)

    def run_segment(self, vt):
        # It goes on in the present: a clock the program's reads moved on meanwhile.
        vt.clock = max(vt.clock, rec.now)
        outer = rec.thread
        line, task = rec.line, rec.task
        _switch(outer, vt)
        rec.line = rec.task = None
        # Natively a thread has a stack of its own: its code reaches RecursionError at the same
        # depth wherever it was started from. Here it runs above whoever waits: the frames
        # under its body count as the engine's.
        body = vt.body
        frames = _depth(sys._getframe()) - _NATIVE_FRAMES_MISSING.get(body, 0)
        raise_by = frames + RecursionLimit.line_frame - RecursionLimit.extra
        RecursionLimit.deeper(raise_by)
        try:
            body(vt)
        finally:
            RecursionLimit.deeper(-raise_by)
            _switch(vt, outer)
            rec.line, rec.task = line, task
        rec.checkpoint()

    def finish(self, vt):
        """The thread's code has returned: it ends at its own time."""
        self.by_thread(_end_thread, vt)

    # --- waiting -----------------------------------------------------------------------

    def block(self, predicate, timeout=None, wake=None):
        """The current thread waits until `predicate()` or until `timeout` seconds pass on
        its clock; returns whether the predicate came true. `wake()`, if given, says when the
        predicate may next come true (what a thread run meanwhile sent arrives then)."""
        if predicate():
            return True
        thread = rec.thread
        if thread is not None and thread.abandoned:
            raise AbandonedThread()
        start = self.current_time()
        deadline = INFINITY if timeout is None else start + max(timeout, 0.0)
        waiter = Waiter(thread, predicate, deadline, wake)
        self.waiters.append(waiter)
        loop_top, self.loop_top = self.loop_top, self.loop_top if thread is not None else None
        ok = False
        try:
            while True:
                rec.checkpoint()
                if predicate():
                    ok = True
                    break
                now = rec.now if waiter.ready_at is None else waiter.ready_at
                if max(now, start) >= deadline:
                    break
                self.step(waiter)
        finally:
            self.waiters.pop()
            self.loop_top = loop_top
        when = waiter.ready_at if ok and waiter.ready_at is not None else rec.now
        if not ok:
            when = deadline
        if thread is not None:
            thread.clock = max(thread.clock, when)
        return ok

    def catch_up(self, thread):
        """A thread that ran ahead of the clock, about to take a lock or to read an Event,
        waits for the world to reach its time, so that the loop, whose callbacks come first on
        the clock, takes the lock (sets the Event) first. Only the loop and the timeline go on
        meanwhile, and only while no other thread is ready or waiting: a thread run above this
        one on the one real stack could wait for what this one is about to give, for ever
        (docs/engine.md, "Threads"). Nor past the moment a wait below it ends (its deadline,
        or what it waits for happening): natively the one waiting goes on then, and sees the
        world as it is at that time."""
        waiters = self.waiters
        if self.ready or any(w.thread is not None for w in waiters):
            return
        until = min([thread.clock] + [w.deadline for w in waiters])
        waiter = Waiter(thread, _never, until)
        waiters.append(waiter)
        try:
            while (
                rec.now + RESOLUTION < waiter.deadline
                and not self.ready
                and all(w.ready_at is None for w in waiters)
            ):
                rec.checkpoint()
                self.step(waiter)
        finally:
            self.waiters.pop()

    def step(self, waiter):
        """Moves the world on by one step, for a thread that waits."""
        if self.ready and self.ready[0][0] <= rec.now + RESOLUTION:
            _when, _n, vt = heapq.heappop(self.ready)
            self.run_segment(vt)
            self.note_ready()
            return
        loop = self.loop_top
        if waiter.thread is not None and loop is not None and _can_drive(loop):
            with _as_main():
                loop._run_once()
            self.note_ready()
            return
        # Nothing can run: time passes until the next thing that happens.
        when = min(self.next_time(), waiter.deadline)
        if waiter.wake is not None:
            wake = waiter.wake()
            if wake > rec.now:
                when = min(when, wake)
        if waiter.thread is None:
            when = min(when, self.alarm.when)
        if when == INFINITY:
            if waiter.thread is not None and waiter.thread.daemon and self._below_could_go_on():
                # A daemon thread waits for what only a thread below it on the one real stack
                # could give (a queue worker waits for work while the main thread, done, waits
                # in queue.join()). Natively the one below goes on and, at exit, the daemon
                # dies waiting: it is let go now, silently, for the one below to go on.
                waiter.thread.abandoned = True
                raise AbandonedThread()
            # Natively the program would wait here forever.
            rec.halt("stuck")
        rec.advance(when, blocked=True)
        self.deliver()
        if waiter.thread is None:
            self.alarm.fire()

    def _below_could_go_on(self):
        return any(w.ready_at is not None or w.predicate() or w.deadline < INFINITY for w in self.waiters[:-1])

    def sleep_main(self, seconds):
        """`time.sleep` in the main thread: the loop is blocked, other threads go on."""
        until = rec.now + seconds
        if not self.timeline and not self.ready and self.alarm.when > until:
            rec.advance(until, blocked=True)
            return
        self.block(_never, seconds)

    def shutdown(self):
        """Interpreter shutdown: `threading._shutdown()`, then the non-daemon threads end."""
        for hook in reversed(threading._threading_atexits):
            hook()
        self.block(lambda: all(vt.done for vt in self.threads if not vt.daemon))
        self.deliver()


class RealTimer:
    """The process's ITIMER_REAL (`signal.alarm`, `signal.setitimer`) on the virtual clock. Its
    SIGALRM reaches the main thread while it waits (in `time.sleep`, the loop's select, a
    join...), where natively the signal interrupts the wait: the program's handler runs, and
    the wait goes on after it (PEP 475) unless the handler raised. A computation that never
    waits does not see it, as the virtual clock does not move under it."""

    def __init__(self):
        self.when = INFINITY
        self.interval = 0.0
        self.delivered = 0

    def remaining(self):
        return (0.0 if self.when == INFINITY else max(self.when - rec.now, 0.0)), self.interval

    def set(self, seconds, interval):
        """Arms (or, with 0 seconds, disarms) the timer; returns what was left of it."""
        old = self.remaining()
        if seconds > 0:
            self.when, self.interval = rec.read_clock() + seconds, interval
        else:
            self.when, self.interval = INFINITY, 0.0
        return old

    def fire(self):
        """SIGALRM, if the timer is due and the main thread is the one waiting."""
        if rec.thread is not None or self.when > rec.now + RESOLUTION:
            return
        self.when = self.when + self.interval if self.interval > 0 else INFINITY
        self.delivered += 1
        handler = signal.getsignal(signal.SIGALRM)
        if handler == signal.SIG_IGN:
            return
        if handler == signal.SIG_DFL or handler is None:
            # The default action ends the process at once; the shell reports 128 + SIGALRM.
            rec.halt("completed", exit_code=128 + signal.SIGALRM)
        from loopscope_asyncio import hidden_frame

        # The frame that waits, as the program sees its stack.
        frame = sys._getframe(1)
        while frame is not None and hidden_frame(frame.f_code):
            frame = frame.f_back
        handler(signal.SIGALRM, frame)


def _never():
    return False


def _depth(frame):
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def _can_drive(loop):
    return loop.is_running() and not loop._stopping and not loop.is_closed()


class _as_main:
    """Runs the main thread's event loop from inside a waiting thread."""

    def __enter__(self):
        self.thread = rec.thread
        _switch(self.thread, None)

    def __exit__(self, *exc):
        _switch(None, self.thread)


class _thread_origin:
    """A delivered thread action happens on no line of the main thread and in no task."""

    def __enter__(self):
        self.saved = rec.line, rec.task
        rec.line = rec.task = None

    def __exit__(self, *exc):
        rec.line, rec.task = self.saved


def _policy_local():
    policy = events._event_loop_policy
    return getattr(policy, "_local", None)


def _switch(old, new):
    """Hands the one real thread from `old` to `new` (None: the main thread), with asyncio's
    per-thread state (the running loop, the policy's current loop, the async generator hooks a
    running loop sets)."""
    local = _policy_local()
    running = events._running_loop.loop_pid
    policy_loop = getattr(local, "_loop", None) if local is not None else None
    hooks = tuple(sys.get_asyncgen_hooks())
    if old is None:
        sched.main_slots = (running, policy_loop, hooks)
    else:
        old.running_loop, old.policy_loop, old.asyncgen_hooks = running, policy_loop, hooks
    if new is None:
        running, policy_loop, new_hooks = sched.main_slots
    else:
        running, policy_loop, new_hooks = new.running_loop, new.policy_loop, new.asyncgen_hooks
    rec.thread = new
    events._running_loop.loop_pid = running
    if local is not None:
        local._loop = policy_loop
    if new_hooks != hooks:
        sys.set_asyncgen_hooks(*new_hooks)


def _end_thread(vt):
    if vt.done:
        return
    vt.done = True
    with threading._active_limbo_lock:
        threading._active.pop(vt.ident, None)


class VirtualThreadHandle:
    """Stands in for a started thread's `_thread._ThreadHandle`."""

    __slots__ = ("vt",)

    def __init__(self, vt):
        self.vt = vt

    @property
    def ident(self):
        return self.vt.ident

    def is_done(self):
        return self.vt.done

    def _set_done(self):
        self.vt.done = True

    def join(self, timeout=None):
        sched.block(self.is_done, timeout)


# --- threading, on the scheduler ---------------------------------------------------------


def _current_ident():
    thread = rec.thread if rec is not None else None
    return MAIN_IDENT if thread is None else thread.ident


def _current_native_id():
    """As Linux numbers threads: the main thread's id is the process's, and each thread started
    after it takes the next."""
    return os.getpid() + (_current_ident() - MAIN_IDENT) // 1000


def _set_native_id(self):
    self._native_id = _current_native_id()


def _native_id(self):
    """Native integral thread ID of this thread, or None if it has not been started."""
    return self._native_id


def start_thread(self):
    """`Thread.start()`: the thread starts, and runs when the scheduler gets to it."""
    if not self._initialized:
        raise RuntimeError("thread.__init__() not called")
    if self._started.is_set():
        raise RuntimeError("threads can only be started once")
    if rec is None:
        raise RuntimeError("can't start new thread")
    if self._context is None:
        self._context = contextvars.copy_context() if threading._sys.flags.thread_inherit_context else contextvars.Context()
    target = getattr(self, "_target", None)
    if target is futures_thread._worker:
        body = _pool_worker_body
    elif (
        getattr(target, "__func__", None) is selector_events.BaseSelectorEventLoop.run_forever
        and not self._args
        and not self._kwargs
    ):
        body = _loop_thread_body
    else:
        body = _thread_body
    socketserver = sys.modules.get("socketserver")
    if socketserver is not None and getattr(target, "__func__", None) is socketserver.BaseServer.serve_forever:
        self._target = _serve_forever(target.__self__)
    vt = sched.start(self, body)
    if body is _pool_worker_body:
        vt.queue = self._args[2]
    elif body is _loop_thread_body:
        vt.loop = target.__self__
        sched.loop_threads.setdefault(vt.loop, vt)
    self._os_thread_handle = VirtualThreadHandle(vt)
    # What the new thread does before start() returns natively (_bootstrap_inner).
    self._ident = vt.ident
    self._started.set()
    with threading._active_limbo_lock:
        threading._active[vt.ident] = self


def _thread_body(vt):
    thread = vt.thread
    # Thread._bootstrap_inner itself, so that a traceback shows the frames it shows natively.
    with threading._active_limbo_lock:
        threading._limbo[thread] = thread
    thread._bootstrap_inner()
    rec.checkpoint()
    # It removed the thread from threading._active at once: natively that happens at the
    # thread's end, which is its own time.
    with threading._active_limbo_lock:
        threading._active[vt.ident] = thread
    if vt.serving is not None:
        vt.body = _serve_resume  # serve_forever goes on in later segments
        return
    sched.finish(vt)


# --- socketserver's serve_forever in a thread ---------------------------------------------
# `Thread(target=server.serve_forever)` polls its server socket every poll_interval seconds
# until shutdown(). Waiting in select() on the one real stack, it would keep whoever waits below
# it (the main thread that talks to the server) from going on. Between requests, so, nothing of
# it is on the stack: it goes on in a new segment when a connection arrives or its poll
# interval ends, as natively it wakes then.


def _serve_forever(server):
    def serve_forever(poll_interval=0.5):
        import selectors
        import socketserver

        vt = rec.thread
        server._BaseServer__is_shut_down.clear()
        selector = socketserver._ServerSelector()
        try:
            selector.register(server, selectors.EVENT_READ)
        except BaseException:
            _serve_end(vt, server, selector)
            raise
        vt.serving = [server, poll_interval, selector, None, 0.0]
        _serve(vt)

    return serve_forever


def _serve(vt):
    """serve_forever's loop, up to the next wait (or its end)."""
    server, interval, selector, deadline, _ = vt.serving
    try:
        while not server._BaseServer__shutdown_request:
            now = max(vt.clock, rec.now)
            if deadline is None:
                deadline = INFINITY if interval is None else now + max(interval, 0.0)
            ready = selector.select(0)
            if not ready and now + RESOLUTION < deadline:
                _serve_sleep(vt, server, deadline, now)
                return
            deadline = None
            if server._BaseServer__shutdown_request:
                break
            if ready:
                server._handle_request_noblock()
            server.service_actions()
    except BaseException:
        _serve_end(vt, server, selector)
        raise
    _serve_end(vt, server, selector)


def _serve_end(vt, server, selector):
    vt.serving = None
    server._BaseServer__shutdown_request = False
    server._BaseServer__is_shut_down.set()
    selector.close()


def _serve_sleep(vt, server, deadline, now):
    import selectors

    net = sys.modules["loopscope_net"]
    sock = net.net.fds.get(server.fileno())
    when = deadline
    if isinstance(sock, net.VirtualSocket):
        when = min(when, sock.next_change(now, selectors.EVENT_READ))
        sock._waker = lambda arrival: _serve_wake(vt, arrival)
    vt.serving[3] = deadline
    _serve_at(vt, when)


def _serve_at(vt, when):
    vt.serving[4] = when
    if when < INFINITY:
        heapq.heappush(sched.ready, (when, next(sched.order), vt))


def _serve_wake(vt, arrival):
    """A connection arrives at the server's socket at `arrival`: the sleeping thread wakes."""
    if vt.serving is not None and max(arrival, vt.clock) < vt.serving[4]:
        _serve_at(vt, max(arrival, vt.clock))


def _run_segment(vt, function):
    """A later segment of a thread that waits off the stack: its code's uncaught exception
    goes to threading.excepthook, as one in Thread.run does."""
    try:
        vt.context.run(function, vt)
    except BaseException:
        if rec.stop is not None:
            raise
        vt.thread._invoke_excepthook(vt.thread)


def _serve_resume(vt):
    serving = vt.serving
    if serving is None or rec.now + RESOLUTION < serving[4]:
        return  # an earlier wake-up already ran this segment
    vt.clock = max(vt.clock, serving[4])
    _run_segment(vt, _serve)
    if vt.serving is None:
        sched.finish(vt)


def _loop_thread_body(vt):
    """A thread whose target is an event loop's `run_forever` (the usual way to run a loop in
    a background thread, which other threads hand coroutines with `run_coroutine_threadsafe`).
    Its loop runs its iterations in segments: when the loop would wait (for its next timer, a
    socket, or `call_soon_threadsafe`), the thread has nothing on the stack and goes on when
    that comes, so that a thread waiting for what the loop does (the main thread in
    `future.result()`) is not under it on the one real stack. Otherwise, it runs as any thread:
    Thread.run calls its target, here `_loop_thread_run`."""
    thread = vt.thread
    thread._target = functools.partial(_loop_thread_run, vt)
    with threading._active_limbo_lock:
        threading._limbo[thread] = thread
    thread._bootstrap_inner()
    rec.checkpoint()
    _loop_thread_segment_end(vt)


def _loop_thread_resume(vt):
    entry, vt.wake = vt.wake, None
    if isinstance(entry, tuple):
        vt.clock = max(vt.clock, entry[0])
    _run_segment(vt, _loop_thread_run)
    rec.checkpoint()
    _loop_thread_segment_end(vt)


def _loop_thread_segment_end(vt):
    if vt.wake is not None:
        vt.body = _loop_thread_resume
        # Thread._bootstrap_inner removed it from threading._active: natively it is there until
        # it ends.
        with threading._active_limbo_lock:
            threading._active[vt.ident] = vt.thread
        return
    if sched.loop_threads.get(vt.loop) is vt:
        del sched.loop_threads[vt.loop]
    with threading._active_limbo_lock:
        threading._active[vt.ident] = vt.thread
    sched.finish(vt)


def _loop_thread_run(vt):
    """BaseEventLoop.run_forever, which leaves the stack when its loop would wait."""
    loop = vt.loop
    if vt.body is _loop_thread_body:
        rec.emit("loop.start", {"loop": loop._ls_id})
        try:
            loop._run_forever_setup()
        except BaseException:
            rec.emit("loop.stop", {"loop": loop._ls_id})
            raise
    ended = True
    try:
        while True:
            if _loop_waits(vt, loop):
                ended = False
                return
            loop._run_once()
            if loop._stopping:
                break
    finally:
        if ended:
            try:
                loop._run_forever_cleanup()
            finally:
                rec.emit("loop.stop", {"loop": loop._ls_id})


def _loop_waits(vt, loop):
    """Whether the loop has nothing to do before its next timer, a socket, or a call from
    another thread; if so, the thread sleeps until then."""
    if loop._ready or loop._stopping:
        return False
    when = min((handle._when for handle in loop._scheduled if not handle._cancelled), default=INFINITY)
    selector = loop._selector
    if selector._fd_to_key:
        if selector.poll():
            return False
        when = min(when, selector.next_change())
    if when <= vt.clock + RESOLUTION:
        return False
    sched.sleep_loop(vt, when)
    return True


def wake_loop(loop):
    """`call_soon_threadsafe` on a loop whose thread waits (the loop's self-pipe)."""
    if sched is None:
        return
    vt = sched.loop_threads.get(loop)
    if vt is not None:
        sched.wake_loop(vt)


# Native frames under a thread's code that the engine's body for it does not have: a pool
# worker's _bootstrap, _bootstrap_inner, run and _worker are one body frame, then the worker's
# loop (and, when it resumes, only the loop).
_NATIVE_FRAMES_MISSING = {}


def _pool_worker_body(vt):
    """A ThreadPoolExecutor worker (concurrent.futures.thread._worker), which goes idle
    between work items instead of blocking on its queue."""
    vt.context.run(_pool_worker_start, vt)


def _pool_worker_resume(vt):
    vt.context.run(_pool_worker_loop, vt)


_NATIVE_FRAMES_MISSING[_pool_worker_body] = 1
_NATIVE_FRAMES_MISSING[_loop_thread_resume] = 2
_NATIVE_FRAMES_MISSING[_pool_worker_resume] = 2


def _pool_worker_start(vt):
    executor_reference, context, work_queue = vt.thread._args
    vt.body = _pool_worker_resume
    try:
        context.initialize()
    except BaseException:
        if rec.stop is not None:
            raise
        futures_base.LOGGER.critical("Exception in initializer:", exc_info=True)
        executor = executor_reference()
        if executor is not None:
            executor._initializer_failed()
        sched.finish(vt)
        return
    _pool_worker_loop(vt)


def _others_first(vt, work_queue):
    """Whether another worker of the same pool would reach the queue before this one: it is
    ready to run at an earlier time, so natively it takes the next item."""
    for when, _n, other in sched.ready:
        if other is not vt and when < vt.clock - RESOLUTION and other.queue is work_queue:
            return True
    return False


def _pool_worker_loop(vt):
    executor_reference, context, work_queue = vt.thread._args
    try:
        while True:
            if vt.clock > rec.now + RESOLUTION or _others_first(vt, work_queue):
                # Between work items the worker has nothing on the stack: it goes on at its
                # own time, when the program may have cancelled what it would take next, or
                # another worker, whose time comes first, has taken it.
                sched.make_ready(vt, vt.clock)
                return
            try:
                work_item = work_queue.get_nowait()
            except queue.Empty:
                executor = executor_reference()
                if executor is not None:
                    # At the worker's time, as it goes idle natively: taking the semaphore's
                    # lock now would make it wait for the clock first (VirtualLock.acquire).
                    sched.by_thread(executor._idle_semaphore.release)
                del executor
                # Idle: the next put() on the queue wakes this worker.
                sched.dormant.setdefault(id(work_queue), []).append(vt)
                return
            if work_item is not None:
                work_item.run(context)
                del work_item
                continue
            executor = executor_reference()
            if futures_thread._shutdown or executor is None or executor._shutdown:
                if executor is not None:
                    executor._shutdown = True
                work_queue.put(None)
                break
            del executor
    except BaseException:
        if rec.stop is not None:
            raise
        futures_base.LOGGER.critical("Exception in worker", exc_info=True)
    context.finalize()
    sched.finish(vt)


class WakingSimpleQueue:
    """queue.SimpleQueue on the scheduler. As the C SimpleQueue, it takes no lock a program
    could see (so a thread that ran ahead does not wait for the clock to take one): a put
    from such a thread happens at its time, and wakes an idle pool worker waiting on it. It
    shows itself as the C class does (`_queue.SimpleQueue`, with no `__dict__`)."""

    __slots__ = ("_queue", "__weakref__")

    def __init__(self):
        self._queue = collections.deque()

    def put(self, item, block=True, timeout=None):
        if sched is None:
            self._queue.append(item)
        else:
            sched.by_thread(self._arrive, item)

    def put_nowait(self, item):
        self.put(item)

    def _arrive(self, item):
        self._queue.append(item)
        idle = sched.dormant.get(id(self))
        if idle:
            sched.make_ready(idle.pop(0), sched.current_time())

    def get(self, block=True, timeout=None):
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        items = self._queue
        if not items and not (block and sched is not None and sched.block(items.__len__, timeout)):
            raise queue.Empty
        return items.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(types.GenericAlias)


def set_event(original):
    """Event.set from a thread that ran ahead happens at the thread's time."""

    def set(self):
        sched.by_thread(original, self) if sched is not None else original(self)

    set.__qualname__ = original.__qualname__
    return set


def is_set(self):
    """Return true if and only if the internal flag is true."""
    thread = sched.actor() if sched is not None else None
    if thread is not None and not thread.held and thread.clock > rec.now + RESOLUTION:
        # A thread that ran ahead and polls a flag (`while not stop.is_set()`) reads it at its
        # own time, as for a lock (VirtualLock.acquire).
        sched.catch_up(thread)
    return self._flag


def join_thread(self, timeout=None):
    if not self._initialized:
        raise RuntimeError("Thread.__init__() not called")
    if not self._started.is_set():
        raise RuntimeError("cannot join thread before it is started")
    if self is threading.current_thread():
        raise RuntimeError("cannot join current thread")
    if timeout is not None:
        timeout = max(timeout, 0)
    handle = self._os_thread_handle
    if rec is None:
        return
    sched.block(handle.is_done, timeout)


class VirtualLock:
    """threading.Lock on the scheduler: a thread that cannot take it waits, and the world
    goes on meanwhile."""

    __slots__ = ("_locked", "_owner", "__weakref__")

    def __init__(self):
        self._locked = False
        # The simulated thread that took it (None: the main thread, or nobody).
        self._owner = None

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        thread = sched.actor() if sched is not None else None
        if thread is not None and not thread.held and thread.clock > rec.now + RESOLUTION:
            # Natively it takes the lock at its own time: the loop, if it comes first on the
            # clock, takes it first. A thread that holds a lock already goes on instead: the
            # loop could wait for that lock, and this thread could not release it meanwhile.
            sched.catch_up(thread)
        if not self._locked:
            self._take(thread)
            return True
        if not blocking or rec is None:
            return False
        if sched.block(self._is_free, None if timeout == -1 else timeout):
            self._take(thread)
            return True
        return False

    def _take(self, thread):
        self._locked = True
        self._owner = thread
        if thread is not None:
            thread.held.add(self)

    def _is_free(self):
        return not self._locked

    acquire_lock = acquire

    def __enter__(self):
        return self.acquire()

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        owner, self._owner = self._owner, None
        if owner is not None:
            owner.held.discard(self)
        thread = sched.actor() if sched is not None else None
        if thread is not None and thread.clock > rec.now + RESOLUTION:
            # A thread that ran ahead releases at its own time: who waits, waits until then.
            sched.by_thread(self._unlock)
        else:
            self._locked = False

    def _unlock(self):
        self._locked = False

    release_lock = release

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False
        self._owner = None

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


class VirtualRLock(threading._PyRLock):
    """threading.RLock: the pure-Python RLock, on VirtualLock, as the C RLock shows itself
    (`_thread.RLock`, its repr, `acquire()` returning True)."""

    def acquire(self, blocking=True, timeout=-1):
        return bool(threading._PyRLock.acquire(self, blocking, timeout))

    __enter__ = acquire

    def __repr__(self):
        locked = self._block.locked()
        owner = self._owner if locked and self._owner is not None else 0
        return "<%s _thread.RLock object owner=%d count=%d at %#x>" % (
            "locked" if locked else "unlocked",
            owner,
            self._count if locked else 0,
            id(self),
        )


class VirtualLocal(_threading_local.local):
    """threading.local, keyed by the simulated thread (as `_thread._local` shows itself)."""

    __slots__ = ()


# The names a program sees, as the C classes have them.
for _klass, _module, _name in (
    (VirtualLock, "_thread", "lock"),
    (VirtualRLock, "_thread", "RLock"),
    (VirtualLocal, "_thread", "_local"),
    (WakingSimpleQueue, "_queue", "SimpleQueue"),
):
    _klass.__module__, _klass.__name__, _klass.__qualname__ = _module, _name, _name


def _thread_time():
    return sched.clock() if sched is not None else _real_monotonic()


_real_monotonic = threading._time


def install():
    """Puts threading, queue and concurrent.futures on the scheduler (once, before the
    snapshot)."""
    thread_class = threading.Thread
    thread_class.start = start_thread
    thread_class.join = join_thread
    threading.get_ident = _thread.get_ident = _current_ident
    # Emscripten has no thread ids of the kernel's: Linux's, as a program there sees them.
    threading._HAVE_THREAD_NATIVE_ID = True
    threading.get_native_id = _thread.get_native_id = _current_native_id
    thread_class._set_native_id = _set_native_id
    thread_class.native_id = property(_native_id)
    threading.main_thread()._native_id = os.getpid()
    threading._allocate_lock = _thread.allocate_lock = VirtualLock
    threading.Lock = threading._LockType = _thread.LockType = VirtualLock
    # RLock() is the Python version, on the Lock above, named as the C one.
    threading._CRLock = VirtualRLock
    threading._time = _thread_time
    queue.time = _thread_time
    queue.SimpleQueue = WakingSimpleQueue
    # threading.local keyed by the simulated thread, not by the real one.
    threading.local = VirtualLocal
    threading.Event.set = set_event(threading.Event.set)
    threading.Event.is_set = is_set
    for name in ("set_result", "set_exception"):
        setattr(futures_base.Future, name, concurrent_completion(getattr(futures_base.Future, name)))


def start_run():
    global sched
    sched = Scheduler()
    return sched


def call_soon_threadsafe(original):
    """loop.call_soon_threadsafe from a thread: the handle joins the ready queue at the
    thread's time."""

    def call_soon_threadsafe(self, callback, *args, context=None):
        thread = sched.actor() if rec is not None else None
        if thread is None or thread.clock <= rec.now + RESOLUTION:
            return original(self, callback, *args, context=context)
        self._check_closed()
        if self._debug:
            self._check_callback(callback, "call_soon_threadsafe")
        handle = events._ThreadSafeHandle(callback, args, self, context)
        sched.by_thread(_append_ready, self, handle)
        return handle

    call_soon_threadsafe.__qualname__ = original.__qualname__
    return call_soon_threadsafe


def _append_ready(loop, handle):
    if not loop.is_closed():
        loop._ready.append(handle)
        wake_loop(loop)


def concurrent_completion(original):
    """A thread completes a concurrent.futures.Future at its own time."""

    def complete(self, value):
        thread = sched.actor() if rec is not None else None
        if thread is None or thread.clock <= rec.now + RESOLUTION:
            return original(self, value)
        sched.by_thread(original, self, value)

    complete.__name__ = original.__name__
    complete.__qualname__ = original.__qualname__
    return complete
