"""The virtual clock as the program reads it: `time`, `datetime`, `time.sleep`."""

import datetime
import operator
import time
import warnings

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
    # Emscripten's time module has no thread_time: with one real thread, the process's CPU
    # time is that thread's.
    time.thread_time = time.process_time
    time.thread_time_ns = time.process_time_ns
