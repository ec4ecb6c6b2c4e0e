"""asyncio's own classes, instrumented in place, and made to look as the C accelerator's do.

One function per patched class. Each replacement records what happened and then does what
asyncio's pure-Python code does; where CPython's `_asyncio` module (which CPython 3.14 uses by
default, Modules/_asynciomodule.c) behaves visibly otherwise (an error message, a repr, the
moment a dropped task is reported, a traceback frame), the replacement does what the C code
does.
"""

import _py_warnings
import _thread
import contextvars
import faulthandler
import inspect
import io
import linecache
import logging
import os
import sys
import traceback
import types
import warnings

import asyncio
from asyncio import base_events, base_tasks, events, exceptions, format_helpers, futures, tasks

from loopscope_frames import record as record_frames, stack_of
from loopscope_trace import (
    STEP_TYPES,
    WAKEUP_FUNCTIONS,
    RecursionLimit,
    awaiting_of,
    describe_callback,
    describe_exception,
    future_id,
    paused_line,
    register_task,
    safe_repr,
    safe_str,
    short_text,
)

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

_Task = tasks.Task
_Future = futures.Future
_PENDING = futures._PENDING
_CANCELLED = futures._CANCELLED
_FINISHED = futures._FINISHED
_InvalidStateError = exceptions.InvalidStateError

# --- Frames the C accelerator runs without ---------------------------------------------------

# Files whose frames never show: the engine's own modules (filled in by loopscope_engine).
ENGINE_FILES = set()
# Code objects of asyncio functions that are C functions natively (Future's and Task's
# methods, and the module-level functions _asynciomodule.c replaces).
_C_CODES = set()
_C_FUNCTIONS = {
    events: ("get_running_loop", "_get_running_loop", "_set_running_loop", "get_event_loop"),
    tasks: (
        "current_task",
        "all_tasks",
        "_register_task",
        "_register_eager_task",
        "_unregister_task",
        "_unregister_eager_task",
        "_enter_task",
        "_leave_task",
        "_swap_current_task",
    ),
    futures: ("future_add_to_awaited_by", "future_discard_from_awaited_by"),
}


def hidden_frame(code):
    return code in _C_CODES or code.co_filename in ENGINE_FILES


def _collect_c_codes():
    for klass in (_Future, _Task):
        for value in vars(klass).values():
            for function in (value, getattr(value, "fget", None), getattr(value, "fset", None)):
                code = getattr(function, "__code__", None)
                if code is not None:
                    _C_CODES.add(code)
    for module, names in _C_FUNCTIONS.items():
        for name in names:
            _C_CODES.add(getattr(module, name).__code__)


# Frames of the pure-Python Task's step that a stored exception still reaches; cleared once
# the step has returned (see strip_hidden).
_finished_frames = []


def strip_hidden(tb):
    """A traceback without the hidden frames (relinked in place): what the C Task would have
    stored. The frames themselves are cleared once the step is over: a coroutine's frame
    keeps its caller as `f_back`, and the pure-Python step holds the task, so without this a
    failed task would sit in a reference cycle until the garbage collector ran, instead of
    being freed, and reported, the moment the program drops it, as the C Task is."""
    head = last = None
    while tb is not None:
        if hidden_frame(tb.tb_frame.f_code):
            _finished_frames.append(tb.tb_frame)
        else:
            if last is None:
                head = tb
            else:
                last.tb_next = tb
            last = tb
        tb = tb.tb_next
    if last is not None and last.tb_next is not None:
        last.tb_next = None
    return head


def _clear_finished_frames():
    while _finished_frames:
        frame = _finished_frames.pop()
        try:
            frame.clear()
        except RuntimeError:
            # Still running (a step inside another, eagerly): its own step clears it.
            pass


def _visible_stack(frame):
    """traceback.walk_stack(frame) without the hidden frames."""
    for each, line in traceback.walk_stack(frame):
        if not hidden_frame(each.f_code):
            yield each, line


def _source_traceback(frame):
    """What `_asyncio.Future.__init__` stores in debug mode: traceback.extract_stack() from
    the frame that made the future."""
    stack = traceback.StackSummary.extract(_visible_stack(frame))
    stack.reverse()
    return stack


# --- Handle --------------------------------------------------------------------------------


def instrument_handle():
    handle_cancel = events.Handle.cancel

    def cancel(self):
        if rec is not None and not self._cancelled:
            n = rec.handle_ids.get(id(self))
            if n is not None:
                rec.row("handle.cancel", n, rec.line, rec.task)
        return handle_cancel(self)

    # TimerHandle.cancel reaches Handle.cancel through super(): one patch records both.
    events.Handle.cancel = cancel

    def extract_stack(f=None, limit=None):
        if f is None:
            f = sys._getframe().f_back
        if limit is None:
            limit = asyncio.constants.DEBUG_STACK_DEPTH
        stack = traceback.StackSummary.extract(_visible_stack(f), limit=limit, lookup_lines=False)
        stack.reverse()
        return stack

    format_helpers.extract_stack = extract_stack


# --- Future --------------------------------------------------------------------------------

# The exception Future.result is raising, held here rather than in a variable of its frame.
_raising = []


def instrument_future():
    # Futures get their trace id on first sight; 0 means none yet.
    _Future._ls_id = 0
    # The deadline of the timer that ends an asyncio.sleep, set on that sleep's future.
    _Future._ls_sleep = None
    _Future.__module__ = "_asyncio"
    schedule_callbacks = _Future._Future__schedule_callbacks

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events.get_event_loop()
        else:
            self._loop = loop
        self._callbacks = []
        if self._loop.get_debug():
            self._source_traceback = _source_traceback(sys._getframe(1))
        if rec is not None and not isinstance(self, _Task):
            rec.row("future.create", future_id(self), type(self).__name__, rec.line, rec.task)

    def result(self):
        state = self._state
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        if state != _FINISHED:
            raise _InvalidStateError("Result is not set.")
        self._Future__log_traceback = False
        exception = self._exception
        if exception is not None:
            # _asyncio's future_get_result puts the stored traceback back once, then forgets
            # it: a second retrieval shows only its own frames.
            tb, self._exception_tb = self._exception_tb, None
            # The traceback keeps this frame (_asyncio's has none): it may hold neither the
            # future nor the exception, or the future, its exception and the frames of its
            # traceback would stay in a reference cycle, after the program let go of them,
            # until the garbage collector ran.
            _raising.append(exception.with_traceback(tb))
            self = exception = tb = None
            raise _raising.pop()
        return self._result

    def set_result(self, result):
        if self._state != _PENDING:
            raise _InvalidStateError("invalid state")
        if rec is not None:
            rec.row("future.result", self._ls_id or future_id(self), safe_repr(result))
        self._result = result
        self._state = _FINISHED
        schedule_callbacks(self)

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise _InvalidStateError("invalid state")
        if isinstance(exception, type) and issubclass(exception, BaseException):
            exception = exception()
            if self._state != _PENDING:
                raise _InvalidStateError("invalid state")
        if not isinstance(exception, BaseException):
            raise TypeError("invalid exception object")
        if isinstance(exception, StopIteration):
            new_exc = RuntimeError("StopIteration interacts badly with generators and cannot be raised into a Future")
            new_exc.__cause__ = exception
            new_exc.__context__ = exception
            exception = new_exc
        if rec is not None:
            rec.emit("future.exception", {"future": future_id(self), "exc": describe_exception(exception)})
        exception.__traceback__ = strip_hidden(exception.__traceback__)
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        schedule_callbacks(self)
        self._Future__log_traceback = True

    def cancel(self, msg=None):
        self._Future__log_traceback = False
        if self._state != _PENDING:
            return False
        if rec is not None:
            message = msg if isinstance(msg, str) or msg is None else safe_repr(msg)
            rec.emit("future.cancelled", {"future": future_id(self), "msg": message})
        cancelled = self._cancelled_exc
        if cancelled is not None:
            cancelled.__traceback__ = strip_hidden(cancelled.__traceback__)
        self._state = _CANCELLED
        self._cancel_message = msg
        schedule_callbacks(self)
        return True

    def add_done_callback(self, fn, *, context=None):
        if rec is not None:
            label, role, _task, _future = describe_callback(fn, ())
            rec.row("future.callback", self._ls_id or future_id(self), label, role)
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            if context is None:
                context = contextvars.copy_context()
            self._callbacks.append((fn, context))

    def __del__(self):
        if not self._Future__log_traceback:
            return
        self._Future__log_traceback = False
        if rec is not None and self._ls_id:
            rec.emit("future.dropped", {"future": self._ls_id, "reason": "exception-never-retrieved"})
        context = {
            "message": f"{type(self).__name__} exception was never retrieved",
            "exception": self._exception,
            "future": self,
        }
        if self._source_traceback:
            context["source_traceback"] = self._source_traceback
        self._loop.call_exception_handler(context)

    def __await__(self):
        # _asyncio's FutureIter reads the future's state and takes its result in C: a
        # subclass's own done() and result() are not called.
        if self._state is _PENDING:
            self._asyncio_future_blocking = True
            try:
                yield self  # This tells Task to wait for completion.
            except BaseException:
                # Thrown in by the awaiting task's step (a cancellation, or the error of a
                # future it awaited): the traceback keeps this frame, and its `self` would keep
                # the future, and its exception, alive in a reference cycle until the garbage
                # collector ran. _asyncio's FutureIter has no frame.
                self = None
                raise
        if self._state is _PENDING:
            raise RuntimeError("await wasn't used with future")
        try:
            return result(self)  # May raise too.
        except BaseException:
            # As above: the traceback keeps this frame, which may not keep the future.
            self = None
            raise

    for function in (__init__, result, set_result, set_exception, cancel, add_done_callback, __del__, __await__):
        _replace(_Future, function)
    _Future.__iter__ = _Future.__await__
    instrument_awaited_by()


def instrument_awaited_by():
    """Who awaits a future, kept as _asynciomodule.c keeps it: the one waiter itself, and a set
    only once a second one comes (the pure-Python functions make a set for every future a task
    awaits). `_asyncio_awaited_by` gives a frozenset either way, as the C Future's does."""

    def future_add_to_awaited_by(fut, waiter, /):
        if isinstance(fut, _Future) and isinstance(waiter, _Future):
            held = fut._Future__asyncio_awaited_by
            if held is None:
                fut._Future__asyncio_awaited_by = waiter
            elif type(held) is set:
                held.add(waiter)
            else:
                fut._Future__asyncio_awaited_by = {held, waiter}

    def future_discard_from_awaited_by(fut, waiter, /):
        if isinstance(fut, _Future) and isinstance(waiter, _Future):
            held = fut._Future__asyncio_awaited_by
            if held is waiter:
                fut._Future__asyncio_awaited_by = None
            elif type(held) is set:
                held.discard(waiter)

    def _asyncio_awaited_by(self):
        held = self._Future__asyncio_awaited_by
        if held is None:
            return None
        return frozenset(held) if type(held) is set else frozenset((held,))

    for function in (future_add_to_awaited_by, future_discard_from_awaited_by):
        function.__module__ = "_asyncio"
        setattr(futures, function.__name__, function)
        setattr(asyncio, function.__name__, function)
    _Future._asyncio_awaited_by = property(_asyncio_awaited_by)


def _replace(klass, function):
    original = klass.__dict__[function.__name__]
    function.__qualname__ = original.__qualname__
    function.__doc__ = original.__doc__
    setattr(klass, function.__name__, function)


# --- Task ----------------------------------------------------------------------------------

# The C Task runs its steps in C: its coroutine runs with no frame of asyncio's between it and
# the loop's Handle._run. Here two Python frames stand there (the step's callback and
# run_step): the recursion limit is raised by as much while a step runs, so that the program
# reaches RecursionError at the depth it reaches natively.
_STEP_FRAMES = 2
# A task started eagerly runs inside Task.__init__: five frames stand for the C code there.
_EAGER_FRAMES = 5


class TaskStepMethWrapper:
    """What the C Task schedules for its next step (`_asyncio.TaskStepMethWrapper`), in
    place of the pure-Python Task's bound `__step` method: a handle's repr shows it so."""

    __slots__ = ("_ls_task",)

    def __init__(self, task):
        self._ls_task = task

    @property
    def __self__(self):
        return self._ls_task

    def __call__(self, exc=None):
        try:
            run_step(self._ls_task, exc, _STEP_FRAMES, True)
        finally:
            # This frame may outlive the call (a failed coroutine's frame keeps its callers).
            self = exc = None

    def __repr__(self):
        return f"<_asyncio.TaskStepMethWrapper object at {id(self):#x}>"


class _StepDescriptor:
    """`task._Task__step` gives a TaskStepMethWrapper, as the C Task's step callback."""

    def __get__(self, task, owner=None):
        if task is None:
            return self
        return TaskStepMethWrapper(task)


# The running task of each loop (asyncio.tasks' own table, which current_task() reads).
_current_tasks = tasks._current_tasks


def task_wakeup(self, future):
    """Task.__wakeup as the C Task's `task_wakeup`: what the future ended with goes into the
    coroutine without a frame of its own, and the step runs at once."""
    if rec is not None:
        rec.row("task.wake", self._ls_id or future_id(self), future._ls_id or future_id(future))
    futures.future_discard_from_awaited_by(future, self)
    kind = type(future)
    if kind is _Future or kind is _Task:
        # _asyncio's future_get_result: the stored exception itself, not a raise of it. (Of
        # any other future, a subclass too, its result() is called.)
        state = future._state
        if state == _CANCELLED:
            thrown = _set_error(future._make_cancelled_error())
        elif state != _FINISHED:
            thrown = _set_error(_InvalidStateError("Result is not set."))
        else:
            future._Future__log_traceback = False
            thrown = future._exception
            if thrown is not None:
                thrown = thrown.with_traceback(future._exception_tb)
                future._exception_tb = None
    else:
        try:
            future.result()
            thrown = None
        except BaseException as exc:  # noqa: BLE001 - it goes into the coroutine.
            thrown = exc
    try:
        run_step(self, thrown, _STEP_FRAMES, True)
    finally:
        self = future = thrown = None


task_wakeup.__qualname__ = "Task.task_wakeup"


def _set_error(error):
    """`error` as PyErr_SetObject leaves it (future_set_cancelled_error, PyErr_SetString): the
    exception being handled becomes its __context__ (cycles cut as a raise cuts them), its
    traceback is left as it is."""
    tb = error.__traceback__
    try:
        raise error
    except BaseException:  # noqa: BLE001 - only to chain it as C does.
        pass
    error.__traceback__ = tb
    return error


# The frames of the pure-Python Task.__init__ and __eager_start that started a task eagerly:
# cleared by the instrumented __init__ once they are over (see _eager_step).
_eager_init_frames = []


def _eager_step(self, exc):
    # Task.__eager_start has entered the task itself (with _swap_current_task).
    # A coroutine's frame that outlives its end (in its exception's traceback) keeps its
    # callers as `f_back`: this frame, Task.__eager_start's (which lets go of the task
    # itself) and Task.__init__'s, whose `self` would keep the task alive after the program
    # dropped it. The C Task has none of them: their variables go once they are over.
    # (Task.__eager_start's `curtask` is the task too.)
    start = sys._getframe(1)
    init = start.f_back
    if init is not None and init.f_code is _task_init_code:
        _eager_init_frames.append(init)
        _eager_init_frames.append(start)
    start = init = None
    try:
        run_step(self, exc, _EAGER_FRAMES, False)
    finally:
        self = exc = None


def run_step(self, exc, frames, enter):
    """Task.__step, and in it Task.__step_run_and_handle_result (Lib/asyncio/tasks.py,
    CPython 3.14), recorded: the coroutine runs until it awaits, yields or ends. One function,
    so that one frame stands where the C Task has none."""
    loop = self._loop
    if enter:
        # The start of Task.__step, and _enter_task.
        if self._state != _PENDING:
            raise _InvalidStateError(f"__step(): already done: {self!r} {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        current = _current_tasks.get(loop)
        if current is not None:
            raise RuntimeError(f"Cannot enter into task {self!r} while another task {current!r} is being executed.")
        _current_tasks[loop] = self
    r = rec
    if r is not None:
        n = self._ls_id or future_id(self)
        r.row("task.run", n, None if exc is None else type(exc).__qualname__)
        outer = r.task
        r.task = n
    RecursionLimit.extra += frames
    _set_limit(_get_limit() + frames)
    coro = self._coro
    try:
        if exc is None:
            result = coro.send(None)
        else:
            result = coro.throw(exc)
    except StopIteration as stop:
        if self._must_cancel:
            # Task is cancelled right before coro stops.
            self._must_cancel = False
            _future_cancel(self, msg=self._cancel_message)
        else:
            _future_set_result(self, stop.value)
    except exceptions.CancelledError as cancelled:
        self._cancelled_exc = cancelled
        _future_cancel(self)
    except (KeyboardInterrupt, SystemExit) as error:
        _future_set_exception(self, error)
        raise
    except BaseException as error:  # noqa: BLE001 - stored in the task.
        _future_set_exception(self, error)
    else:
        _handle_yield(self, result)
    finally:
        if enter:
            # _leave_task.
            current = _current_tasks.get(loop)
            if current is not self:
                raise RuntimeError(f"Leaving task {self!r} does not match the current task {current!r}.")
            del _current_tasks[loop]
            current = None
        RecursionLimit.extra -= frames
        _set_limit(_get_limit() - frames)
        if r is not None:
            r.task = outer
            if r.stop is None and self._state == _PENDING:
                stack = stack_of(coro, r.user_file)
                line = stack[-1]["line"] if stack else paused_line(coro)
                waiter = self._fut_waiter
                if waiter is not None:
                    r.row("task.suspend", n, awaiting_of(waiter), line)
                else:
                    r.row("task.yield", n, line)
                waiter = None
                record_frames(self, n, stack)
            elif self._state != _PENDING:
                # Its last stack is recorded: not kept while the program keeps the task.
                self._ls_frames = None
        _clear_finished_frames()
        self = exc = coro = loop = result = None


def _handle_yield(self, result):
    """What the coroutine yielded: a future to wait for, None (sleep(0)), or a mistake."""
    loop = self._loop
    blocking = getattr(result, "_asyncio_future_blocking", None)
    if blocking is not None:
        # Yielded Future must come from Future.__iter__().
        if futures._get_loop(result) is not loop:
            error = RuntimeError(f"Task {self!r} got Future {result!r} attached to a different loop")
            loop.call_soon(TaskStepMethWrapper(self), error, context=self._context)
        elif blocking:
            if result is self:
                error = RuntimeError(f"Task cannot await on itself: {self!r}")
                loop.call_soon(TaskStepMethWrapper(self), error, context=self._context)
            else:
                futures.future_add_to_awaited_by(result, self)
                result._asyncio_future_blocking = False
                kind = type(result)
                if kind is _Future or kind is _Task:
                    # _asynciomodule.c adds the wake-up to an exact Future or Task itself,
                    # without calling its add_done_callback (task_step_handle_result_impl).
                    wakeup = self._Task__wakeup
                    if rec is not None:
                        rec.row("future.callback", result._ls_id or future_id(result), "__wakeup", "wakeup")
                    if result._state != _PENDING:
                        loop.call_soon(wakeup, result, context=self._context)
                    else:
                        result._callbacks.append((wakeup, self._context))
                else:
                    result.add_done_callback(self._Task__wakeup, context=self._context)
                self._fut_waiter = result
                if self._must_cancel:
                    if self._fut_waiter.cancel(msg=self._cancel_message):
                        self._must_cancel = False
        else:
            error = RuntimeError(f"yield was used instead of yield from in task {self!r} with {result!r}")
            loop.call_soon(TaskStepMethWrapper(self), error, context=self._context)
    elif result is None:
        # Bare yield relinquishes control for one event loop iteration.
        loop.call_soon(TaskStepMethWrapper(self), context=self._context)
    elif inspect.isgenerator(result):
        error = RuntimeError(f"yield was used instead of yield from for generator in task {self!r} with {result!r}")
        loop.call_soon(TaskStepMethWrapper(self), error, context=self._context)
    else:
        error = RuntimeError(f"Task got bad yield: {result!r}")
        loop.call_soon(TaskStepMethWrapper(self), error, context=self._context)


_future_cancel = _future_set_result = _future_set_exception = None
_get_limit = RecursionLimit.real_get
_set_limit = RecursionLimit.real_set


def _clear_eager_init_frames(mark):
    while len(_eager_init_frames) > mark:
        frame = _eager_init_frames.pop()
        try:
            frame.clear()
        except RuntimeError:
            pass


_task_init_code = _Task.__init__.__code__


class _NoLoopGiven:
    """`eager_start` for a Task given no loop: where the pure-Python Task.__init__ tests it
    (`eager_start and self._loop.is_running()`), _asynciomodule.c's task_init calls
    `loop.is_running()` on its `loop` argument, None (CPython 3.14's Modules/_asynciomodule.c,
    _asyncio_Task___init___impl): the task is named and pending by then."""

    def __bool__(self):
        raise AttributeError("'NoneType' object has no attribute 'is_running'")


_NO_LOOP_GIVEN = _NoLoopGiven()


def instrument_task():
    global _future_cancel, _future_set_result, _future_set_exception
    _future_cancel = _Future.cancel
    _future_set_result = _Future.set_result
    _future_set_exception = _Future.set_exception
    _Task.__module__ = "_asyncio"
    task_init = _Task.__init__

    def __init__(self, *args, **kwargs):
        mark = len(_eager_init_frames)
        if kwargs.get("eager_start"):
            # _asyncio's Task.__init__ asks the loop it was given (the `loop` argument, not the
            # task's) whether it runs: with none given it fails there, as the C code does.
            kwargs["eager_start"] = True if kwargs.get("loop") is not None else _NO_LOOP_GIVEN
        try:
            task_init(self, *args, **kwargs)
        except BaseException as error:
            # _asyncio's Task.__init__ sets task_log_destroy_pending to 1 once future_init has
            # succeeded and the coroutine is one (before it names the task, starts it eagerly
            # or schedules its first step): a failure after that, as call_soon on a closed
            # loop, leaves a pending task that is logged as destroyed; one before, not.
            own = self.__dict__
            started = "_callbacks" in own and own.get("_log_destroy_pending", True)
            self._log_destroy_pending = started
            if started and "_coro" not in own:
                # Its name failed (str(name) raised): the C Task has its coroutine, context
                # and counters by then, and no name (its repr says name=None).
                coro = args[0] if args else kwargs.get("coro")
                own.update(_num_cancels_requested=0, _must_cancel=False, _fut_waiter=None, _coro=coro, _name=None)
                own.setdefault("_context", kwargs.get("context") or contextvars.copy_context())
                coro = None
            # The C Task's __init__ has no frame: the failed task is freed as the call
            # fails, not once the program lets go of the exception (a frame of the
            # pure-Python __init__ in its traceback would keep the task).
            tb = error.__traceback__.tb_next
            while tb is not None:
                if hidden_frame(tb.tb_frame.f_code):
                    try:
                        tb.tb_frame.clear()
                    except RuntimeError:
                        pass
                tb = tb.tb_next
            own = self = args = kwargs = error = None
            raise
        finally:
            _clear_eager_init_frames(mark)
        try:
            if self._source_traceback:
                # The C Task keeps the whole stack up to the call that made it.
                self._source_traceback = _source_traceback(sys._getframe(1))
            if rec is not None and not self._ls_id:
                register_task(self)
        finally:
            # This frame too may outlive the call (the f_back of a frame that does).
            self = args = kwargs = None

    task_cancel = _Task.cancel

    def cancel(self, msg=None):
        if rec is not None:
            message = msg if isinstance(msg, str) or msg is None else safe_repr(msg)
            rec.row("task.cancel", future_id(self), message, not self.done(), rec.line, rec.task)
        return task_cancel(self, msg)

    future_del = _Future.__del__

    def __del__(self):
        if self._state == _PENDING and self._log_destroy_pending:
            if rec is not None and self._ls_id:
                rec.emit("future.dropped", {"future": self._ls_id, "reason": "pending"})
            # _asyncio's TaskObj_finalize builds the context in this order.
            context = {"message": "Task was destroyed but it is pending!", "task": self}
            if self._source_traceback:
                context["source_traceback"] = self._source_traceback
            self._loop.call_exception_handler(context)
        future_del(self)

    for function in (__init__, cancel, __del__):
        _replace(_Task, function)
    _Task._Task__step = _StepDescriptor()
    _Task._Task__step_run_and_handle_result = _eager_step
    _Task._Task__wakeup = task_wakeup
    WAKEUP_FUNCTIONS.add(task_wakeup)
    STEP_TYPES.add(TaskStepMethWrapper)


# --- Tracebacks, warnings, asyncio's logger ------------------------------------------------


def instrument_tracebacks():
    """Tracebacks show neither the engine's frames nor those asyncio's C accelerator runs
    without."""
    walk = traceback._walk_tb_with_full_positions

    def walk_tb(tb):
        for frame, positions in walk(tb):
            if not hidden_frame(frame.f_code):
                yield frame, positions

    traceback._walk_tb_with_full_positions = walk_tb


# The folder of the engine's modules: a prefix warnings.warn skips frames of.
_ENGINE_PREFIX = os.path.dirname(__file__) + "/"
# More frames of origin than a program asks for, so that as many are left once the engine's
# are taken out.
_ORIGIN_SPARE = 16


def instrument_stacks():
    """Nor do the stacks a program looks at: traceback.extract_stack() and print_stack(),
    inspect.stack(), logging's caller and stack_info, warnings' stacklevel, a task's
    get_stack(), and where a never-awaited coroutine was created (docs/engine.md, "Frames a
    program sees")."""
    walk_stack = traceback.walk_stack

    def visible_walk_stack(f):
        if f is None:
            f = sys._getframe().f_back
        return ((frame, line) for frame, line in walk_stack(f) if not hidden_frame(frame.f_code))

    visible_walk_stack.__doc__ = walk_stack.__doc__
    traceback.walk_stack = visible_walk_stack

    getouterframes = inspect.getouterframes

    def visible_outer_frames(frame, context=1):
        return [info for info in getouterframes(frame, context) if not hidden_frame(info.frame.f_code)]

    visible_outer_frames.__doc__ = getouterframes.__doc__
    inspect.getouterframes = visible_outer_frames

    logging_internal = logging._is_internal_frame
    logging._is_internal_frame = lambda frame: hidden_frame(frame.f_code) or logging_internal(frame)

    warn = warnings.warn

    # The engine's own calls name the stack level C code would: this one skips their frames.
    def visible_warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
        if type(skip_file_prefixes) is not tuple or type(stacklevel) is not int:
            return warn(message, category, stacklevel, source, skip_file_prefixes=skip_file_prefixes)
        # With prefixes to skip, warn() counts its stack levels from its caller (this function's
        # frame) past those frames: one more level reaches the program's caller.
        return warn(message, category, max(stacklevel, 1) + 1, source, skip_file_prefixes=(*skip_file_prefixes, _ENGINE_PREFIX))

    visible_warn.__doc__ = warn.__doc__
    warnings.warn = visible_warn

    base_tasks.__dict__["_task_get_stack"] = _task_get_stack
    faulthandler.dump_traceback = _dump_traceback

    set_depth = sys.set_coroutine_origin_tracking_depth
    asked = [sys.get_coroutine_origin_tracking_depth()]
    debug_tracking = base_events.BaseEventLoop._set_coroutine_origin_tracking.__code__

    def set_coroutine_origin_tracking_depth(depth):
        set_depth(depth)
        asked[0] = depth
        # For asyncio's debug mode, whose warnings show the origin: a program that reads
        # `cr_origin` itself gets as many frames as it asked for (the engine's among them).
        if depth > 0 and sys._getframe(1).f_code is debug_tracking:
            set_depth(depth + _ORIGIN_SPARE)

    def get_coroutine_origin_tracking_depth():
        return asked[0]

    set_coroutine_origin_tracking_depth.__doc__ = set_depth.__doc__
    get_coroutine_origin_tracking_depth.__doc__ = sys.get_coroutine_origin_tracking_depth.__doc__
    sys.set_coroutine_origin_tracking_depth = set_coroutine_origin_tracking_depth
    sys.get_coroutine_origin_tracking_depth = get_coroutine_origin_tracking_depth

    warn_unawaited = warnings._warn_unawaited_coroutine

    def warn_unawaited_coroutine(coro):
        # warnings._warn_unawaited_coroutine, with the origin's frames the program sees.
        origin = coro.cr_origin
        if origin is None:
            # The standard library's own, whose frame a warning made an error shows.
            return warn_unawaited(coro)
        lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
        visible = [entry for entry in origin if not entry[0].startswith(_ENGINE_PREFIX)][: asked[0]]
        lines.append("Coroutine created at (most recent call last)\n")
        lines += traceback.format_list([(*entry, linecache.getline(entry[0], entry[1])) for entry in reversed(visible)])
        # Its caller is the frame that dropped the coroutine, as natively: this frame is skipped.
        warnings.warn("".join(lines).rstrip("\n"), RuntimeWarning, 1, coro)
        return None

    warnings._warn_unawaited_coroutine = warn_unawaited_coroutine
    # The pure-Python warn() that warnings._deprecated() calls skips them too.
    internal_filename = _py_warnings._is_internal_filename
    _py_warnings._is_internal_filename = lambda filename: filename.startswith(_ENGINE_PREFIX) or internal_filename(filename)


# faulthandler's limits (Python/traceback.c): frames shown per thread, characters per string.
_FAULT_MAX_FRAMES = 100
_FAULT_MAX_STRING = 500


def _fault_ascii(text):
    """A string as faulthandler writes it (_Py_DumpASCII): ASCII, the rest escaped, cut short."""
    cut = len(text) > _FAULT_MAX_STRING
    out = []
    for char in text[:_FAULT_MAX_STRING]:
        code = ord(char)
        if 32 <= code < 127:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    if cut:
        out.append("...")
    return "".join(out)


def _dump_traceback(file=None, all_threads=True):
    """faulthandler.dump_traceback (Modules/faulthandler.c, Python/traceback.c), without the
    hidden frames: written straight to the file's descriptor, after a flush of the file."""
    if file is None:
        file = sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descriptor")
        fd = file
    else:
        fd = file.fileno()
        if not isinstance(fd, int) or fd < 0:
            raise ValueError("file is not a valid file descriptor")
        try:
            file.flush()
        except Exception:  # noqa: BLE001 - faulthandler ignores a failed flush.
            pass
    if all_threads:
        lines = [f"Current thread 0x{_thread.get_ident():016x} (most recent call first):\n"]
    else:
        lines = ["Stack (most recent call first):\n"]
    shown = 0
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if not hidden_frame(code):
            if shown == _FAULT_MAX_FRAMES:
                lines.append("  ...\n")
                break
            line = frame.f_lineno
            number = "???" if line is None or line < 0 else str(line)
            lines.append(f'  File "{_fault_ascii(code.co_filename)}", line {number} in {_fault_ascii(code.co_name)}\n')
            shown += 1
        frame = frame.f_back
    if shown == 0:
        lines.append("  <no Python frame>\n")
    frame = None
    os.write(fd, "".join(lines).encode("ascii"))


_dump_traceback.__name__ = _dump_traceback.__qualname__ = "dump_traceback"
_dump_traceback.__module__ = "faulthandler"
_dump_traceback.__doc__ = faulthandler.dump_traceback.__doc__


def _task_get_stack(task, limit):
    """base_tasks._task_get_stack without the hidden frames."""
    frames = []
    coro = task._coro
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
    if frame is not None:
        while frame is not None and (limit is None or len(frames) < limit):
            if not hidden_frame(frame.f_code):
                frames.append(frame)
            frame = frame.f_back
        frames.reverse()
    elif task._exception is not None:
        tb = task._exception.__traceback__
        while tb is not None and (limit is None or len(frames) < limit):
            if not hidden_frame(tb.tb_frame.f_code):
                frames.append(tb.tb_frame)
            tb = tb.tb_next
    return frames


def instrument_warnings():
    show_warning = warnings._showwarnmsg_impl

    def show(msg):
        if rec is not None:
            line = msg.lineno if msg.filename == rec.user_file else None
            text = safe_str(msg.message) if isinstance(msg.message, Warning) else short_text(str(msg.message))
            rec.emit("warning", {"category": short_text(msg.category.__name__), "message": text, "line": line})
        show_warning(msg)

    warnings._showwarnmsg_impl = show

    show_message = warnings._showwarnmsg

    def _showwarnmsg(msg):
        _place_warning(msg)
        return show_message(msg)

    _showwarnmsg.__doc__ = show_message.__doc__
    warnings._showwarnmsg = _showwarnmsg


def _place_warning(msg):
    """A warning C issued (ResourceWarning from a finalizer, say) is placed at the frame that
    was running, C's setup_context: natively never one of the engine's, which stand where the
    C Task has no frame. It goes to the first frame the program would see there (or to
    `<sys>:0` when there is none), as natively."""
    filename = msg.filename
    if type(filename) is not str or not filename.startswith(_ENGINE_PREFIX):
        return
    frame = sys._getframe(2)
    while frame is not None and not (frame.f_code.co_filename == filename and frame.f_lineno == msg.lineno):
        frame = frame.f_back
    if frame is None:
        return
    while frame is not None and hidden_frame(frame.f_code):
        frame = frame.f_back
    if frame is None:
        msg.filename, msg.lineno = "<sys>", 0
    else:
        msg.filename, msg.lineno = frame.f_code.co_filename, frame.f_lineno
    msg.line = None
    frame = None


class _LogRecorder(logging.Filter):
    def filter(self, record):
        if rec is not None:
            try:
                message = record.getMessage()
            except Exception:
                message = str(record.msg)
            rec.emit("log", {"logger": short_text(str(record.name)), "level": short_text(str(record.levelname)), "message": short_text(message)})
        return True


def instrument_logging():
    logging.getLogger("asyncio").addFilter(_LogRecorder())


def _visible_traceback(unraisable):
    """The traceback an unraisable report has natively. C builds one from the current frame
    when the exception has none (_PyErr_WriteUnraisableMsg): natively the first frame the
    program sees, where here an engine's frame (a task's step) or asyncio's pure-Python one
    may be running. An exception's own traceback loses the hidden frames, as printed ones do."""
    tb = unraisable.exc_traceback
    if tb is None:
        return None
    if tb.tb_next is None and _on_stack(tb.tb_frame):
        # Made from the current frame (and set as the exception's traceback).
        frame = tb.tb_frame
        if not hidden_frame(frame.f_code):
            return tb
        while frame is not None and hidden_frame(frame.f_code):
            frame = frame.f_back
        return None if frame is None else types.TracebackType(None, frame, frame.f_lasti, frame.f_lineno)
    if not any(hidden_frame(each.tb_frame.f_code) for each in _tb_entries(tb)):
        return tb
    visible = [each for each in _tb_entries(tb) if not hidden_frame(each.tb_frame.f_code)]
    head = None
    for each in reversed(visible):
        head = types.TracebackType(head, each.tb_frame, each.tb_lasti, each.tb_lineno)
    return head


_SOURCE_COPIES = "/tmp/.loopscope-sources"


def _open_source(file, mode="r", *args, **kwargs):
    """io.open, and a file of the zipped standard library as a copy on disk (for C's
    traceback printer, which needs a file descriptor)."""
    try:
        return _io_open(file, mode, *args, **kwargs)
    except OSError:
        if type(file) is not str or ".zip/" not in file or sys.meta_path is None:
            raise
        lines = linecache.getlines(file)
        if not lines:
            raise
        copy = os.path.join(_SOURCE_COPIES, file.lstrip("/"))
        if not os.path.exists(copy):
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            with _io_open(copy, "w", encoding="utf-8") as out:
                out.writelines(lines)
        return _io_open(copy, mode, *args, **kwargs)


_io_open = io.open


def _on_stack(frame):
    each = sys._getframe(2)
    while each is not None:
        if each is frame:
            return True
        each = each.f_back
    return False


def _tb_entries(tb):
    while tb is not None:
        yield tb
        tb = tb.tb_next


# sys.unraisablehook (and sys.__unraisablehook__): the C hook, given the traceback the program
# would have natively (see _visible_traceback). It reads as the C function it stands for.
class builtin_function_or_method:  # noqa: N801 - the name the C hook's type has.

    __slots__ = ("_ls_hook",)
    __doc__ = property(lambda self: self._ls_hook.__doc__)
    __module__ = property(lambda self: self._ls_hook.__module__)

    def __init__(self, hook):
        self._ls_hook = hook

    def __call__(self, unraisable, /):
        unraisable = _visible_unraisable(unraisable)
        # The C hook prints the traceback itself, reading each frame's file with io.open: the
        # standard library's files, inside Pyodide's zip, are given it from linecache.
        opener = io.open
        io.open = _open_source
        try:
            return self._ls_hook(unraisable)
        finally:
            io.open = opener

    def __repr__(self):
        return "<built-in function unraisablehook>"

    def __reduce__(self):
        return "unraisablehook"

    def __getattr__(self, name):
        # __name__, __qualname__, __doc__, __text_signature__, __self__ (the sys module)...
        return getattr(self._ls_hook, name)


def _visible_unraisable(unraisable):
    """The hook's argument with the traceback it has natively (see _visible_traceback)."""
    tb = _visible_traceback(unraisable)
    if tb is unraisable.exc_traceback:
        return unraisable
    value = unraisable.exc_value
    if value is not None and value.__traceback__ is unraisable.exc_traceback:
        value.__traceback__ = tb
    return type(unraisable)((unraisable.exc_type, value, tb, unraisable.err_msg, unraisable.object))


class _ProgramHook:
    """What C calls for a hook the program set: the program's hook, given the traceback it has
    natively, never one made from an engine's frame (a task's step, where C Task has none)."""

    __slots__ = ("hook",)

    def __init__(self, hook):
        self.hook = hook

    def __call__(self, unraisable, /):
        return self.hook(_visible_unraisable(unraisable))


def _get_unraisablehook(module):
    hook = vars(module).get("unraisablehook")
    if hook is None:
        raise AttributeError("module 'sys' has no attribute 'unraisablehook'")
    return hook.hook if type(hook) is _ProgramHook else hook


def _set_unraisablehook(module, hook):
    # C reads the hook from sys's dict: what it finds there wraps the program's.
    vars(module)["unraisablehook"] = hook if isinstance(hook, builtin_function_or_method) else _ProgramHook(hook)


def _del_unraisablehook(module):
    try:
        del vars(module)["unraisablehook"]
    except KeyError:
        raise AttributeError("unraisablehook") from None


class module(types.ModuleType):  # noqa: N801 - reads as the type of every module.
    """The sys module's type: a module whose `unraisablehook`, set by the program, reads back
    as the program's function while C finds it wrapped (see _ProgramHook)."""

    __slots__ = ()
    unraisablehook = property(_get_unraisablehook, _set_unraisablehook, _del_unraisablehook)


module.__module__ = "builtins"


def instrument_unraisable():
    hook = builtin_function_or_method(sys.__unraisablehook__)
    sys.unraisablehook = sys.__unraisablehook__ = hook
    sys.__class__ = module


def install():
    _collect_c_codes()
    instrument_handle()
    instrument_future()
    instrument_task()
    instrument_tracebacks()
    instrument_stacks()
    instrument_warnings()
    instrument_logging()
    instrument_unraisable()


assert os.path.basename(futures.__file__) == "futures.py"
