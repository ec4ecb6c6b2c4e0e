"""The virtual clock as the program reads it: `time`, `datetime`, `time.sleep`."""

import datetime
import errno
import operator
import signal
import sys
import time
import warnings

import loopscope_errno
import loopscope_threads

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

_real_allocate_lock = loopscope_threads.REAL_ALLOCATE_LOCK
_epoch = 0.0


def _now():
    """The current thread's virtual time (the main thread's is the loop's clock)."""
    return loopscope_threads.sched.clock()


def _wall():
    return _epoch + _now()


def virtual_sleep(secs):
    """time.sleep: blocks the main thread (and so the loop) for `secs` virtual seconds, or
    moves a simulated thread's own clock on."""
    # A free C lock's acquire() converts its timeout exactly as time.sleep converts its
    # argument, so the errors (TypeError, NaN, overflow) are CPython's own.
    try:
        _real_allocate_lock().acquire(True, secs)
    except ValueError as error:
        if "non-negative" not in str(error):
            raise
        raise ValueError("sleep length must be non-negative") from None
    seconds = secs if isinstance(secs, float) else float(operator.index(secs))
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    thread = rec.thread
    if thread is not None:
        thread.clock += seconds
        return
    loopscope_threads.sched.sleep_main(seconds)


class _DatetimeType(type):
    """Lets every datetime the C module makes count as one of the class below."""

    def __instancecheck__(cls, instance):
        return isinstance(instance, _CDatetime)

    def __subclasscheck__(cls, subclass):
        return issubclass(subclass, _CDatetime)


_CDatetime = datetime.datetime


class VirtualDatetime(_CDatetime, metaclass=_DatetimeType):
    """datetime.datetime whose now() and utcnow() read the virtual clock (date.today() and
    datetime.today() already read time.time())."""

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_wall(), tz)

    @classmethod
    def utcnow(cls):
        warnings.warn(
            "datetime.datetime.utcnow() is deprecated and scheduled for removal in a future "
            "version. Use timezone-aware objects to represent datetimes in UTC: "
            "datetime.datetime.now(datetime.UTC).",
            DeprecationWarning,
            # Its caller's line: warnings.warn skips the engine's frames (loopscope_asyncio).
            stacklevel=1,
        )
        return cls.fromtimestamp(_wall(), datetime.timezone.utc).replace(tzinfo=None)


VirtualDatetime.__qualname__ = VirtualDatetime.__name__ = "datetime"
VirtualDatetime.__module__ = "datetime"


def _give_c_name(klass, c_name):
    """Points the type's tp_name at the C type's full name, which its reprs and error messages
    print ("datetime.datetime(2025, 1, 1, 0, 0)"), while __name__ stays "datetime". tp_name
    follows the object header (reference count, type, size: three pointer-sized words); it is
    only changed where it holds the name it is known to hold."""
    import ctypes

    address = id(klass) + 3 * ctypes.sizeof(ctypes.c_void_p)
    if ctypes.c_char_p.from_address(address).value != klass.__name__.encode():
        return
    buffer = ctypes.create_string_buffer(c_name.encode())
    _names.append(buffer)
    ctypes.c_void_p.from_address(address).value = ctypes.addressof(buffer)


_names = []
_give_c_name(VirtualDatetime, "datetime.datetime")
datetime.datetime = VirtualDatetime


# The C functions the clocks below call with a virtual time, and the real CPU clock.
_ctime, _localtime, _gmtime, _asctime, _strftime = time.ctime, time.localtime, time.gmtime, time.asctime, time.strftime
_clock_gettime, _clock_getres, _get_clock_info = time.clock_gettime, time.clock_getres, time.get_clock_info
_real_process_time_ns = time.process_time_ns
_cpu_start = 0

# Linux's clock ids (the time module's constants, and the two coarse clocks it does not name):
# the wall clock, the monotonic ones (asyncio's, time.monotonic's) and the CPU ones.
_WALL_CLOCKS = frozenset((time.CLOCK_REALTIME, 5, 11))  # REALTIME_COARSE, TAI
_MONOTONIC_CLOCKS = frozenset((time.CLOCK_MONOTONIC, 4, 6, 7))  # MONOTONIC_RAW, _COARSE, BOOTTIME
_CPU_CLOCKS = frozenset((time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID))
# Linux's resolution: 1 ns for each of these clocks (4 ms, a tick, for the coarse ones).
_RESOLUTION = 1e-09
_COARSE_RESOLUTION = 0.004
_IMPLEMENTATIONS = {
    "process_time": "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
    "thread_time": "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
}


def _process_time_ns():
    """The CPU time of the run (the engine's, tracing it, counted in): a new interpreter's."""
    return _real_process_time_ns() - _cpu_start


def _process_time():
    return _process_time_ns() / 1e9


def _clock_id(clk_id):
    """clock_gettime's argument, converted as the C module converts it (to a C int)."""
    try:
        clock = operator.index(clk_id)
    except TypeError:
        clock = None
    if clock is None or not -(2**31) <= clock < 2**31:
        raise TypeError(f"clk_id should be integer, not {type(clk_id).__name__}") from None
    return clock


def _clock_seconds(clk_id):
    clock = _clock_id(clk_id)
    if clock in _WALL_CLOCKS:
        return _wall()
    if clock in _MONOTONIC_CLOCKS:
        return _now()
    if clock in _CPU_CLOCKS:
        return _process_time()
    return _clock_gettime(clock)  # Not a clock on Linux either: EINVAL.


def _clock_gettime_ns(clk_id):
    clock = _clock_id(clk_id)
    if clock in _CPU_CLOCKS:
        return _process_time_ns()
    return int(_clock_seconds(clock) * 1e9)


def _clock_getres_(clk_id):
    clock = operator.index(clk_id)
    if clock in (5, 6):
        return _COARSE_RESOLUTION
    if clock in _WALL_CLOCKS or clock in _MONOTONIC_CLOCKS or clock in _CPU_CLOCKS:
        return _RESOLUTION
    return _clock_getres(clock)


def _get_clock_info_(name):
    # Emscripten's time module has no thread_time (see install).
    info = _get_clock_info("process_time" if name == "thread_time" else name)
    info.resolution = _RESOLUTION
    info.implementation = _IMPLEMENTATIONS.get(name, info.implementation)
    return info


def _ctime_(*args):
    return _ctime(_wall() if not args or args[0] is None else args[0], *args[1:])


def _localtime_(*args):
    return _localtime(_wall() if not args or args[0] is None else args[0], *args[1:])


def _gmtime_(*args):
    return _gmtime(_wall() if not args or args[0] is None else args[0], *args[1:])


def _asctime_(*args):
    return _asctime(*args) if args else _asctime(_localtime(_wall()))


def _strftime_(*args):
    return _strftime(args[0], _localtime(_wall())) if len(args) == 1 else _strftime(*args)


def _time_functions():
    """The time module's functions that read a clock, on the virtual one."""
    functions = {
        "ctime": _ctime_,
        "localtime": _localtime_,
        "gmtime": _gmtime_,
        "asctime": _asctime_,
        "strftime": _strftime_,
        "clock_gettime": _clock_seconds,
        "clock_gettime_ns": _clock_gettime_ns,
        "clock_getres": _clock_getres_,
        "get_clock_info": _get_clock_info_,
        "process_time": _process_time,
        "process_time_ns": _process_time_ns,
        # Emscripten's time module has no thread_time: with one real thread, the process's
        # CPU time is that thread's.
        "thread_time": _process_time,
        "thread_time_ns": _process_time_ns,
    }
    for name, function in functions.items():
        real = getattr(time, name, None)
        function.__name__ = function.__qualname__ = name
        function.__doc__ = getattr(real, "__doc__", None)
        function.__module__ = "time"
    return functions


_TIME_FUNCTIONS = _time_functions()


# --- The real-time interval timer (Emscripten has neither alarm nor setitimer) ------------

_real_getitimer = signal.getitimer


def _alarm(seconds):
    """signal.alarm: ITIMER_REAL in whole seconds (an unsigned int, as C's alarm takes it);
    returns what was left of the last one, rounded as glibc rounds it."""
    seconds = operator.index(seconds) % 2**32
    left, _interval = loopscope_threads.sched.alarm.set(float(seconds), 0.0)
    whole = int(left)
    if left - whole >= 0.5 or (whole == 0 and left > 0):
        whole += 1
    return whole


def _check_timer(which):
    if which in (signal.ITIMER_VIRTUAL, signal.ITIMER_PROF):
        raise NotImplementedError(
            "Loopscope's interval timers run on the virtual clock: ITIMER_VIRTUAL and ITIMER_PROF, "
            "which count CPU time, are not available here"
        )
    if which != signal.ITIMER_REAL:
        raise loopscope_errno.error(signal.ItimerError, errno.EINVAL)


def _microseconds(pair):
    return round(pair[0], 6), round(pair[1], 6)


def _setitimer(which, seconds, interval=0.0, /):
    """signal.setitimer: only ITIMER_REAL, the one that counts real (here, virtual) time."""
    which = operator.index(which)
    seconds, interval = float(seconds), float(interval)
    _check_timer(which)
    if seconds < 0 or interval < 0:
        raise loopscope_errno.error(signal.ItimerError, errno.EINVAL)
    return _microseconds(loopscope_threads.sched.alarm.set(seconds, interval))


def _getitimer(which, /):
    which = operator.index(which)
    if which != signal.ITIMER_REAL:
        return _real_getitimer(which)
    return _microseconds(loopscope_threads.sched.alarm.remaining())


def _pause():
    """signal.pause: waits until a signal comes (SIGALRM, the only one a program can be sent
    here; with none to come, a real program would wait forever)."""
    alarm = loopscope_threads.sched.alarm
    delivered = alarm.delivered
    loopscope_threads.sched.block(lambda: alarm.delivered != delivered)


def _signal_functions():
    functions = {"alarm": _alarm, "setitimer": _setitimer, "getitimer": _getitimer, "pause": _pause}
    for name, function in functions.items():
        function.__name__ = function.__qualname__ = name
        function.__module__ = "signal"
    functions["getitimer"].__doc__ = signal.getitimer.__doc__
    functions["pause"].__doc__ = signal.pause.__doc__
    return functions


_SIGNAL_FUNCTIONS = _signal_functions()


def install(epoch):
    """Puts the program's clocks on the virtual one for this run."""
    global _epoch
    _epoch = epoch
    time.time = _wall
    time.time_ns = lambda: int(_wall() * 1e9)
    time.monotonic = _now
    time.monotonic_ns = lambda: int(_now() * 1e9)
    time.perf_counter = _now
    time.perf_counter_ns = lambda: int(_now() * 1e9)
    time.sleep = virtual_sleep
    global _cpu_start
    _cpu_start = _real_process_time_ns()
    for name, function in _TIME_FUNCTIONS.items():
        setattr(time, name, function)
    for name, function in _SIGNAL_FUNCTIONS.items():
        setattr(signal, name, function)
    # logging counts relativeCreated from its import, which was before the snapshot: natively,
    # the program's start (the time at 0 on the virtual clock, which reading would move on).
    logging = sys.modules.get("logging")
    if logging is not None:
        logging._startTime = int(epoch * 1e9)
