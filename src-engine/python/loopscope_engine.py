"""Loopscope's loop engine, inside Pyodide.

Importing this module prepares the interpreter once, before the engine takes its memory
snapshot: it re-imports asyncio without its C accelerator, so that every Task step, Future
callback and Handle is Python code we can observe, and instruments asyncio, threads, the
clock and the standard streams in place (each in its own module, below). Every run then
starts from that snapshot, so nothing a program does leaks into the next one.

`run()` executes one program as `python3 FILE` would, with an instrumented subclass of
`asyncio.BaseEventLoop` on a virtual clock, and streams the trace to the host in batches (the wire format of src-shared/trace-wire.ts).
The trace format is documented in docs/trace-format.md.
"""

import sys
import time

# The real clock, for the run's epoch (time.time() of the program starts there).
_real_time = time.time

for _name in [m for m in sys.modules if m == "asyncio" or m.startswith("asyncio.")]:
    del sys.modules[_name]
# Without `_asyncio`, asyncio falls back to its pure-Python Task and Future.
sys.modules["_asyncio"] = None

import asyncio  # noqa: E402
import atexit  # noqa: E402
import builtins  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import linecache  # noqa: E402
import operator  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import weakref  # noqa: E402
from asyncio import events, tasks  # noqa: E402

assert tasks.Task is tasks._PyTask, "asyncio's C accelerator is still loaded"

import loopscope_asyncio  # noqa: E402
import loopscope_clock  # noqa: E402
import loopscope_frames  # noqa: E402
import loopscope_io  # noqa: E402
import loopscope_loop  # noqa: E402
import loopscope_errno  # noqa: E402
import loopscope_net  # noqa: E402
import loopscope_stack  # noqa: E402
import loopscope_threads  # noqa: E402
import loopscope_trace  # noqa: E402

# The helper a program may import (`from loopscope import set_latency`): the memory snapshot keeps
# only what is imported before it is taken, not the files written for it.
import loopscope  # noqa: E402, F401
from loopscope_trace import HOT_LINE, MONITOR_TOOL, TRACE_VERSION, Recorder, Stop, describe_exception, real_perf_counter  # noqa: E402

_ENGINE_MODULES = (
    loopscope_trace,
    loopscope_threads,
    loopscope_clock,
    loopscope_io,
    loopscope_loop,
    loopscope_net,
    loopscope_errno,
    loopscope_asyncio,
    loopscope_stack,
    loopscope_frames,
)
rec = None  # The current run's Recorder; None between runs.


def bind(recorder):
    """Makes `recorder` the current run's, in every module of the engine."""
    global rec
    rec = recorder
    for module in _ENGINE_MODULES:
        module.rec = recorder


def _install():
    loopscope_asyncio.ENGINE_FILES.update(module.__file__ for module in (*_ENGINE_MODULES, sys.modules[__name__]))
    loopscope_threads.install()
    loopscope_asyncio.install()
    loopscope_frames.install()
    loopscope_loop.install()
    loopscope_errno.install()
    loopscope_net.install()
    loopscope_io.install()
    loopscope_stack.install()
    linecache.updatecache = _zip_sources(linecache.updatecache)
    os._exit = _os_exit
    _linux_signal_constants()
    sys.getrecursionlimit = _getrecursionlimit
    sys.setrecursionlimit = _setrecursionlimit
    _listen_for_stop()


# The engine's own frames under the program's: run() and _run_main().
_BASE_FRAMES = 2
_limit = loopscope_trace.RecursionLimit


def _getrecursionlimit():
    return _limit.real_get() - _limit.extra


def _setrecursionlimit(new_limit):
    new_limit = operator.index(new_limit)
    if new_limit < 1:
        raise ValueError("recursion limit must be greater or equal than 1")
    try:
        _limit.real_set(new_limit + _limit.extra)
    except RecursionError as error:
        # Less the engine's frames below, and this function's own.
        depth = int(str(error).split("recursion depth ")[1].split(":")[0]) - (_limit.extra - _limit.line_frame) - 1
        raise RecursionError(
            f"cannot set the recursion limit to {new_limit} at the recursion depth {depth}: the limit is too low"
        ) from None


_getrecursionlimit.__doc__ = sys.getrecursionlimit.__doc__
_setrecursionlimit.__doc__ = sys.setrecursionlimit.__doc__


def _zip_sources(updatecache):
    """linecache for files inside the standard library's zip file (Pyodide's): a warning raised
    in asyncio shows its source line, as it does natively where the library is on disk."""
    import zipimport

    def update(filename, module_globals=None):
        lines = updatecache(filename, module_globals)
        # At the process's end (sys.meta_path is None) linecache's own imports fail: no lines.
        if lines or ".zip/" not in filename or sys.meta_path is None:
            return lines
        archive, _, member = filename.partition(".zip/")
        try:
            source = zipimport.zipimporter(archive + ".zip").get_data(member).decode("utf-8")
        except (OSError, UnicodeDecodeError, zipimport.ZipImportError):
            return lines
        lines = source.splitlines(True)
        linecache.cache[filename] = (len(source), None, lines, filename)
        return lines

    return update


def _os_exit(status):
    """os._exit: the process ends at once, without atexit handlers or flushing its buffers."""
    status = operator.index(status)
    if rec is None:
        raise SystemExit(status)
    # What C code wrote to the descriptors is out of the process already; buffers are not.
    loopscope_io.drain()
    rec.halt("completed", exit_code=status & 0xFF)


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



DISABLE = sys.monitoring.DISABLE


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _on_line(code, line):
    """The LINE event of the program's file. Its common path calls no Python function, so
    that it adds exactly one frame to the program's stack (see _BASE_FRAMES)."""
    r = rec
    if r is None:
        return None
    try:
        if r.stop is not None or r.stop_pending:
            r.checkpoint()
        task = r.task
        key = line if task is None else line + (task << 24)
        hits = r.line_hits.get(key, 0) + 1
        r.line_hits[key] = hits
        if hits > HOT_LINE:
            # A tight loop: the line runs on at full speed, unrecorded, until the loop's next step.
            r.hot_line(code, line)
            return DISABLE
        if r.thread is not None:
            return None
        if r.output_pending and real_perf_counter() - r.last_flush > r.OUTPUT_LATENCY:
            r.flush()
        if r.full_at is not None:
            # The trace is full: the program runs on unrecorded (Recorder.fill).
            return None
        r.line = line
        # Appended one by one: a tuple would be one more object for the garbage collector to count.
        batch = r.batch
        batch.append(r.line_kind)
        batch.append(line)
        batch.append(task)
        r.countdown -= 1
        if r.countdown <= 0:
            r.check_limits()
    except RecursionError:
        # The program's newest frame is at the recursion limit, so the engine's less common
        # work (a check, a flush, a hot line) has no room for its frames. Natively nothing runs
        # there: the program must not see this RecursionError. The work is done at a later line.
        # The next event checks (the count of events, `Recorder.seq`, stays as it is).
        r.count_from -= r.countdown - 1
        r.countdown = 1
    return None


def _frames_of(tb):
    frames = []
    for frame, line in traceback.walk_tb(tb):
        if loopscope_asyncio.hidden_frame(frame.f_code):
            continue
        filename = frame.f_code.co_filename
        frames.append({"file": filename, "line": line, "name": frame.f_code.co_name, "user": filename == rec.user_file})
    return frames


def _exit_code(exc):
    """The exit status for a SystemExit, printing its message as CPython does."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(str(code) + "\n")
    return 1


def _print_uncaught(exc):
    """PyErr_Print: sys.excepthook shows an uncaught exception (and a failing hook is shown
    with it)."""
    sys.last_exc = sys.last_value = exc
    sys.last_type = type(exc)
    sys.last_traceback = exc.__traceback__
    hook = getattr(sys, "excepthook", None)
    if hook is None:
        sys.stderr.write("sys.excepthook is missing\n")
        traceback.print_exception(exc)
        return None
    try:
        hook(type(exc), exc, exc.__traceback__)
    except SystemExit as exit_:
        return _exit_code(exit_)
    except BaseException as error:
        if rec.stop is not None:
            raise
        sys.stderr.write("Error in sys.excepthook:\n")
        traceback.print_exception(error)
        sys.stderr.write("\nOriginal exception was:\n")
        traceback.print_exception(exc)
    return None


# The exit status of a program that KeyboardInterrupt ended: CPython re-raises SIGINT, and the
# shell reports 128 + 2.
SIGINT_STATUS = 130


def _run_main(code):
    """Runs the program, then the interpreter's shutdown, as Py_RunMain does; returns how it
    ended: `completed` (with what sys.exit asked for) or `raised`, and the exit status."""
    status = 0
    uncaught = None
    try:
        # No variable here holds the module or its namespace: at the end they must be freed as
        # natively, with nothing of the engine's keeping them (see _free_main).
        exec(code, sys.modules["__main__"].__dict__)
    except SystemExit as exc:
        status = _exit_code(exc)
    except BaseException as exc:  # noqa: BLE001 - an uncaught exception is an outcome.
        if rec.stop is not None:
            raise
        if isinstance(exc, MemoryError) and rec.over_memory():
            rec.halt("budget", "memory")
        uncaught = exc
    if uncaught is not None:
        # Shown outside the except block, as PyErr_Print shows it: with no exception being
        # handled, an error in sys.excepthook is not chained to it.
        status = SIGINT_STATUS if isinstance(uncaught, KeyboardInterrupt) else 1
        rec.emit("exception", {"exc": describe_exception(uncaught), "frames": _frames_of(uncaught.__traceback__)})
        hooked = _print_uncaught(uncaught)
        if hooked is not None:
            status = hooked
        uncaught = True
    if _finalize():
        # Py_RunMain: a shutdown that could not flush the standard streams exits with 120.
        status = 120
    return ("raised" if uncaught else "completed"), status


def _finalize():
    """Py_FinalizeEx: threads are joined, atexit handlers run, the streams are flushed, the
    garbage collector runs once while the interpreter is whole, and then the program's
    objects are freed, so that their finalizers report what they report natively (a task
    destroyed while pending, say)."""
    steps = (
        loopscope_threads.sched.shutdown,
        atexit._run_exitfuncs,
        _start_finalizing,
        _flush_std_files,
        _collect_garbage,
        _free_main,
    )
    for step in steps:
        try:
            step()
        except Stop:
            raise
        except BaseException:  # noqa: BLE001 - shutdown errors are printed, as CPython does.
            traceback.print_exc()
    _flush_std_files()
    # The engine's own streams, if the program replaced them: what they hold reaches the
    # terminal unless the program closed its descriptor.
    try:
        _flush_streams()
    except OSError:
        pass
    return _flush_failed


_flush_failed = False


_finalizing = False


def _is_finalizing():
    return _finalizing


_is_finalizing.__name__ = _is_finalizing.__qualname__ = "is_finalizing"
_is_finalizing.__module__ = "sys"
_is_finalizing.__doc__ = sys.is_finalizing.__doc__
sys.is_finalizing = _is_finalizing


def _start_finalizing():
    """_PyInterpreterState_SetFinalizing, once the atexit handlers have run: from then on
    sys.is_finalizing() is True (a finalizer at exit reads it)."""
    global _finalizing
    _finalizing = True


def _collect_garbage():
    """PyGC_Collect, before the modules are torn down: a cycle's finalizers can still import,
    and linecache read source lines. Like PyGC_Collect, nothing when the program disabled the
    collector (its cycles are then freed with the modules)."""
    if gc.isenabled():
        gc.collect()


def _flush_std_files():
    """flush_std_files: a stream that cannot be flushed (its descriptor closed) is reported as
    CPython reports it, and the exit status becomes 120."""
    global _flush_failed
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if not loopscope_io.is_terminal_stream(stream) or stream.closed:
            continue
        try:
            loopscope_io.flush_stream(stream)
        except OSError as error:
            _flush_failed = True
            loopscope_io.discard_stream(stream)
            if name == "stdout":
                try:
                    sys.stderr.write(f"Exception ignored on flushing sys.{name}:\n")
                    sys.stderr.write("".join(traceback.format_exception_only(error)))
                    sys.stderr.flush()
                except (OSError, ValueError, AttributeError):
                    pass


def _free_main():
    """_PyImport_FiniExternal and finalize_modules, as far as a program's finalizers can see
    them: sys.meta_path, sys.path_importer_cache and sys.path_hooks become None (an import
    fails with "sys.meta_path is None, Python is likely shutting down", and linecache finds no
    source lines), then builtins._, sys.path, sys.argv, sys.ps1, sys.ps2 and sys.last_exc and
    its kin (so an uncaught exception's frames, and what their variables hold, go first), and
    sys.stdin/stdout/stderr are their __stdin__/__stdout__/__stderr__ again; every module leaves
    sys.modules, which is emptied, and the garbage collector frees them. A program's module is
    in a reference cycle (its functions' and classes' globals are its namespace), so the
    objects it holds are finalized while its globals are all there, as PEP 442 has it: a
    `__del__` at exit still sees `sys`. A namespace something else keeps alive is then cleared
    as _PyModule_ClearDict clears it: names with one underscore first, then the others, each
    set to None. The engine's own end of the run (flushing the streams, the trace's last
    batch) needs its imports: what was cleared is put back once the program's objects are
    freed."""
    saved_sys = {name: getattr(sys, name) for name in _SYS_RESTORED if hasattr(sys, name)}
    saved_builtins = builtins.__dict__.get("_", _MISSING)
    modules = sys.modules
    saved_modules = dict(modules)
    try:
        for name in _SYS_CLEARED:
            setattr(sys, name, None)
        builtins._ = None
        for name, original in (("stdin", "__stdin__"), ("stdout", "__stdout__"), ("stderr", "__stderr__")):
            setattr(sys, name, getattr(sys, original, None))
        main = weakref.ref(saved_modules.pop("__main__"))
        for name in list(modules):
            modules[name] = None
        modules.clear()
        gc.collect()
        namespace = main().__dict__ if main() is not None else None
        if namespace is not None:
            for first in (True, False):
                for name in list(namespace):
                    if name != "__builtins__" and (name[:1] == "_" and name[:2] != "__") == first:
                        namespace[name] = None
            del namespace
            gc.collect()
    finally:
        modules.update(saved_modules)
        saved_modules = None
        for name, value in saved_sys.items():
            setattr(sys, name, value)
        if saved_builtins is _MISSING:
            builtins.__dict__.pop("_", None)
        else:
            builtins._ = saved_builtins


# What _PyImport_FiniExternal and finalize_modules_delete_special set to None, in their order.
_SYS_CLEARED = (
    "meta_path",
    "path_importer_cache",
    "path_hooks",
    "path",
    "argv",
    "ps1",
    "ps2",
    "last_exc",
    "last_type",
    "last_value",
    "last_traceback",
)
# What the engine's end of the run may need again (the uncaught exception is not kept).
_SYS_RESTORED = ("meta_path", "path_importer_cache", "path_hooks", "path", "argv")
_MISSING = object()


def _flush_streams():
    loopscope_io.flush_streams(sys.stdout, sys.stderr, _streams[0], _streams[1])


_streams = (None, None)
# What the program sees of the signals the host stops a run with (see _listen_for_stop).
_program_signals = {
    signal.SIGHUP: signal.SIG_DFL,
    signal.SIGINT: signal.default_int_handler,
    signal.SIGQUIT: signal.SIG_DFL,
}
# The host's reason for each (Recorder.stop_requested): the user, the wall-time budget, memory.
_STOP_REASONS = {signal.SIGHUP: 1, signal.SIGINT: 2, signal.SIGQUIT: 3}
# A stop that arrived before the run's recorder existed.
_early_stop = 0


def _on_host_signal(signum, frame):
    global _early_stop
    reason = _STOP_REASONS[signum]
    if rec is None:
        _early_stop = reason
        return
    rec.stop_signal(reason, frame is not None and frame.f_code.co_filename in loopscope_asyncio.ENGINE_FILES)


# Emscripten's (musl's) values where Linux's (glibc's) differ: SIG_IGN is (void *)-2 there, 1 on
# Linux; glibc's SIGRTMIN is 34 (musl keeps 32 to 34 for itself), and Linux has SIGCLD too.
_C_SIG_IGN = int(signal.SIG_IGN)
_LINUX_SIGNALS = {"SIGRTMIN": 34, "SIGCLD": 17}


def _linux_signal_constants():
    """The signal module's Handlers and Signals enums with Linux's values, made as signal.py
    makes them (so `signal.SIG_IGN` is `<Handlers.SIG_IGN: 1>`); the C module keeps its own,
    which signal_ and getsignal (_listen_for_stop) translate."""
    from enum import IntEnum

    handlers = types.SimpleNamespace(SIG_DFL=int(signal.SIG_DFL), SIG_IGN=1)
    IntEnum._convert_("Handlers", "signal", lambda name: name in ("SIG_DFL", "SIG_IGN"), source=handlers)
    numbers = {member.name: int(member) for member in signal.Signals}
    numbers.update(_LINUX_SIGNALS)
    IntEnum._convert_("Signals", "signal", lambda name: True, source=types.SimpleNamespace(**numbers))
    # glibc's: 1 to 31, then the real-time signals 34 to 64.
    valid = frozenset(range(1, signal.NSIG)) - {32, 33}

    def valid_signals():
        return {signal._int_to_enum(number, signal.Signals) for number in valid}

    valid_signals.__doc__ = signal.valid_signals.__doc__
    signal.valid_signals = valid_signals


def _to_c_handler(handler):
    """A handler as the program gives it (Linux's SIG_IGN is 1), as the C module takes it."""
    if type(handler) is int or isinstance(handler, signal.Handlers):
        number = int(handler)
        if number == 1:
            return _C_SIG_IGN
        if number == _C_SIG_IGN:
            # Not a handler on Linux: the C module's message for what is not one.
            return object()
    return handler


def _from_c_handler(handler):
    if type(handler) is int and handler == _C_SIG_IGN:
        return signal.Handlers.SIG_IGN
    return signal._int_to_enum(handler, signal.Handlers)


def _listen_for_stop():
    """The host stops a run by writing 1 (the user), 2 (out of time) or 3 (out of memory) into
    the buffer Pyodide polls for signals; Python code, even a tight loop, then sees signal 1, 2
    or 3. Installed once, before the snapshot, so that a stop during a run's start is not lost.
    The program still sees its own handlers for those signals, as if the engine had none."""
    real_signal = signal.signal
    real_getsignal = signal.getsignal
    program = _program_signals
    for signum in program:
        real_signal(signum, _on_host_signal)

    def signal_(signalnum, handler):
        if rec is not None and rec.thread is not None:
            raise ValueError("signal only works in main thread of the main interpreter")
        if signalnum not in program:
            return _from_c_handler(real_signal(signalnum, _to_c_handler(handler)))
        if handler not in (signal.SIG_DFL, signal.SIG_IGN) and not callable(handler):
            raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        previous = program[signalnum]
        program[signalnum] = handler
        return _from_c_handler(previous)

    def getsignal(signalnum):
        return _from_c_handler(program[signalnum] if signalnum in program else real_getsignal(signalnum))

    signal_.__doc__ = real_signal.__doc__
    getsignal.__doc__ = real_getsignal.__doc__
    signal.signal = signal_
    signal.getsignal = getsignal


def run(source, filename, stdin, options_json, sink, control):
    """Runs one program and streams its trace to `sink` (batches in the wire format)."""
    global _streams
    options = json.loads(options_json)
    loopscope_trace.TEXT_LIMIT = int(options["textLimit"])
    bind(Recorder(sink, control, options["budgets"], filename, bool(options.get("probe")), options["wire"]))
    rec.stop_pending = _early_stop
    _limit.deeper(_BASE_FRAMES)
    _limit.lines_recorded(1)
    loopscope_threads.start_run()
    loopscope_net.start_run()
    rec.emit(
        "run.start",
        {"version": TRACE_VERSION, "python": sys.version.split()[0], "file": filename, "source": source},
    )
    _streams = loopscope_io.open_streams()
    sys.stdout = sys.__stdout__ = _streams[0]
    sys.stderr = sys.__stderr__ = _streams[1]
    sys.stdin = sys.__stdin__ = loopscope_io.open_stdin(stdin if stdin is not None else "")
    # Pyodide's loader makes traceback.print_exception the hook; a program sees CPython's own
    # (`<built-in function excepthook>`), which falls back as natively when stderr is closed.
    sys.excepthook = sys.__excepthook__
    loopscope_clock.install(_real_time())
    events._set_event_loop_policy(loopscope_loop.TracedPolicy())
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
    # Lazily, as linecache caches a module's source: read (from the file, or from here if it
    # could not be written) the first time a line is asked for, as natively. At the process's
    # end a file never read shows no lines, its reading needs imports that then fail.
    linecache.cache[filename] = (lambda: source,)

    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        sys.stderr.write("".join(traceback.format_exception_only(type(exc), exc)))
        _flush_streams()
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
    monitoring.set_events(MONITOR_TOOL, monitoring.events.RAISE)
    _limit.raise_callback = loopscope_errno.on_raise
    _limit.listen_for_raise()
    for each in _code_objects(code):
        monitoring.set_local_events(MONITOR_TOOL, each, monitoring.events.LINE)

    _hide_bridges()
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    del main
    try:
        outcome, status = _run_main(code)
        end = {"outcome": outcome, "exitCode": status}
    except Stop:
        end = None
    # A stop (a budget, the user, a loop with nothing to do, os._exit) decides the outcome,
    # whatever the program did with the exception that unwound it.
    stop = rec.stop
    if stop is not None:
        end = {"outcome": stop.outcome, "exitCode": stop.exit_code}
        if stop.budget is not None:
            end["budget"] = stop.budget
    if rec.hot_lines:
        end["hotLines"] = sorted(rec.hot_lines)
    if rec.full_at is not None:
        end["fullAt"] = rec.full_at
    loopscope_io.drain()
    _limit.raise_callback = None
    monitoring.set_events(MONITOR_TOOL, 0)
    monitoring.register_callback(MONITOR_TOOL, monitoring.events.LINE, None)
    monitoring.register_callback(MONITOR_TOOL, monitoring.events.RAISE, None)
    monitoring.free_tool_id(MONITOR_TOOL)
    rec.finish(end)


_install()
