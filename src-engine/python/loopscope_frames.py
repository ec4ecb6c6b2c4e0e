"""Each task's coroutine stack, with the local variables of its frames, as Python Tutor shows
a program's frames.

Recorded when a task's step ends with the task still pending (it awaits, or yields): the await
chain from the task's coroutine down (`cr_await`, `gi_yieldfrom`), keeping only the frames of
the program's own file, outermost first. A task's stack is recorded again only when it differs
from the one recorded before, so a task that waits in a loop with the same values costs nothing.
"""

from asyncio import futures, tasks

from loopscope_trace import SAFE_SCALARS, coroutine_link, future_id, safe_repr

rec = None  # The current run's Recorder; set by loopscope_engine.bind().

_Future = futures.Future

# The innermost frames kept of a deeper stack (a recursion of coroutines), the locals kept of
# one frame, and the characters of one value: a stack stays a few kilobytes at most.
MAX_FRAMES = 12
MAX_LOCALS = 24
VALUE_LIMIT = 160
# The tasks and futures linked from one container value (a list of tasks).
MAX_ITEMS = 8


_link = coroutine_link


def _futures_in(value):
    """The trace ids of the tasks and futures a list, tuple, set or dict holds (its values)."""
    kind = type(value)
    if kind is dict:
        value = value.values()
    elif kind not in (list, tuple, set, frozenset):
        return None
    ids = []
    for item in value:
        if issubclass(type(item), _Future):
            ids.append(future_id(item))
            if len(ids) == MAX_ITEMS:
                break
    return ids or None


def _local(name, value):
    # Not isinstance(), which would read a program's object's `__class__`, maybe a property.
    if issubclass(type(value), _Future):
        # The UI draws it as a link to the task's card (or names the future).
        return {"name": name, "value": safe_repr(value), "ref": future_id(value)}
    text = safe_repr(value)
    if len(text) > VALUE_LIMIT:
        text = text[: VALUE_LIMIT - 1] + "…"
    entry = {"name": name, "value": text}
    items = _futures_in(value)
    if items is not None:
        entry["items"] = items
    return entry


def _locals_of(frame):
    # For a suspended frame, f_locals is a read-only view (PEP 667): no program code runs.
    entries = []
    for name, value in frame.f_locals.items():
        if name.startswith("."):
            continue
        # A number, a string or None (the common case) shows as safe_repr gives it, which
        # is never longer than VALUE_LIMIT.
        if type(value) in SAFE_SCALARS:
            entries.append({"name": name, "value": safe_repr(value)})
        else:
            entries.append(_local(name, value))
        if len(entries) == MAX_LOCALS:
            break
    return entries


def stack_of(coro, user_file):
    """The frames of the program's file on a suspended coroutine's await chain."""
    frames = []
    while coro is not None:
        frame, coro = _link(coro)
        if frame is not None and frame.f_code.co_filename == user_file:
            frames.append(frame)
    return [
        {"name": frame.f_code.co_qualname, "line": frame.f_lineno, "locals": _locals_of(frame)}
        for frame in frames[-MAX_FRAMES:]
    ]


def record(task, n, frames):
    """Records task `n`'s stack (`stack_of` its coroutine) when it changed since its last
    record."""
    if frames != task._ls_frames:
        task._ls_frames = frames
        rec.row("task.frames", n, frames)


def install():
    # The stack last recorded for each task, kept on the task so that it goes with it.
    tasks.Task._ls_frames = None
